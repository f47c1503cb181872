"""Opening the logs `infer` reads: NDJSON files, folders of them, `-` for stdin, gzip anywhere.

Gzip is recognised by its magic bytes, not by the file name, so a compressed stdin works too.
A file that cannot be opened stops the run (exit 2); a gzip stream cut short is reported by
the caller as a problem of the line where it broke, and the run goes on.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from trackplan.diagnostics import TrackplanError
from trackplan.files import display_path

STDIN = "-"
STDIN_NAME = "<stdin>"
# What a folder is searched for (recursively, sorted).
LOG_PATTERNS = ("*.ndjson", "*.jsonl", "*.ndjson.gz", "*.jsonl.gz")
_GZIP_MAGIC = b"\x1f\x8b"
_BUFFER = 1 << 20


@dataclass(frozen=True)
class LogSource:
    """One log to read: a file, or stdin when `path` is None."""

    path: Path | None
    shown: str


def find_sources(arguments: list[str]) -> list[LogSource]:
    """The logs named on the command line, folders expanded; `-` is stdin (at most once)."""
    sources: list[LogSource] = []
    for argument in arguments:
        if argument == STDIN:
            if any(s.path is None for s in sources):
                raise TrackplanError("`-` (stdin) is given twice")
            sources.append(LogSource(None, STDIN_NAME))
            continue
        path = Path(argument)
        if path.is_dir():
            found = sorted(
                {f for pattern in LOG_PATTERNS for f in path.rglob(pattern) if f.is_file()}
            )
            if not found:
                raise TrackplanError(
                    f"{display_path(path)}: the folder holds no NDJSON logs"
                    f" ({', '.join(LOG_PATTERNS)})"
                )
            sources.extend(LogSource(f, display_path(f)) for f in found)
        elif path.is_file():
            sources.append(LogSource(path, display_path(path)))
        else:
            raise TrackplanError(f"{display_path(path)}: no such file or folder")
    return sources


@contextmanager
def open_log(source: LogSource) -> Iterator[IO[bytes]]:
    """The log's bytes, decompressed when they are gzip; closes what it opened."""
    try:
        if source.path is None:
            raw: IO[bytes] = sys.stdin.buffer
            if not hasattr(raw, "peek"):  # a test runner's plain BytesIO
                raw = io.BufferedReader(raw, _BUFFER)  # type: ignore[type-var]
        else:
            raw = source.path.open("rb", buffering=_BUFFER)
    except OSError as exc:
        raise TrackplanError(f"{source.shown}: cannot read: {exc.strerror or exc}") from None
    try:
        if _peek(raw, 2) == _GZIP_MAGIC:
            with io.BufferedReader(gzip.GzipFile(fileobj=raw, mode="rb"), _BUFFER) as unpacked:
                yield unpacked
        else:
            yield raw
    finally:
        if source.path is not None:
            raw.close()


def _peek(stream: IO[bytes], size: int) -> bytes:
    data: bytes = stream.peek(size)  # type: ignore[attr-defined]
    return data[:size]
