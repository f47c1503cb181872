"""Where a value sits in JSON text: the offset of a JSON path, for line and column numbers.

Only used for messages that have findings (and for fixture files), so it favours being exact
over being fast: it walks the text with the standard library's own scanner.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]

from trackplan.validation.findings import PathPart

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_WHITESPACE = frozenset(" \t\n\r")


def locate(text: str, where: Sequence[PathPart], start: int = 0) -> int:
    """The offset of the value at `where` in the JSON value starting at `start`.

    When the path leaves the text (a missing key), the offset of the deepest value found;
    when a key appears twice, the last one (the one a parser keeps).
    """
    pos = _skip(text, start)
    try:
        for part in where:
            found = _child(text, pos, part)
            if found is None:
                break
            pos = found
    except (ValueError, IndexError, RecursionError):
        pass
    return pos


def element_offsets(text: str, start: int = 0) -> Iterator[int]:
    """The offset of each element of the JSON array starting at `start`, in one pass."""
    pos = _skip(text, start)
    if text[pos : pos + 1] != "[":
        return
    pos = _skip(text, pos + 1)
    if text[pos : pos + 1] == "]":
        return
    while pos < len(text):
        yield pos
        try:
            pos = _skip(text, skip_value(text, pos))
        except (ValueError, RecursionError):
            return
        if text[pos : pos + 1] != ",":
            return
        pos = _skip(text, pos + 1)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _child(text: str, pos: int, part: PathPart) -> int | None:
    opener = text[pos : pos + 1]
    if opener == "{" and isinstance(part, str):
        return _member(text, pos, part)
    if opener == "[" and isinstance(part, int):
        for index, offset in enumerate(element_offsets(text, pos)):
            if index == part:
                return offset
    return None


def _member(text: str, pos: int, key: str) -> int | None:
    found = None
    pos = _skip(text, pos + 1)
    while text[pos : pos + 1] == '"':
        name, pos = scanstring(text, pos + 1)
        pos = _skip(text, pos)
        if text[pos : pos + 1] != ":":
            break
        value_at = _skip(text, pos + 1)
        if name == key:
            found = value_at
        pos = _skip(text, skip_value(text, value_at))
        if text[pos : pos + 1] != ",":
            break
        pos = _skip(text, pos + 1)
    return found


def skip_value(text: str, pos: int) -> int:
    """The offset just past the JSON value starting at `pos` (the standard library's C scanner)."""
    return int(_DECODER.raw_decode(text, pos)[1])


def _skip(text: str, pos: int) -> int:
    if text[pos : pos + 1] not in _WHITESPACE:
        return pos
    match = _SPACE.match(text, pos)
    return match.end() if match else pos
