"""The `markdown` format of `trackplan diff`: a summary fit for a pull-request comment.

A title with the bump the changes need, one line with the counts and the version check, then
one table of changes grouped by event (or `identify`, `common`, `page Pricing`, `plan`, …),
breaking changes first within each group. Text from the plan is escaped, so an event name
cannot break the table or inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Report
from trackplan.diffing.changes import BREAKING_CODES

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")
_WHITESPACE = re.compile(r"\s+")


def render_markdown(report: Report) -> str:
    """The diff report as GitHub-flavoured Markdown, ending with a newline."""
    summary = report.summary
    bump = str(summary.get("bump", "none"))
    lines = [f"### Tracking plan changes: {_title(bump)}", ""]
    lines.append(_describe_counts(report, summary))
    version = _describe_version(report, summary)
    if version:
        lines.append("")
        lines.append(version)
    rows = _rows(report)
    if rows:
        lines += ["", "| Event | Change | Kind | Code | Where |", "|---|---|---|---|---|"]
        lines += rows
    return "\n".join(lines) + "\n"


def _title(bump: str) -> str:
    if bump == "none":
        return "no changes"
    return f"**{bump}** version bump needed"


def _describe_counts(report: Report, summary: Mapping[str, Any]) -> str:
    old, new = _code(str(summary.get("old", "OLD"))), _code(str(summary.get("new", "NEW")))
    breaking = sum(1 for d in report.diagnostics if d.code in BREAKING_CODES)
    shown = sum(1 for d in report.diagnostics if d.code != codes.VERSION_NOT_BUMPED)
    compatible = shown - breaking
    if not shown:
        return f"{old} → {new}: nothing to report."
    parts = [f"**{breaking} breaking**" if breaking else "0 breaking", f"{compatible} compatible"]
    noun = "change" if shown == 1 else "changes"
    return f"{old} → {new}: {parts[0]} and {parts[1]} {noun}."


def _describe_version(report: Report, summary: Mapping[str, Any]) -> str:
    old, new = summary.get("old_version"), summary.get("new_version")
    required = summary.get("required_version")
    if not old and not new:
        return ""
    if not old or not new:
        return f"Plan version: {_escape(str(old or 'none'))} → {_escape(str(new or 'none'))}."
    failed = any(d.code == codes.VERSION_NOT_BUMPED for d in report.diagnostics)
    text = f"Plan version: {_escape(str(old))} → {_escape(str(new))}"
    if failed:
        return f"{text}: **not bumped enough**, set it to {_escape(str(required))} or higher."
    return f"{text}: ok."


def _rows(report: Report) -> list[str]:
    groups_of = _groups(report.summary)
    # Plan-wide changes first, then events and sections in the order the report found them.
    groups: dict[tuple[bool, str], list[Diagnostic]] = {(False, "plan"): []}
    for diag in report.diagnostics:
        key = (True, diag.event) if diag.event else (False, groups_of.get(_identity(diag), "plan"))
        groups.setdefault(key, []).append(diag)
    rows = []
    for (_, group), diagnostics in groups.items():
        ordered = sorted(diagnostics, key=lambda d: d.code not in BREAKING_CODES)
        for index, diag in enumerate(ordered):
            label = f"**{_escape(group)}**" if index == 0 else ""
            change = _escape(diag.message)
            if diag.hint:
                change += f" <br>*{_escape(diag.hint)}*"
            where = f"{diag.file}:{diag.line}" if diag.line else diag.file
            rows.append(
                f"| {label} | {change} | {_kind(diag.code)} | {diag.code} | {_code(where)} |"
            )
    return rows


def _groups(summary: Mapping[str, Any]) -> dict[tuple[str, str, str], str]:
    """(code, path, message) → group, from the summary's change list."""
    return {
        (str(c.get("code")), str(c.get("path")), str(c.get("message"))): str(c.get("group"))
        for c in summary.get("changes", ())
    }


def _identity(diag: Diagnostic) -> tuple[str, str, str]:
    return diag.code, diag.path, diag.message


def _kind(code: str) -> str:
    if code in BREAKING_CODES:
        return "**breaking**"
    return "version" if code == codes.VERSION_NOT_BUMPED else "compatible"


def _escape(text: str) -> str:
    """Plan text made inert in a Markdown table cell: one line, markup characters escaped."""
    return _SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text).strip())


def _code(text: str) -> str:
    """An inline code span that survives backticks and pipes in `text`."""
    clean = _WHITESPACE.sub(" ", text).strip().replace("|", "\\|")
    fence = "``" if "`" in clean else "`"
    return f"{fence} {clean} {fence}" if fence == "``" else f"`{clean}`"
