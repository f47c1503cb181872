"""Fixture files: JSON or YAML holding one message, a list, or a wrapper stating what to expect.

A fixture may say what it should produce, so a team can keep known-good and known-bad examples
of its plan under test:

- by folder: a file under a folder named `valid/` must produce no finding at all, one under
  `invalid/` at least one (the nearest such folder counts);
- by wrapper, which wins over the folder:
  `{"expect": ["TP302"], "message": {...}}` or `{"expect": [], "messages": [...]}` (YAML
  alike): each message must produce exactly these codes, `[]` meaning none.

Reading is strict where a hand-written file can hide a mistake: a key written twice in a JSON
object, NaN or Infinity, and YAML values that are not JSON (an unquoted date) are TP308.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from trackplan import codes
from trackplan.diagnostics import TrackplanError
from trackplan.loading.source import node_position, parse_yaml, value_position
from trackplan.validation.findings import Finding, PathPart, format_path
from trackplan.validation.inputs import InputKind, Source
from trackplan.validation.positions import element_offsets, line_column, locate

WRAPPER_KEYS = ("expect", "message", "messages", "description")
_CODE = re.compile(r"TP\d{3}\Z")
_LOCATED = re.compile(r"^.*?:(\d+):(\d+): (.*)$", re.DOTALL)

# (line, column) of a path inside a message; (0, 0) when unknown.
Locator = Callable[[Sequence[PathPart]], tuple[int, int]]


class NotAFixture(Exception):
    """The `.json` file holds one JSON value per line: read it as a log."""


@dataclass(frozen=True)
class FixtureMessage:
    """One message of a fixture file, where it is and what it should produce."""

    message: Any
    locate: Locator
    expect: tuple[str, ...] | str | None = None  # codes, "valid", "invalid" or no expectation
    problems: tuple[Finding, ...] = ()  # TP308: what kept the file from being plain JSON
    checkable: bool = True  # False when a value is not JSON at all (a YAML date)
    text: str = ""  # the message as JSON text, for the report's sample


@dataclass(frozen=True)
class FileProblem:
    """A problem with the file as a whole: TP308 (unreadable, not JSON/YAML) or TP311 (wrapper)."""

    code: str
    message: str
    line: int = 0
    column: int = 0
    hint: str = ""


@dataclass(frozen=True)
class Fixture:
    messages: tuple[FixtureMessage, ...] = ()
    problems: tuple[FileProblem, ...] = field(default_factory=tuple)


def read_fixture(source: Source, raw: bytes) -> Fixture:
    """The messages of a fixture file's bytes; raises NotAFixture for NDJSON in a `.json` file."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = FileProblem(
            codes.INVALID_JSON,
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            line,
            column,
            "save the file as UTF-8",
        )
        return Fixture(problems=(problem,))
    if not text.strip():
        return Fixture(
            problems=(
                FileProblem(
                    codes.INVALID_JSON,
                    "the file is empty",
                    hint="write a message or a list of messages",
                ),
            )
        )
    if source.kind is InputKind.YAML:
        return _read_yaml(source, text)
    return _read_json(source, text)


def _read_json(source: Source, text: str) -> Fixture:
    duplicates: list[str] = []
    try:
        document = parse_json(text, duplicates)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text[: exc.pos].rstrip().count("\n") == 0:
            raise NotAFixture from exc
        return Fixture(
            problems=(
                FileProblem(
                    codes.INVALID_JSON, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno
                ),
            )
        )
    except (ValueError, RecursionError) as exc:
        return Fixture(problems=(FileProblem(codes.INVALID_JSON, json_problem(exc)),))
    problems = tuple(
        Finding((), codes.INVALID_JSON, f'the key "{key}" appears twice in one object; keep one',
                hint="parsers disagree on which value wins")
        for key in duplicates
    )  # fmt: skip

    def locator(start: int) -> Locator:
        return lambda where: line_column(text, locate(text, where, start))

    return _unwrap(document, source, locator, lambda: element_offsets(text), problems, text)


def _unwrap(
    document: Any,
    source: Source,
    locator: Callable[[Any], Locator],
    offsets: Callable[[], Any],
    problems: tuple[Finding, ...],
    text: str,
) -> Fixture:
    """Messages from the document: a wrapper, a list or one message."""
    expect: tuple[str, ...] | str | None = source.expect or None
    file_problems: list[FileProblem] = []
    if (
        isinstance(document, dict)
        and "type" not in document
        and ("message" in document or "messages" in document)
    ):
        expect, file_problems = _wrapper_expectation(document, expect)
        key = "messages" if "messages" in document else "message"
        inner = document[key]
        if key == "messages" and isinstance(inner, list):
            root = locator(0)
            items = [(m, _shifted(root, (key, i))) for i, m in enumerate(inner)]
        else:
            items = [(inner, _shifted(locator(0), (key,)))]
    elif isinstance(document, list):
        starts = list(offsets())
        items = [
            (m, locator(starts[i]) if i < len(starts) else _shifted(locator(0), (i,)))
            for i, m in enumerate(document)
        ]
    else:
        items = [(document, locator(0))]
    messages = tuple(
        FixtureMessage(message, where, expect, problems, text=_compact(message))
        for message, where in items
    )
    return Fixture(messages, tuple(file_problems))


