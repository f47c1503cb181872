"""Running an import: read the input, convert it, share repeated properties, render the YAML plan.

`import_plan` returns the plan text and a Report of what could not be carried over, without
printing; `write_plan` puts the text where `--out` says. A `--out` ending in `.yaml`/`.yml` is
a file; anything else is a folder that gets `plan.yaml`. An existing file is never overwritten,
and a folder that already holds plan files (which `trackplan` would merge with the import) is
refused, unless `force` is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from trackplan.diagnostics import Report, TrackplanError
from trackplan.files import display_path, write_atomic
from trackplan.interop.findings import Findings
from trackplan.interop.imported import ImportedPlan, Kind
from trackplan.interop.jsonfile import describe_input, read_json
from trackplan.interop.jsonschema_dir import import_jsonschema
from trackplan.interop.rudderstack import import_rudderstack
from trackplan.interop.segment import import_segment
from trackplan.interop.sharing import share_properties
from trackplan.interop.writer import render_plan
from trackplan.loading.loader import load_plan_texts
from trackplan.loading.source import PLAN_SUFFIXES

PLAN_FILE = "plan.yaml"


class Source(StrEnum):
    """What `trackplan import` reads."""

    SEGMENT = "segment"
    RUDDERSTACK = "rudderstack"
    JSONSCHEMA = "jsonschema"


@dataclass(frozen=True)
class ImportOutcome:
    """The imported plan, its YAML text, and the report of what did not carry over."""

    plan: ImportedPlan
    text: str
    report: Report


def import_plan(source: Source, paths: Sequence[Path]) -> ImportOutcome:
    """Read `paths` as `source` and build the YAML plan; bad input raises TrackplanError."""
    if source is Source.JSONSCHEMA:
        findings = Findings(display_path(paths[0]) if paths else "")
        plan = import_jsonschema(paths, findings)
    else:
        path = paths[0]
        shown = describe_input(path)
        findings = Findings(shown)
        data = read_json(path)
        reader = import_segment if source is Source.SEGMENT else import_rudderstack
        plan = reader(data, shown, findings)
    plan = share_properties(plan)
    text = render_plan(plan, f"trackplan import {source.value}")
    check_loads(text, plan.source)
    report = Report.build("import", findings.diagnostics(), summarize(plan))
    return ImportOutcome(plan, text, report)


def check_loads(text: str, source: str) -> None:
    """Refuse to hand out a plan `trackplan` itself would not load (a bug, never expected)."""
    problems = [
        d for d in load_plan_texts([("plan.yaml", text)]).diagnostics if d.code.startswith("TP1")
    ]
    if problems:
        first = problems[0]
        raise TrackplanError(
            f"{source}: the imported plan would not load ({first.code} {first.message} at"
            f" {first.location()}); nothing was written. Please report this as a bug"
        )


def summarize(plan: ImportedPlan) -> dict[str, Any]:
    """The figures a person checks after an import."""
    summary: dict[str, Any] = {"source": plan.source, "shape": plan.shape}
    summary["events"] = len(plan.events)
    summary["shared_properties"] = len(plan.shared)
    if plan.common:
        summary["common_properties"] = len(plan.common)
    others = [
        kind.value + (f" ({len(named)} named)" if (named := plan.of_kind(kind, True)) else "")
        for kind in (Kind.IDENTIFY, Kind.GROUP, Kind.PAGE, Kind.SCREEN)
        if any(s.kind is kind for s in plan.sections)
    ]
    if others:
        summary["also"] = ", ".join(others)
    return summary


def resolve_target(out: Path) -> Path:
    """The file `--out` names: itself when it ends in .yaml/.yml, else `plan.yaml` inside it."""
    if out.suffix.lower() in PLAN_SUFFIXES and not out.is_dir():
        return out
    return out / PLAN_FILE


def write_plan(text: str, out: Path, *, force: bool = False) -> Path:
    """Write the plan text for `--out`; refuses to overwrite or to merge unless `force`."""
    target = resolve_target(out)
    shown = display_path(target)
    if target.is_dir():
        raise TrackplanError(f"{shown}: is a folder; give another --out")
    if target.exists() and not force:
        raise TrackplanError(
            f"{shown}: already exists; nothing was written (--force overwrites it)"
        )
    folder = target.parent
    if not force and target != out and folder.is_dir():
        others = sorted(
            p for p in folder.rglob("*") if p.suffix.lower() in PLAN_SUFFIXES and p.is_file()
        )
        if others:
            raise TrackplanError(
                f"{display_path(folder)}: already holds plan files ({display_path(others[0])}…),"
                " which would merge with the import; give --out a new folder or a .yaml file"
                " (--force writes anyway)"
            )
    write_atomic(target, text)
    return target
