"""Plain plan data → plan YAML text, written by fmt's own emitter: the one plan writer.

`import`, `infer` and `init` build plain data (dicts, lists, strings, numbers, booleans, None)
and hand it here. `write_plan` spells the data as simple YAML (block style, every string
quoted the way the emitter would), then runs it through `format_text`, so what a command
writes is byte for byte what `trackplan fmt` would write: `fmt --check` passes on it, and the
pre-commit hook never rewrites a freshly imported or inferred plan.

Two wrappers carry layout choices the data cannot: `Flow` writes a mapping or a list on one
line (`{type: string, required: true}`), and `Noted` adds an end-of-line comment to the key
that holds the value (`checkout_id: string  # in 3 of 40 messages`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from trackplan.formatting import format_text
from trackplan.formatting.emit import plain_ok, quoted

INDENT = "  "
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Flow:
    """A mapping or list written on one line."""

    value: Mapping[str, Any] | Sequence[Any]


@dataclass(frozen=True)
class Noted:
    """A value whose key line carries an end-of-line comment."""

    value: Any
    comment: str


def write_plan(data: Mapping[str, Any], header: Sequence[str] = (), shown: str = "plan") -> str:
    """The canonical YAML text of `data`, the `header` lines as comments at the top.

    Top-level sections (keys holding a mapping or list) after the first key are set apart by
    a blank line, for people reading.
    """
    lines = [f"# {_comment_text(line)}" if line.strip() else "" for line in header]
    for position, (key, value) in enumerate(data.items()):
        inner = value.value if isinstance(value, Noted) else value
        if position and isinstance(inner, Mapping | list | tuple) and inner:
            lines.append("")
        _entry(lines, 0, key, value)
    return format_text("\n".join(lines) + "\n", shown)


def _entry(lines: list[str], depth: int, key: str, value: Any) -> None:
    comment = ""
    if isinstance(value, Noted):
        comment, value = f"  # {_comment_text(value.comment)}", value.value
    head = f"{INDENT * depth}{_key(key)}:"
    if isinstance(value, Mapping) and value:
        lines.append(head + comment)
        for child_key, child in value.items():
            _entry(lines, depth + 1, child_key, child)
    elif isinstance(value, list | tuple) and value:
        lines.append(head + comment)
        for item in value:
            _item(lines, depth + 1, item)
    elif isinstance(value, str) and _literal_block(value):
        lines.append(f"{head} |-{comment}")
        lines.extend(f"{INDENT * (depth + 1)}{line}" if line else "" for line in value.split("\n"))
    else:
        lines.append(f"{head} {_inline(value, flow=False)}{comment}")


def _item(lines: list[str], depth: int, item: Any) -> None:
    if isinstance(item, Mapping) and item:
        first = True
        for key, value in item.items():
            start = len(lines)
            _entry(lines, depth + 1, key, value)
            if first:
                lines[start] = f"{INDENT * depth}- " + lines[start][len(INDENT) * (depth + 1) :]
                first = False
    else:
        lines.append(f"{INDENT * depth}- {_inline(item, flow=False)}")


def _inline(value: Any, *, flow: bool) -> str:
    if isinstance(value, Noted):
        raise ValueError("a comment can only follow a mapping key")
    if isinstance(value, Flow):
        value = value.value
        flow = True
    if isinstance(value, Mapping):
        inner = ", ".join(
            f"{_key(k, flow=True)}: {_inline(v, flow=True)}" for k, v in value.items()
        )
        return "{" + inner + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_inline(v, flow=True) for v in value) + "]"
    if isinstance(value, str):
        return value if _plain(value, flow=flow) else quoted(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    return quoted(str(value))


def _key(key: str, *, flow: bool = False) -> str:
    return key if _plain(key, flow=flow) else quoted(key)


def _plain(text: str, *, flow: bool) -> bool:
    """Plain when the emitter allows it and libyaml reads it back as the same string.

    The read-back catches what the emitter's analysis lets through but the parser refuses
    (`[:0]` in a flow sequence).
    """
    if not plain_ok(text, flow=flow):
        return False
    probe = f"[{text}]" if flow else f"k: {text}"
    try:
        data = yaml.load(probe, Loader=_Loader)
    except yaml.YAMLError:
        return False
    return bool(data == ([text] if flow else {"k": text}))


def _float(value: float) -> str:
    """A float spelled so YAML reads it back as the same float (`1e-05` alone is a string)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = json.dumps(value)
    mantissa, e, exponent = text.partition("e")
    if e and "." not in mantissa:
        text = f"{mantissa}.0e{exponent}"
    return text


def _literal_block(value: str) -> bool:
    """Multi-line text that a `|-` block keeps exactly."""
    lines = value.split("\n")
    return (
        len(lines) > 1
        and not value.endswith("\n")
        and all(line == line.rstrip() for line in lines)
        and not value.startswith((" ", "\t"))
        and all(ch == "\n" or ch.isprintable() for ch in value)
        and lines[0] != ""
    )


def _comment_text(text: str) -> str:
    """One comment line: its indent kept, other runs of space collapsed, anything unprintable
    written as an escape."""
    indent = " " * (len(text) - len(text.lstrip(" ")))
    joined = indent + " ".join(text.split())
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in joined
    )
