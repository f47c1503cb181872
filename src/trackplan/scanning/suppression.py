"""Trailing `trackplan: ignore[TP401]` comments: which codes each source line silences.

Any comment syntax works (`//`, `#`, `/* */`, JSX `{/* */}`). The brackets take codes or
prefixes separated by commas (`ignore[TP402,TP407]`, `ignore[TP4]`); a bare
`trackplan: ignore` silences every code on its line. A finding is silenced by a comment on
its own line or on the first line of the call it is about, so a multi-line call can be
silenced where it starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from trackplan.diagnostics import Diagnostic, code_matches

MARKER = "trackplan:"
_COMMENT = re.compile(
    r"(?:#|//|/\*|<!--)[^\n]*?\btrackplan:\s*ignore\b(?:\[([^\]\n]*)\])?", re.IGNORECASE
)

Markers = Mapping[int, tuple[str, ...]]


def find_markers(text: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(line, codes) for every line with an ignore comment; empty codes mean every code."""
    if MARKER not in text:
        return ()
    found: list[tuple[int, tuple[str, ...]]] = []
    # Lines as the parsers count them: "\n" ends a line ("\r\n" too), form feeds do not.
    for number, line in enumerate(text.split("\n"), start=1):
        if MARKER not in line:
            continue
        match = _COMMENT.search(line)
        if match is None:
            continue
        listed = match.group(1)
        codes = tuple(c.strip().upper() for c in (listed or "").split(",") if c.strip())
        found.append((number, codes))
    return tuple(found)


def is_silenced(diag: Diagnostic, markers: Markers, lines: Iterable[int]) -> bool:
    """True when an ignore comment on one of `lines` names the diagnostic's code."""
    for line in lines:
        codes = markers.get(line)
        if codes is not None and (not codes or code_matches(diag.code, codes)):
            return True
    return False
