"""Reading a JSON input (a file, or stdin as `-`): every failure is one line naming file:line:column."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from trackplan.diagnostics import TrackplanError
from trackplan.files import decode_text, display_path

STDIN = "-"
# `\ud83c\udf89` pairs decode to one character; a lone half cannot be written as UTF-8.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def describe_input(path: Path) -> str:
    """How diagnostics name the input: relative to the working directory, or `<stdin>`."""
    return "<stdin>" if str(path) == STDIN else display_path(path)


def read_json(path: Path) -> Any:
    """The parsed JSON of `path`; a missing, unreadable or invalid file stops the run (exit 2)."""
    shown = describe_input(path)
    if str(path) == STDIN:
        raw = sys.stdin.buffer.read()
    else:
        if not path.exists():
            raise TrackplanError(f"{shown}: no such file")
        if path.is_dir():
            raise TrackplanError(f"{shown}: is a folder; give the JSON file")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise TrackplanError(f"{shown}: cannot read the file ({exc.strerror or exc})") from exc
    return parse_json(decode_text(raw, shown), shown)


def parse_json(text: str, shown: str) -> Any:
    """Parse JSON text; syntax errors name line and column, lone surrogates are refused."""
    try:
        data = json.loads(text)
        if _SURROGATE_ESCAPE.search(text):
            _refuse_lone_surrogates(data, shown)
        return data
    except json.JSONDecodeError as exc:
        raise TrackplanError(
            f"{shown}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}"
        ) from exc
    except RecursionError as exc:
        raise TrackplanError(f"{shown}: the JSON is nested too deeply to read") from exc


def _refuse_lone_surrogates(data: Any, shown: str) -> None:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start]
        raise TrackplanError(
            f"{shown}: holds a lone UTF-16 surrogate (\\u{ord(bad):04x}), which is not text;"
            " fix the escape"
        ) from exc
