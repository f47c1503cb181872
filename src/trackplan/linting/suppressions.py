"""Inline suppressions: `# trackplan: ignore[TP201]` comments in plan files, found and applied.

A comment silences the findings of the codes it names (codes, prefixes or rule names,
comma-separated) on its own line; a bare `# trackplan: ignore` silences every finding on
the line. The comment must be a YAML comment: a `#` at the start of a line or after a
space, outside quotes. Lines inside block scalars (`description: |`) are read the same
way, so a description line that starts with `# trackplan: ignore` counts as a comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from trackplan.diagnostics import Diagnostic, code_matches
from trackplan.loading.source import YamlDocument

_DIRECTIVE = re.compile(r"\btrackplan:\s*ignore\b")
# Quotes open a quoted scalar only where a value starts, not inside a word ("it's").
_VALUE_STARTS = frozenset(":-[{,?")


class Problem(StrEnum):
    """Why a suppression entry is reported."""

    UNUSED = "unused"  # it silenced nothing
    UNKNOWN = "unknown"  # it names no code or rule
    MALFORMED = "malformed"  # `ignore[` without `]`


@dataclass(frozen=True)
class Suppression:
    """One comment: where it is and what it names (empty `entries`: every code)."""

    file: str
    line: int
    column: int
    entries: tuple[str, ...] = ()
    malformed: bool = False


@dataclass(frozen=True)
class Unused:
    """A suppression entry that did not do its job; `entry` is "" for a bare comment."""

    suppression: Suppression
    entry: str
    problem: Problem
    code: str = ""  # the code or prefix the entry stands for, when known


@dataclass(frozen=True)
class Outcome:
    kept: tuple[Diagnostic, ...]
    silenced: int
    unused: tuple[Unused, ...]


def find_suppressions(documents: Iterable[YamlDocument]) -> list[Suppression]:
    """Every `trackplan: ignore` comment of the plan files, in file and line order."""
    found = []
    for doc in documents:
        if "trackplan:" not in doc.text:
            continue
        for number, text in enumerate(doc.text.splitlines(), start=1):
            if "trackplan:" not in text:
                continue
            suppression = parse_comment(doc.path, number, text)
            if suppression is not None:
                found.append(suppression)
    return found


def parse_comment(file: str, line: int, text: str) -> Suppression | None:
    """The suppression in one line's YAML comment, if it has one."""
    start = comment_start(text)
    if start is None:
        return None
    match = _DIRECTIVE.search(text, start)
    if match is None:
        return None
    rest = text[match.end() :]
    column = start + 1
    if not rest.startswith("["):
        return Suppression(file, line, column)
    close = rest.find("]")
    if close < 0:
        return Suppression(file, line, column, malformed=True)
    entries = tuple(part.strip() for part in rest[1:close].split(",") if part.strip())
    return Suppression(file, line, column, entries, malformed=not entries)


def comment_start(text: str) -> int | None:
    """The index of the `#` that opens the line's YAML comment, or None."""
    quote = ""
    previous = ""  # the last character outside quotes that is not a space
    index = 0
    while index < len(text):
        char = text[index]
        if quote == '"':
            if char == "\\":
                index += 1
            elif char == '"':
                quote = ""
        elif quote == "'":
            if char == "'" and text[index + 1 : index + 2] == "'":
                index += 1
            elif char == "'":
                quote = ""
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return index
        elif char in "\"'" and (not previous or previous in _VALUE_STARTS):
            quote = char
        elif not char.isspace():
            previous = char
        index += 1
    return None


def apply_suppressions(
    diagnostics: Sequence[Diagnostic],
    suppressions: Sequence[Suppression],
    resolve: Callable[[str], str | None],
) -> Outcome:
    """Drop the diagnostics a suppression on their line covers; report entries that did nothing.

    `resolve` turns an entry as written (a code, a prefix, a rule name) into the code or
    prefix it stands for, or None when it names nothing.
    """
    by_line: dict[tuple[str, int], list[tuple[Suppression, list[str | None]]]] = {}
    for suppression in suppressions:
        resolved = [resolve(entry) for entry in suppression.entries]
        by_line.setdefault((suppression.file, suppression.line), []).append((suppression, resolved))
    used: set[tuple[int, int]] = set()  # (id of suppression, index of entry; -1 = bare)
    kept = []
    for diag in diagnostics:
        if not _silence(diag, by_line.get((diag.file, diag.line), []), used):
            kept.append(diag)
    unused = []
    for suppression, resolved in (item for group in by_line.values() for item in group):
        if suppression.malformed:
            unused.append(Unused(suppression, "", Problem.MALFORMED))
        elif not suppression.entries and (id(suppression), -1) not in used:
            unused.append(Unused(suppression, "", Problem.UNUSED))
        for index, (entry, code) in enumerate(zip(suppression.entries, resolved, strict=True)):
            if code is None:
                unused.append(Unused(suppression, entry, Problem.UNKNOWN))
            elif (id(suppression), index) not in used:
                unused.append(Unused(suppression, entry, Problem.UNUSED, code))
    return Outcome(tuple(kept), len(diagnostics) - len(kept), tuple(unused))


def suppress_in_plan(
    plan_files: Sequence[str], diagnostics: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """Drop findings another command places in the plan (scan's TP405) that a comment covers.

    `# trackplan: ignore[TP405]` on an event's line keeps `scan` from reporting that event as
    never called (an event sent from another repository, say). Lint leaves such entries
    alone: it does not report a suppression of another family's code as unused.
    """
    documents = []
    for file in plan_files:
        try:
            documents.append(YamlDocument(file, Path(file).read_text(encoding="utf-8-sig"), None))
        except (OSError, UnicodeDecodeError):
            continue
    return list(apply_suppressions(diagnostics, find_suppressions(documents), _code_only).kept)


def _code_only(entry: str) -> str | None:
    code = entry.strip().upper()
    return code if code.startswith("TP") else None


def _silence(
    diag: Diagnostic,
    candidates: list[tuple[Suppression, list[str | None]]],
    used: set[tuple[int, int]],
) -> bool:
    silenced = False
    for suppression, resolved in candidates:
        if suppression.malformed:
            continue
        if not suppression.entries:
            used.add((id(suppression), -1))
            silenced = True
        for index, code in enumerate(resolved):
            if code is not None and code_matches(diag.code, [code]):
                used.add((id(suppression), index))
                silenced = True
    return silenced
