"""Reporters: one pure function per output format, each turning a Report into a string."""

from __future__ import annotations

from enum import StrEnum

from trackplan.diagnostics import Report
from trackplan.reporting.context import RenderContext, RuleInfo
from trackplan.reporting.github import render_github
from trackplan.reporting.json_format import render_json
from trackplan.reporting.junit import render_junit
from trackplan.reporting.sarif import render_sarif
from trackplan.reporting.text import render_text

__all__ = [
    "OutputFormat",
    "RenderContext",
    "RuleInfo",
    "render",
    "render_github",
    "render_json",
    "render_junit",
    "render_sarif",
    "render_text",
]


class OutputFormat(StrEnum):
    """The `--format` choices."""

    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"


def render(report: Report, fmt: OutputFormat, *, context: RenderContext) -> str:
    """The report in format `fmt`, ready to write to stdout."""
    match fmt:
        case OutputFormat.TEXT:
            return render_text(report, context)
        case OutputFormat.JSON:
            return render_json(report)
        case OutputFormat.SARIF:
            return render_sarif(report, context)
        case OutputFormat.GITHUB:
            return render_github(report)
        case OutputFormat.JUNIT:
            return render_junit(report)
