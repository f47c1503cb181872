"""Running an export to Segment: the Public API JSON and a Report of what it cannot carry.

`export jsonschema` needs nothing here: it is `compile` (compiler.compiled_files and
schemafiles.write_schema_files).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trackplan.diagnostics import Report
from trackplan.files import display_path, write_atomic
from trackplan.interop.segment import export_segment, render_export
from trackplan.model import Plan

STDOUT = "-"


@dataclass(frozen=True)
class ExportOutcome:
    """The exported text and the report of what did not carry over."""

    text: str
    report: Report


def export_segment_plan(plan: Plan) -> ExportOutcome:
    """The plan as a Segment Public API tracking plan, without printing."""
    document, losses = export_segment(plan)
    summary = {"rules": len(document["rules"]), "events": len(plan.events)}
    return ExportOutcome(render_export(document), Report.build("export", losses, summary))


def write_export(text: str, out: Path) -> str:
    """Write an export to `out` (replacing it: an export is generated), returning its shown path."""
    if out.is_dir():
        out = out / "tracking-plan.json"
    write_atomic(out, text)
    return display_path(out)
