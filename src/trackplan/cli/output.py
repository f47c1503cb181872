"""Printing a report in the chosen format and turning it into the exit code."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import typer

from trackplan import __version__
from trackplan.cli.common import use_color
from trackplan.codes import CODES
from trackplan.config import Settings
from trackplan.diagnostics import ExitCode, Report, apply_severities, select_diagnostics
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
    return Report.build(report.command, diagnostics, report.summary)


def emit(report: Report, settings: Settings, fmt: OutputFormat, statistics: bool = False) -> int:
    """Print the settled report to stdout and return the exit code for `--fail-on`.

    An input that could not be read (the summary's `unreadable_files`) means the job was not
    fully done: exit 2, after the findings about everything else are shown.
    """
    report = settle(report, settings)
    typer.echo(render(report, fmt, context=_context(use_color(), statistics)), nl=False)
    if report.summary.get("unreadable_files"):
        return ExitCode.UNUSABLE
    return report.exit_code(settings.fail_on)


def write_report(report: Report, settings: Settings, fmt: OutputFormat, target: Path) -> None:
    """Write the settled report to a file as well (atomically), for example SARIF for upload."""
    text = render(settle(report, settings), fmt, context=_context(False, False))
    write_atomic(target, text)


def _context(color: bool, statistics: bool) -> RenderContext:
    return RenderContext(
        color=color,
        statistics=statistics,
        read_source=read_source_lines,
        rule_docs=rule_docs(),
        tool_version=__version__,
    )


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