def _shifted(base: Locator, prefix: tuple[PathPart, ...]) -> Locator:
    return lambda where: base((*prefix, *where))


def _wrapper_expectation(
    document: dict[str, Any], folder: tuple[str, ...] | str | None
) -> tuple[tuple[str, ...] | str | None, list[FileProblem]]:
    problems = [
        FileProblem(
            codes.FIXTURE_EXPECTATION,
            f'unknown key "{key}" in the fixture wrapper',
            hint=f"use {', '.join(WRAPPER_KEYS)}",
        )
        for key in document
        if key not in WRAPPER_KEYS
    ]
    if "expect" not in document:
        return folder, problems
    expected = document["expect"]
    if isinstance(expected, str):
        expected = [expected]
    if not isinstance(expected, list) or not all(
        isinstance(c, str) and _CODE.match(c) for c in expected
    ):
        problems.append(
            FileProblem(
                codes.FIXTURE_EXPECTATION,
                "`expect` must be a list of codes such as [TP302] ([] for none)",
            )
        )
        return folder, problems
    return tuple(sorted(set(expected))), problems


def _read_yaml(source: Source, text: str) -> Fixture:
    try:
        document = parse_yaml(text, source.shown)
    except TrackplanError as exc:
        found = _LOCATED.match(str(exc))
        if found:
            line, column, message = int(found[1]), int(found[2]), found[3]
            return Fixture(problems=(FileProblem(codes.INVALID_JSON, message, line, column),))
        return Fixture(
            problems=(FileProblem(codes.INVALID_JSON, str(exc).removeprefix(f"{source.shown}: ")),)
        )
    if document is None:
        return Fixture(
            problems=(
                FileProblem(
                    codes.INVALID_JSON,
                    "the file is empty",
                    hint="write a message or a list of messages",
                ),
            )
        )
    plain, problems = yaml_to_json(document)

    def locator(_: Any) -> Locator:
        return lambda where: _yaml_position(document, where)

    fixture = _unwrap(plain, source, locator, lambda: (), (), text)
    # A non-JSON value belongs to the message it sits in.
    messages = []
    for index, item in enumerate(fixture.messages):
        prefix = _message_prefix(plain, index)
        own = tuple(
            Finding(where[len(prefix) :], code, message, hint=hint)
            for where, code, message, hint in problems
            if tuple(where[: len(prefix)]) == prefix
        )
        messages.append(
            FixtureMessage(
                item.message, item.locate, item.expect, own, checkable=not own, text=item.text
            )
        )
    return Fixture(tuple(messages), fixture.problems)


def _message_prefix(document: Any, index: int) -> tuple[PathPart, ...]:
    if isinstance(document, dict) and "type" not in document:
        if isinstance(document.get("messages"), list):
            return ("messages", index)
        if "message" in document:
            return ("message",)
    if isinstance(document, list):
        return (index,)
    return ()


def _yaml_position(node: Any, where: Sequence[PathPart]) -> tuple[int, int]:
    position = node_position(node) or (0, 0)
    for part in where:
        in_map = isinstance(node, dict) and part in node
        in_seq = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_map or in_seq):
            break
        position = value_position(node, part) or position
        node = node[part]
    return position


def yaml_to_json(node: Any) -> tuple[Any, list[tuple[tuple[PathPart, ...], str, str, str]]]:
    """Plain JSON values from a YAML tree, and the values that have no JSON form."""
    problems: list[tuple[tuple[PathPart, ...], str, str, str]] = []

    def convert(value: Any, where: tuple[PathPart, ...]) -> Any:
        if isinstance(value, dict):
            return {str(k): convert(v, (*where, str(k))) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v, (*where, i)) for i, v in enumerate(value)]
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                problems.append(
                    (
                        where,
                        codes.INVALID_JSON,
                        f"{format_path(where)}: {value} is not a JSON number",
                        "write a number or null",
                    )
                )
            return float(value)
        if isinstance(value, str):
            return str(value)
        if isinstance(value, datetime | date):
            shown = value.isoformat()
            problems.append(
                (
                    where,
                    codes.INVALID_JSON,
                    f"{format_path(where)}: YAML reads the unquoted {shown} as a date, not a string",
                    f'quote it: "{shown}"',
                )
            )
            return shown
        problems.append(
            (
                where,
                codes.INVALID_JSON,
                f"{format_path(where)}: a YAML value with no JSON form",
                "write a JSON value",
            )
        )
        return str(value)

    return convert(node, ()), problems


def parse_json(text: str | bytes, duplicates: list[str] | None = None) -> Any:
    """Strict JSON: NaN, Infinity and numbers beyond a double raise ValueError.

    With `duplicates`, keys written twice in one object are collected there (the last wins).
    """
    hook = None
    if duplicates is not None:

        def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for key, value in pairs:
                if key in out:
                    duplicates.append(key)
                out[key] = value
            return out

    return json.loads(
        text, parse_constant=_reject_constant, parse_float=_finite, object_pairs_hook=hook
    )


def json_problem(exc: BaseException) -> str:
    """A TP308 message for a failure of `parse_json`."""
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} (column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "not valid JSON here: nested more than about 1,000 levels deep"
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at byte {exc.start + 1})"
    return f"not valid JSON: {exc}"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"the number {text[:40]} is too large for a double")
    return value


def _compact(message: Any) -> str:
    try:
        return json.dumps(message, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return repr(message)
