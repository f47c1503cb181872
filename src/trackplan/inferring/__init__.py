"""Inferring a draft tracking plan from observed messages (`trackplan infer`).

Logs are streamed once (`collecting`), each place in the messages summarised in bounded
memory (`observing`), the summaries turned into a frozen draft (`drafting`) and written as
plan YAML (`rendering`); the names seen are checked against the conventions (`findings`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from trackplan.diagnostics import Report, TrackplanError
from trackplan.files import display_path
from trackplan.inferring.collecting import LogStats, collect
from trackplan.inferring.drafting import Draft, build_draft
from trackplan.inferring.findings import (
    check_limits,
    check_names,
    choose_property_convention,
    property_sightings,
)
from trackplan.inferring.reading import LogSource, find_sources
from trackplan.inferring.rendering import render_draft
from trackplan.model import EventNaming, PropertyNaming

__all__ = [
    "Inference",
    "LogSource",
    "check_draft_target",
    "find_sources",
    "infer_plan",
    "write_draft",
]


@dataclass(frozen=True)
class Inference:
    """A draft plan (YAML text and model) and the report about the logs it came from."""

    yaml: str
    draft: Draft
    report: Report


def infer_plan(
    sources: Sequence[LogSource],
    events_convention: EventNaming = EventNaming.OBJECT_ACTION,
    properties_convention: PropertyNaming | None = None,
) -> Inference:
    """Read the logs and draft a plan; `properties_convention` None means the data's own.

    Raises TrackplanError when a log cannot be read or holds no usable message.
    """
    stats = collect(sources)
    if not (stats.events or stats.identify or stats.group or stats.pages or stats.screens):
        raise TrackplanError(_nothing_to_infer(stats))
    if properties_convention is None:
        properties_convention = choose_property_convention(property_sightings(stats))
    draft = build_draft(stats, events_convention, properties_convention)
    diagnostics = [*stats.diagnostics, *check_limits(stats)]
    diagnostics += check_names(stats, events_convention, properties_convention)
    return Inference(
        render_draft(draft), draft, Report.build("infer", diagnostics, _summary(stats))
    )


def _summary(stats: LogStats) -> dict[str, int]:
    return {
        "files": stats.files,
        "lines": stats.lines,
        "messages": stats.messages,
        "unusable_lines": stats.bad_lines,
        "events": len(stats.events),
        "page_names": len([name for name in stats.pages if name]),
        "screen_names": len([name for name in stats.screens if name]),
        "alias_messages": stats.aliases,
        "messages_left_out": stats.skipped,
    }


def _nothing_to_infer(stats: LogStats) -> str:
    where = ", ".join(dict.fromkeys(d.file for d in stats.diagnostics)) or "the logs"
    text = f"{where}: no usable message in {stats.lines} lines, nothing to infer"
    if stats.diagnostics:
        first = stats.diagnostics[0]
        text += f" (first problem: {first.location()}: {first.message})"
    return text


def check_draft_target(path: Path, force: bool) -> None:
    """Refuse to overwrite an existing file without `force`, before any log is read."""
    if path.is_dir():
        raise TrackplanError(f"{display_path(path)}: is a folder; give a file name for the draft")
    if path.exists() and not force:
        raise TrackplanError(f"{display_path(path)}: already exists; pass --force to overwrite it")


def write_draft(path: Path, text: str) -> None:
    """Write the draft, replacing the file in one step (a reader never sees half of it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise TrackplanError(f"{display_path(path)}: cannot write: {exc.strerror or exc}") from None
