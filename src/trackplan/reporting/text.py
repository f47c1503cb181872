"""The `text` format: diagnostics for people, grouped by file, with source lines and a summary."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from itertools import groupby
from typing import Any

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from trackplan.diagnostics import Diagnostic, Report, Severity
from trackplan.reporting.context import RenderContext

_SEVERITY_STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold blue",
}
_TAB_SIZE = 4
# Source lines longer than this are shown as a window around the column.
_SOURCE_WIDTH = 120
# Values from inputs (event names, log lines, source code) may hold control characters;
# shown raw they could move the cursor or inject colors into "plain" output.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def render_text(report: Report, context: RenderContext) -> str:
    """The human report: diagnostics by file, a summary line, statistics and command figures."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=context.color,
        no_color=not context.color,
        # Fixed rather than detected, so output does not depend on TERM, COLUMNS or the OS
        # (rich ignores `width` on a TERM=dumb terminal unless `height` is given too).
        color_system="standard" if context.color else None,
        width=context.width,
        height=25,
        legacy_windows=False,
        highlight=False,
        markup=False,
        emoji=False,
        # Long lines stay whole: locations remain clickable and carets stay aligned.
        soft_wrap=True,
    )
    diagnostics = sorted(report.diagnostics)
    # Grouped by file, a blank line between groups; every location keeps its path, so that
    # terminals and editors can open it.
    for _, group in groupby(diagnostics, key=lambda diag: diag.file):
        for diag in group:
            for line in _describe(diag, context):
                console.print(line)
        console.print()
    console.print(summarize_counts(report), style="bold")
    if context.statistics and diagnostics:
        console.print()
        console.print(_build_statistics(report, context), soft_wrap=False)
    figures = list(_build_figures(report.summary, context.width))
    if figures:
        console.print()
        for renderable in figures:
            console.print(renderable, soft_wrap=False)
    # Tables pad their cells; trailing blanks would only make golden files fragile.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def summarize_counts(report: Report) -> str:
    """`3 errors, 1 warning, 0 info in 2 files`, or `No problems found.`."""
    if not report.diagnostics:
        return "No problems found."
    counts = report.counts()
    line = ", ".join(
        (
            _pluralize(counts[Severity.ERROR], "error"),
            _pluralize(counts[Severity.WARNING], "warning"),
            f"{counts[Severity.INFO]} info",
        )
    )
    files = len({diag.file for diag in report.diagnostics if diag.file})
    return f"{line} in {_pluralize(files, 'file')}" if files else line


def _describe(diag: Diagnostic, context: RenderContext) -> Iterator[Text]:
    """The header line, then event and path, the source line with a caret, and the hint."""
    severity_style = _SEVERITY_STYLES[diag.severity]
    yield Text.assemble(
        (_printable(diag.location()), "bold"),
        "  ",
        (diag.severity.value, severity_style),
        "  ",
        (diag.code, "bold"),
        "  ",
        _printable(diag.message),
    )
    where = [f"event: {diag.event}"] if diag.event else []
    where += [f"path: {diag.path}"] if diag.path else []
    if where:
        yield Text("  " + _printable(", ".join(where)), style="dim")
    yield from _show_source(diag, context, severity_style)
    if diag.hint:
        yield Text.assemble("  ", ("hint:", "bold cyan"), " ", _printable(diag.hint))


def _show_source(diag: Diagnostic, context: RenderContext, caret_style: str) -> Iterator[Text]:
    """`  3 | the line` and a caret under the column, when the line can be read."""
    if context.read_source is None or not diag.file or diag.line < 1:
        return
    lines = context.read_source(diag.file)
    if lines is None or diag.line > len(lines):
        return
    raw = lines[diag.line - 1].rstrip("\r\n")
    column = diag.column
    if len(raw) > _SOURCE_WIDTH:
        raw, column = _window(raw, column)
    gutter = str(diag.line)
    yield Text.assemble(
        ("  " + gutter + " | ", "blue"), _printable(raw.expandtabs(_TAB_SIZE)).rstrip()
    )
    if column:
        # Measured on the line as shown: tabs expanded, control characters escaped, and
        # wide characters taking two cells.
        offset = cell_len(_printable(raw[: column - 1].expandtabs(_TAB_SIZE)))
        yield Text.assemble(
            ("  " + " " * len(gutter) + " | ", "blue"), " " * offset, ("^", caret_style)
        )


def _window(raw: str, column: int) -> tuple[str, int]:
    """A long line (an NDJSON message) cut to the part around `column`, marked with `…`."""
    start = max(0, (column or 1) - 1 - _SOURCE_WIDTH // 2)
    end = min(len(raw), start + _SOURCE_WIDTH)
    start = max(0, end - _SOURCE_WIDTH)
    head = "…" if start > 0 else ""
    tail = "…" if end < len(raw) else ""
    shown = head + raw[start:end] + tail
    return shown, (column - start + len(head)) if column else 0


def _build_statistics(report: Report, context: RenderContext) -> Table:
    """Count, code and rule name of every code reported, like ruff's `--statistics`."""
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("count", justify="right")
    table.add_column("code")
    table.add_column("rule")
    for code, count in report.code_counts().items():
        info = context.rule_docs.get(code)
        table.add_row(Text(str(count)), Text(code, style="bold"), Text(info.name if info else ""))
    return table


def _build_figures(summary: Mapping[str, Any], width: int) -> Iterator[RenderableType]:
    """The command's own figures: scalars as `key: value`, flat mappings of scalars as tables."""
    for key, value in summary.items():
        label = _printable(str(key).replace("_", " "))
        if isinstance(value, bool):
            yield Text(f"{label}: {'yes' if value else 'no'}")
        elif isinstance(value, str | int | float):
            line = f"{label}: {_printable(str(value))}"
            # One line per figure: long samples (a whole message) are cut, not wrapped.
            yield Text(line if len(line) <= width else line[: width - 1] + "…")
        elif _is_count_table(value):
            table = Table(box=None, show_header=False, pad_edge=False, show_edge=False)
            table.add_column()
            numeric = all(isinstance(v, int | float) for v in value.values())
            table.add_column(justify="right" if numeric else "left")
            for name, count in value.items():
                table.add_row(Text(_printable(name)), Text(str(count)))
            yield Text(f"{label}:")
            yield Padding(table, (0, 0, 0, 2))
        # Anything else (lists, nested mappings) is for the machine formats.


def _is_count_table(value: object) -> bool:
    """A flat mapping of names to counts or short texts (check's steps, per-source counts)."""
    return (
        isinstance(value, Mapping)
        and bool(value)
        and all(
            isinstance(k, str) and isinstance(v, int | str) and not isinstance(v, bool)
            for k, v in value.items()
        )
    )


def _pluralize(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _printable(value: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", value)
