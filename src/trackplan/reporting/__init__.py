"""Reporters: one pure function per output format, each turning a Report into a string."""

from __future__ import annotations

from enum import StrEnum
from importlib import import_module
from typing import Any

from trackplan.diagnostics import Report
from trackplan.reporting.context import RenderContext, RuleInfo

# Renderers load on first use: the text one pulls in rich, which JSON output never needs.
_RENDERERS = {
    "render_text": "trackplan.reporting.text",
    "render_json": "trackplan.reporting.json_format",
    "render_sarif": "trackplan.reporting.sarif",
    "render_github": "trackplan.reporting.github",
    "render_junit": "trackplan.reporting.junit",
}

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
    renderer = __getattr__(f"render_{fmt.value}")
    if fmt in _USES_CONTEXT:
        return str(renderer(report, context))
    return str(renderer(report))


# Text needs colors, sources and widths; SARIF needs rule docs and the version.
_USES_CONTEXT = frozenset((OutputFormat.TEXT, OutputFormat.SARIF))


def __getattr__(name: str) -> Any:
    """`from trackplan.reporting import render_text` still works, importing it on demand."""
    module = _RENDERERS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)
