"""The `json` format: one object with the diagnostics and the summary, sorted keys."""

from __future__ import annotations

import json

from trackplan.diagnostics import Report


def render_json(report: Report) -> str:
    """`{"diagnostics": [...], "summary": {...}}`, indented, keys sorted, newline-terminated."""
    document = {
        "diagnostics": [diag.to_dict() for diag in sorted(report.diagnostics)],
        "summary": report.full_summary(),
    }
    return json.dumps(document, indent=2, sort_keys=True) + "\n"
