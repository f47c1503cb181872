"""Accumulating what a log shows, one message at a time, in bounded memory.

`ValueStats` summarises every value seen at one place (an event's `revenue`, the items of
`products`): how often it was present, a count per JSON type, up to `ENUM_MAX_VALUES`
distinct short strings (for enums), the formats every string matched so far, and the same
summaries for nested keys and array items. Memory depends on the number of distinct places,
never on the number of messages; the places themselves are capped (`MAX_FIELDS`,
`MAX_DEPTH`, `MAX_SECTIONS`), and reaching a cap is reported, not silent.

These accumulators are the one mutable part of inference, by design: they are updated in
place a million times, on the hot path. Everything built from them is frozen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from trackplan.inferring.formats import ALL_FORMATS, match_formats

# Enum detection: at most this many distinct values ...
ENUM_MAX_VALUES = 10
# ... seen over at least this many string values ...
ENUM_MIN_VALUES = 20
# ... none longer than this (longer texts are free text, not choices).
ENUM_MAX_LENGTH = 64
# Distinct keys tracked per object; later new keys are left out of the draft.
MAX_FIELDS = 500
# Nesting depth described; deeper objects and arrays are drafted without their contents.
MAX_DEPTH = 12
# Distinct event names (and page or screen names) tracked.
MAX_SECTIONS = 5000

# JSON type bits, in the plan's canonical order of type names.
STRING, NUMBER, INTEGER, BOOLEAN, OBJECT, ARRAY, NULL = 1, 2, 4, 8, 16, 32, 64
TYPE_BITS: tuple[tuple[int, str], ...] = (
    (STRING, "string"),
    (NUMBER, "number"),
    (INTEGER, "integer"),
    (BOOLEAN, "boolean"),
    (OBJECT, "object"),
    (ARRAY, "array"),
    (NULL, "null"),
)


@dataclass
class Cursor:
    """Where the reader is (the file and line being observed) and the caps reached so far.

    Stats record the cursor's position when a place is first seen, so findings can point to
    an example line. `limits` keeps the first place each cap was reached.
    """

    file: str = ""
    line: int = 0
    limits: dict[str, tuple[str, int, str]] | None = None

    def reach_limit(self, kind: str, detail: str) -> None:
        if self.limits is None:
            self.limits = {}
        self.limits.setdefault(kind, (self.file, self.line, detail))


class ValueStats:
    """Everything observed at one place in the messages (see the module docstring)."""

    __slots__ = (
        "count",
        "fields",
        "file",
        "formats",
        "items",
        "line",
        "n_arr",
        "n_bool",
        "n_int",
        "n_null",
        "n_num",
        "n_obj",
        "n_str",
        "values",
    )

    def __init__(self, file: str = "", line: int = 0) -> None:
        self.count = 0
        self.n_str = 0
        self.n_int = 0
        self.n_num = 0
        self.n_bool = 0
        self.n_obj = 0
        self.n_arr = 0
        self.n_null = 0
        self.values: set[str] | None = set()
        self.formats = ALL_FORMATS
        self.fields: dict[str, ValueStats] | None = None
        self.items: ValueStats | None = None
        self.file = file
        self.line = line

    def observe(self, value: Any, depth: int, cursor: Cursor) -> None:
        """Count one value (and, below `MAX_DEPTH`, what it contains)."""
        self.count += 1
        kind = type(value)
        if kind is str:
            self.n_str += 1
            values = self.values
            if values is not None and value not in values:
                if len(values) >= ENUM_MAX_VALUES or len(value) > ENUM_MAX_LENGTH:
                    self.values = None
                else:
                    values.add(value)
            if self.formats:
                self.formats = match_formats(value, self.formats)
        elif kind is int:
            self.n_int += 1
        elif kind is float:
            # draft-07 counts 2.0 as an integer: only a fraction makes a number.
            if value.is_integer():
                self.n_int += 1
            else:
                self.n_num += 1
        elif kind is bool:
            self.n_bool += 1
        elif value is None:
            self.n_null += 1
        elif kind is dict:
            self.n_obj += 1
            if depth < MAX_DEPTH:
                self.observe_fields(value, depth, cursor)
            else:
                cursor.reach_limit("depth", f"objects nested deeper than {MAX_DEPTH} levels")
        elif kind is list:
            self.n_arr += 1
            if depth < MAX_DEPTH:
                items = self.items
                if items is None:
                    items = self.items = ValueStats(cursor.file, cursor.line)
                for item in value:
                    items.observe(item, depth + 1, cursor)
            else:
                cursor.reach_limit("depth", f"arrays nested deeper than {MAX_DEPTH} levels")

    def observe_fields(self, value: dict[str, Any], depth: int, cursor: Cursor) -> None:
        """Count each key of an object (the object itself is counted by the caller)."""
        fields = self.fields
        if fields is None:
            fields = self.fields = {}
        for key, item in value.items():
            child = fields.get(key)
            if child is None:
                if not key:
                    cursor.reach_limit("empty", "a key that is an empty text")
                    continue
                if len(fields) >= MAX_FIELDS:
                    cursor.reach_limit("fields", f"objects with more than {MAX_FIELDS} keys")
                    continue
                child = fields[key] = ValueStats(cursor.file, cursor.line)
            child.observe(item, depth + 1, cursor)

    @property
    def kinds(self) -> int:
        """The JSON types seen, as bits (whole numbers are integers)."""
        bits = 0
        for count, bit in (
            (self.n_str, STRING),
            (self.n_num, NUMBER),
            (self.n_int, INTEGER),
            (self.n_bool, BOOLEAN),
            (self.n_obj, OBJECT),
            (self.n_arr, ARRAY),
            (self.n_null, NULL),
        ):
            if count:
                bits |= bit
        return bits

    def type_counts(self) -> tuple[tuple[str, int], ...]:
        """(type name, how many values) for each type seen, in canonical order."""
        counts = {
            STRING: self.n_str,
            NUMBER: self.n_num,
            INTEGER: self.n_int,
            BOOLEAN: self.n_bool,
            OBJECT: self.n_obj,
            ARRAY: self.n_arr,
            NULL: self.n_null,
        }
        return tuple((name, counts[bit]) for bit, name in TYPE_BITS if counts[bit])


def merge_stats(group: Iterable[ValueStats]) -> ValueStats:
    """One summary of several places, as if all their values had been seen at one place."""
    members = list(group)
    out = ValueStats(members[0].file, members[0].line) if members else ValueStats()
    for stats in members:
        out.count += stats.count
        out.n_str += stats.n_str
        out.n_int += stats.n_int
        out.n_num += stats.n_num
        out.n_bool += stats.n_bool
        out.n_obj += stats.n_obj
        out.n_arr += stats.n_arr
        out.n_null += stats.n_null
        out.formats &= stats.formats
        if out.values is not None:
            if stats.values is None:
                out.values = None
            else:
                out.values |= stats.values
                if len(out.values) > ENUM_MAX_VALUES:
                    out.values = None
    field_groups: dict[str, list[ValueStats]] = {}
    for stats in members:
        for key, child in (stats.fields or {}).items():
            field_groups.setdefault(key, []).append(child)
    if any(stats.fields is not None for stats in members):
        out.fields = {key: merge_stats(children) for key, children in field_groups.items()}
    item_group = [stats.items for stats in members if stats.items is not None]
    if item_group:
        out.items = merge_stats(item_group)
    return out


def comparable_kinds(stats: ValueStats) -> int:
    """The types that decide whether two places hold the same property: null aside, and
    integers counted as numbers (both merge into one `number`)."""
    kinds = stats.kinds & ~NULL
    if kinds & INTEGER:
        kinds = (kinds & ~INTEGER) | NUMBER
    return kinds
