"""The `github` format: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from trackplan.diagnostics import Diagnostic, Report, Severity
from trackplan.reporting.context import describe

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(report: Report) -> str:
    """One `::error file=...,line=...,col=...,title=CODE::message` line per diagnostic."""
    return "".join(format_annotation(diag) + "\n" for diag in sorted(report.diagnostics))


def format_annotation(diag: Diagnostic) -> str:
    """The workflow command for one diagnostic, with its values escaped."""
    props = []
    if diag.file:
        props.append(f"file={escape_property(diag.file)}")
        if diag.line:
            props.append(f"line={diag.line}")
            if diag.column:
                props.append(f"col={diag.column}")
    props.append(f"title={escape_property(diag.code)}")
    return f"::{_COMMANDS[diag.severity]} {','.join(props)}::{escape_data(describe(diag))}"


def escape_data(value: str) -> str:
    """Escape a command's message, as the Actions runner expects."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value: as data, plus `:` and `,`, which delimit properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
