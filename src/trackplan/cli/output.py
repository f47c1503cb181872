"""Printing a report in the chosen format and turning it into the exit code: settle → render →
echo → exit, written once for every command (stdout, or stderr where stdout carries a document).
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from pathlib import Path

import typer

from trackplan import __version__
from trackplan.cli.common import use_color
from trackplan.codes import CODES
from trackplan.config import Settings
from trackplan.diagnostics import Report, apply_severities, select_diagnostics
from trackplan.files import write_atomic
from trackplan.reporting import OutputFormat, RenderContext, RuleInfo, render


def settle(report: Report, settings: Settings) -> Report:
    """Apply configured severities, then --select/--ignore (rule names are accepted as codes)."""
    if settings.select or settings.ignore or settings.severity:
        # Rule names need the lint rules, which a run without selectors need not load.
        from trackplan.linting.engine import resolve_rule_names

        settings = resolve_rule_names(settings)
    diagnostics = apply_severities(report.diagnostics, settings.severity)
    diagnostics = select_diagnostics(diagnostics, settings.select, settings.ignore)
    return report.with_diagnostics(diagnostics)


class Stream(Enum):
    """Where a report goes: stdout, or stderr when stdout carries a document (import, export,
    infer write the plan or schema there)."""

    STDOUT = "stdout"
    STDERR = "stderr"


def emit(
    report: Report,
    settings: Settings,
    fmt: OutputFormat,
    statistics: bool = False,
    *,
    stream: Stream = Stream.STDOUT,
    show_source: bool = True,
) -> int:
    """Print the settled report and return the exit code for `--fail-on`.

    An input that could not be read (`Report.unreadable`) means the job was not fully done:
    exit 2, after the findings about everything else are shown. `show_source=False` keeps
    the text format from echoing input lines (a log can be gigabytes).
    """
    report = settle(report, settings)
    err = stream is Stream.STDERR
    context = _context(use_color(err), statistics, show_source)
    typer.echo(render(report, fmt, context=context), nl=False, err=err)
    return report.exit_code(settings.fail_on)


def write_report(report: Report, settings: Settings, fmt: OutputFormat, target: Path) -> None:
    """Write the settled report to a file as well (atomically), for example SARIF for upload."""
    text = render(settle(report, settings), fmt, context=_context(False, False, True))
    write_atomic(target, text)


def _context(color: bool, statistics: bool, show_source: bool) -> RenderContext:
    return RenderContext(
        color=color,
        statistics=statistics,
        read_source=read_source_lines if show_source else _no_source,
        rule_docs=rule_docs(),
        tool_version=__version__,
    )


def _no_source(path: str) -> tuple[str, ...] | None:
    return None


# Source lines are shown for files up to this size: a plan, a fixture, a source file. A large
# NDJSON log would be read whole into memory just to show a few lines.
MAX_SOURCE_BYTES = 16 * 1024 * 1024


def read_source_lines(path: str) -> tuple[str, ...] | None:
    """The lines of a file named in a diagnostic, for showing the offending line."""
    return _read_lines(Path(path).resolve())


@cache
def _read_lines(path: Path) -> tuple[str, ...] | None:
    # Keyed by absolute path: one process may report on several working directories (tests).
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES or path.suffix == ".gz":
            return None
        return tuple(path.read_text(encoding="utf-8-sig").splitlines())
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def rule_docs() -> dict[str, RuleInfo]:
    return {code: RuleInfo(code, info.name, info.summary) for code, info in CODES.items()}
