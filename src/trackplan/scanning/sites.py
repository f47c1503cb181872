"""What extraction produces: literal Values, CallSites and the per-file FileScan, all frozen.

Extractors turn source code into these plain values in worker processes; the checks in the
main process compare them with the plan. Everything here is picklable and ordered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from trackplan.diagnostics import Diagnostic

Scalar = str | int | float | bool | None


class CallKind(StrEnum):
    """The Segment-spec call a source call makes."""

    TRACK = "track"
    IDENTIFY = "identify"
    PAGE = "page"
    SCREEN = "screen"
    GROUP = "group"


class ValueKind(StrEnum):
    """What the scanner knows about an argument or property value."""

    STRING = "string"
    NUMBER = "number"
    BOOLEAN = "boolean"
    NULL = "null"
    OBJECT = "object"
    ARRAY = "array"
    UNKNOWN = "unknown"  # a variable, a call, anything that is not a literal or a constant


@dataclass(frozen=True, slots=True)
class Value:
    """A literal (or same-file constant) argument, with its 1-based position in the source.

    `open` marks an object with a spread or a key the scanner cannot name (`...base`,
    `[key]: 1`, `**extra`): its other keys are unknowable, so missing keys are not findings.
    """

    kind: ValueKind
    scalar: Scalar = None
    entries: tuple[Entry, ...] = ()
    items: tuple[Value, ...] = ()
    open: bool = False
    text: str = ""  # the source text of an UNKNOWN value, shortened
    line: int = 0
    column: int = 0

    def entry(self, key: str) -> Entry | None:
        """The last entry named `key` (a later duplicate wins, as in JavaScript and Python)."""
        found = None
        for item in self.entries:
            if item.key == key:
                found = item
        return found

    def keys(self) -> list[str]:
        return list(dict.fromkeys(item.key for item in self.entries))


@dataclass(frozen=True, slots=True)
class Entry:
    """One `key: value` of an object literal; the position is the key's."""

    key: str
    value: Value
    line: int
    column: int


UNKNOWN = Value(ValueKind.UNKNOWN)


def relocate(value: Value, line: int, column: int) -> Value:
    """A value read from another file, with every position moved to where it is used."""
    entries = tuple(
        replace(entry, value=relocate(entry.value, line, column), line=line, column=column)
        for entry in value.entries
    )
    items = tuple(relocate(item, line, column) for item in value.items)
    return replace(value, entries=entries, items=items, line=line, column=column)


@dataclass(frozen=True, slots=True)
class CallSite:
    """One analytics call found in the source, interpreted for its SDK.

    `name` is the event (track) or the page/screen name; it is None when the call has none,
    or when it is an expression the scanner cannot resolve (then `name_text` holds its source).
    `properties` holds the properties (track, page, screen) or traits (identify, group).
    """

    file: str
    line: int
    column: int
    kind: CallKind
    sdk: str
    callee: str
    name: str | None = None
    name_text: str = ""
    properties: Value | None = None
    # True for the server-side object form (`analytics.track({userId, event, properties})`)
    # and Python calls: nothing is filled in by a browser SDK.
    server: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The inventory entry of `--format json` (summary.calls)."""
        props = self.properties
        literal = props is not None and props.kind is ValueKind.OBJECT
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "kind": self.kind.value,
            "sdk": self.sdk,
            "callee": self.callee,
            "event": self.name,
            "event_expression": self.name_text or None,
            "properties": props.keys() if literal and props is not None else None,
            "spread": bool(literal and props is not None and props.open),
        }


@dataclass(frozen=True)
class FileScan:
    """What one source file gave: its calls, its problems (TP408) and its suppression comments.

    `markers` maps a line to the codes its `trackplan: ignore[...]` comment names (an empty
    tuple silences every code on that line).
    """

    file: str
    calls: tuple[CallSite, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    markers: tuple[tuple[int, tuple[str, ...]], ...] = ()
    parsed: bool = False  # the byte prefilter found an SDK or wrapper name, so it was parsed


@dataclass(frozen=True)
class FileOutcome:
    """What the scan keeps of one file: findings, inventory rows and the events it sends.

    Plain values, cheap to send back from a worker process.
    """

    file: str
    diagnostics: tuple[Diagnostic, ...] = ()
    calls: tuple[dict[str, Any], ...] = ()
    events: frozenset[str] = frozenset()
    parsed: bool = False
