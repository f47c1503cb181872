"""Finding the comments and blank lines of a YAML text, outside its scalars.

ruamel keeps most comments, but drops those inside multi-line flow mappings and files the ones
between two keys under the key before them; `fmt` needs every comment with its own position to
move it with the key it belongs to. As in ruamel's scanner, a `#` outside every scalar (a quoted
string, a block scalar's body, a plain scalar, where `a#b` is text) starts a comment, even
right after a `}` or a closing quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Comment:
    """A comment: 0-based line and column, its text from `#`, and whether code precedes it."""

    line: int
    column: int
    text: str
    trailing: bool


@dataclass(frozen=True)
class Span:
    """A region of the text that belongs to a scalar (start inclusive, end exclusive)."""

    start: int
    end: int


def find_comments(text: str, spans: Sequence[Span]) -> tuple[list[Comment], set[int]]:
    """The comments of `text` and the 0-based numbers of its blank lines, scalars left out."""
    ordered = sorted((s for s in spans if s.end > s.start), key=lambda s: s.start)
    starts = [s.start for s in ordered]
    comments: list[Comment] = []
    blanks: set[int] = set()
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if not line.strip():
            if not _covered(offset, ordered, starts):
                blanks.add(number)
        else:
            found = _comment_in_line(line, offset, ordered, starts)
            if found is not None:
                column = found
                body = line[column:].rstrip()
                comments.append(Comment(number, column, body, bool(line[:column].strip())))
        offset += len(line) + 1
    return comments, blanks


def _comment_in_line(
    line: str, offset: int, spans: Sequence[Span], starts: list[int]
) -> int | None:
    column = line.find("#")
    while column >= 0:
        if not _covered(offset + column, spans, starts):
            return column
        column = line.find("#", column + 1)
    return None


def _covered(index: int, spans: Sequence[Span], starts: list[int]) -> bool:
    position = bisect.bisect_right(starts, index) - 1
    return position >= 0 and spans[position].start <= index < spans[position].end
