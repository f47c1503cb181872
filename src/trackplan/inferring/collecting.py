"""Reading NDJSON logs line by line into `LogStats`: per event, per identify/group, per page and screen.

A line that is not JSON (TP308) or not a usable message (TP307: not an object, no or unknown
`type`, a track without an event name, `properties`/`traits` that are not an object) is
counted and reported, then skipped; the run goes on. Only the first
`MAX_REPORTED_PER_FILE` such lines of a file are listed, the rest are counted (TP803).
Messages are not checked further here (identity, timestamps): that is `validate`'s job.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity
from trackplan.inferring.observing import MAX_SECTIONS, Cursor, ValueStats
from trackplan.inferring.reading import LogSource, open_log

MAX_REPORTED_PER_FILE = 20
_BOM = b"\xef\xbb\xbf"
_MISSING: Any = object()


@dataclass
class LogStats:
    """What the logs showed, section by section (mutable while reading; see `observing`)."""

    events: dict[str, ValueStats] = field(default_factory=dict)
    identify: ValueStats | None = None
    group: ValueStats | None = None
    # Page and screen names; "" holds the calls without a name.
    pages: dict[str, ValueStats] = field(default_factory=dict)
    screens: dict[str, ValueStats] = field(default_factory=dict)
    files: int = 0
    lines: int = 0
    messages: int = 0
    bad_lines: int = 0
    aliases: int = 0
    skipped: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    cursor: Cursor = field(default_factory=Cursor)


def collect(sources: Sequence[LogSource]) -> LogStats:
    """Read every log in turn into one `LogStats`."""
    stats = LogStats()
    for source in sources:
        stats.files += 1
        with open_log(source) as stream:
            _read(stream, source.shown, stats)
    return stats


def _read(stream: IO[bytes], shown: str, stats: LogStats) -> None:
    cursor = stats.cursor
    cursor.file = shown
    reporter = _BadLines(shown, stats)
    number = 0
    loads = orjson.loads
    try:
        for line in stream:
            number += 1
            if number == 1 and line.startswith(_BOM):
                line = line[len(_BOM) :]
            try:
                message = loads(line)
            except orjson.JSONDecodeError as exc:
                if line.strip():
                    reporter.add(
                        number, exc.colno, codes.INVALID_JSON, f"line is not valid JSON: {exc.msg}"
                    )
                continue
            cursor.line = number
            problem = _observe(message, stats)
            if problem:
                reporter.add(number, 0, codes.MALFORMED_MESSAGE, problem)
    except (OSError, EOFError, zlib.error) as exc:
        kind = (
            "gzip stream" if isinstance(exc, EOFError | gzip.BadGzipFile | zlib.error) else "file"
        )
        reporter.add(
            number + 1,
            0,
            codes.INVALID_JSON,
            f"the {kind} breaks off here ({exc}); the rest is lost",
        )
    stats.lines += number
    reporter.finish()


def _observe(message: Any, stats: LogStats) -> str:
    """Add one message to `stats`; the reason it cannot be used, or ""."""
    if type(message) is not dict:
        return "line is not a message: a JSON object is expected"
    kind = message.get("type")
    cursor = stats.cursor
    if kind == "track":
        name = message.get("event")
        if type(name) is not str or not name:
            return "track message without an `event` name"
        target = stats.events.get(name)
        if target is None:
            target = _new_section(stats.events, name, "event names", stats)
        body, key = message.get("properties", _MISSING), "properties"
    elif kind == "identify" or kind == "group":
        body, key = message.get("traits", _MISSING), "traits"
        target = getattr(stats, kind)
        if target is None:
            target = ValueStats(cursor.file, cursor.line)
            setattr(stats, kind, target)
    elif kind == "page" or kind == "screen":
        name = message.get("name")
        views = stats.pages if kind == "page" else stats.screens
        view = name if type(name) is str else ""
        target = views.get(view)
        if target is None:
            target = _new_section(views, view, f"{kind} names", stats)
        body, key = message.get("properties", _MISSING), "properties"
    elif kind == "alias":
        stats.messages += 1
        stats.aliases += 1
        return ""
    elif kind is None:
        return "message has no `type` (track, identify, group, page, screen or alias)"
    else:
        return f"unknown message type {_show(kind)}"
    if body is _MISSING:
        body = {}
    elif type(body) is not dict:
        return f"`{key}` is not an object"
    stats.messages += 1
    if target is None:
        stats.skipped += 1
        return ""
    target.observe(body, 0, cursor)
    return ""


def _new_section(
    sections: dict[str, ValueStats], name: str, what: str, stats: LogStats
) -> ValueStats | None:
    cursor = stats.cursor
    if len(sections) >= MAX_SECTIONS:
        cursor.reach_limit(what, f"more than {MAX_SECTIONS} distinct {what}")
        return None
    sections[name] = section = ValueStats(cursor.file, cursor.line)
    return section


class _BadLines:
    """Counts a file's unusable lines and lists the first few as diagnostics."""

    def __init__(self, shown: str, stats: LogStats) -> None:
        self.shown = shown
        self.stats = stats
        self.count = 0

    def add(self, line: int, column: int, code: str, message: str) -> None:
        self.count += 1
        self.stats.bad_lines += 1
        if self.count <= MAX_REPORTED_PER_FILE:
            self.stats.diagnostics.append(
                Diagnostic(
                    file=self.shown,
                    line=line,
                    column=column,
                    code=code,
                    severity=Severity.WARNING,
                    message=message,
                    hint="fix the sender; the line is left out of the draft",
                )
            )

    def finish(self) -> None:
        hidden = self.count - MAX_REPORTED_PER_FILE
        if hidden > 0:
            self.stats.diagnostics.append(
                Diagnostic(
                    file=self.shown,
                    code=codes.INFERENCE_INCOMPLETE,
                    severity=Severity.WARNING,
                    message=f"{hidden} more unusable lines, not listed one by one",
                    hint="run `trackplan validate` on the log to see every problem",
                )
            )


def _show(value: Any) -> str:
    text = orjson.dumps(value).decode()
    return text if len(text) <= 40 else text[:37] + "..."
