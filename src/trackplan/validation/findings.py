"""What checking one message produces: Finding values, their JSON paths and readable values."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from trackplan.diagnostics import Severity

# A step into a message: an object key or an array index.
PathPart = str | int
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$-]*\Z")
_VALUE_WIDTH = 60


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one message, before it is placed in a file (see `located`).

    `where` is the JSON path of the value as a tuple (`("properties", "items", 1, "price")`);
    `path` is the same written for people (`properties.items[1].price`).
    """

    where: tuple[PathPart, ...]
    code: str
    message: str
    severity: Severity = Severity.ERROR
    hint: str = ""

    @property
    def path(self) -> str:
        return format_path(self.where)


@dataclass(frozen=True)
class Verdict:
    """The findings of one message and the event it is about (`Order Completed`, `identify`)."""

    event: str
    findings: tuple[Finding, ...] = ()

    @property
    def invalid(self) -> bool:
        """True when a finding is an error: the message breaks the plan."""
        return any(f.severity is Severity.ERROR for f in self.findings)


def format_path(where: Sequence[PathPart]) -> str:
    """`("properties", "items", 1, "price")` → `properties.items[1].price`.

    Keys that are not plain identifiers are written as quoted indexes: `properties["a b"]`.
    """
    out: list[str] = []
    for part in where:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENTIFIER.match(part):
            out.append(f".{part}" if out else part)
        else:
            out.append(f"[{json.dumps(part, ensure_ascii=False)}]")
    return "".join(out)


def show_value(value: Any) -> str:
    """A value as it appears in the message, shortened: `"29.00"`, `3`, `{…}`."""
    if isinstance(value, dict):
        return "{…}" if value else "{}"
    if isinstance(value, list):
        return "[…]" if value else "[]"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    if len(text) > _VALUE_WIDTH:
        text = text[: _VALUE_WIDTH - 1] + "…"
    return text


def json_type(value: Any) -> str:
    """The JSON type name of a parsed value: "a string", "an object", "null"…"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def join_words(words: Iterable[str], last: str = "or") -> str:
    """`a, b or c`."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
