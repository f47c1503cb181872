"""Finding and reading the inputs: files, folders, globs and stdin; NDJSON lines in bounded memory.

What a path holds is decided by its name: `.ndjson`/`.jsonl` (and the same with `.gz`) are
logs, one message per line; `.json`, `.yaml` and `.yml` are fixture files holding one message
or a list (a `.json` file that turns out to hold one object per line is read as a log). A
folder is searched recursively for those names, hidden folders skipped. `-` is stdin, read as
a log unless its first line opens a JSON document on its own (`[`, or `{` alone).

A log line longer than `MAX_LINE_BYTES` is never held in memory: it is read past in blocks and
reported (Segment itself refuses messages over 32 KB).
"""

from __future__ import annotations

import glob
import gzip
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from trackplan.diagnostics import TrackplanError
from trackplan.files import display_path

MAX_LINE_BYTES = 1 << 20
HEAD_BYTES = 1024  # what is kept of an overlong line, for the report
BLOCK_BYTES = 256 << 10  # what is read at a time past an overlong line
READ_BUFFER_BYTES = 1 << 20  # a large buffer halves the cost of reading a line
BOM = b"\xef\xbb\xbf"
LOG_SUFFIXES = (".ndjson", ".jsonl")
FIXTURE_SUFFIXES = (".json", ".yaml", ".yml")
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)
_GLOB_CHARS = frozenset("*?[")


class InputKind(StrEnum):
    LOG = "log"  # NDJSON, plain: can be split into byte ranges
    LOG_GZ = "log-gz"  # NDJSON, gzip-compressed: read whole, by one worker
    JSON = "json"  # a fixture file
    YAML = "yaml"  # a fixture file
    STDIN = "stdin"


@dataclass(frozen=True)
class Source:
    """One input file and how to read it."""

    path: Path | None  # None for stdin
    shown: str  # as diagnostics name it
    kind: InputKind
    size: int = 0
    expect: str = ""  # "valid" or "invalid" when a fixture sits under such a folder


@dataclass(frozen=True)
class Overlong:
    """A log line too long to read: its size and first bytes."""

    size: int
    head: bytes

    def __len__(self) -> int:
        return self.size


@dataclass(frozen=True)
class Collected:
    """The sources of all arguments, and the arguments that held no message files."""

    sources: tuple[Source, ...]
    empty: tuple[str, ...]


def collect_sources(arguments: Sequence[str]) -> Collected:
    """Every input file the arguments name, in argument order, each folder sorted.

    A path that does not exist (and is not a glob) stops the run; a glob or folder with no
    message files is reported in `empty`.
    """
    sources: list[Source] = []
    empty: list[str] = []
    seen: set[Path] = set()
    for argument in arguments:
        if argument == "-":
            sources.append(Source(None, "<stdin>", InputKind.STDIN))
            continue
        path = Path(argument)
        if path.is_dir():
            found = _folder_files(path)
        elif path.exists():
            found = [path]
        elif _GLOB_CHARS & set(argument):
            found = sorted(
                p for p in (Path(m) for m in glob.glob(argument, recursive=True))
                if p.is_file() and input_kind(p) is not None
            )  # fmt: skip
        else:
            raise TrackplanError(f"{argument}: no such file or folder")
        added = 0
        for file in found:
            resolved = file.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            sources.append(make_source(file))
            added += 1
        if not added and not found:
            empty.append(argument)
    return Collected(tuple(sources), tuple(empty))


def make_source(path: Path) -> Source:
    kind = input_kind(path) or InputKind.LOG  # a file named explicitly is a log by default
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return Source(path, display_path(path), kind, size, _expectation(path))


def input_kind(path: Path) -> InputKind | None:
    """What a file name says the file holds; None for names a folder search skips."""
    name = path.name.lower()
    if name.endswith(".gz"):
        inner = name[:-3]
        return InputKind.LOG_GZ if inner.endswith((*LOG_SUFFIXES, ".json")) else None
    if name.endswith(LOG_SUFFIXES):
        return InputKind.LOG
    if name.endswith(".json"):
        return InputKind.JSON
    if name.endswith((".yaml", ".yml")):
        return InputKind.YAML
    return None


def _folder_files(folder: Path) -> list[Path]:
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative):
            continue
        if path.is_file() and input_kind(path) is not None:
            files.append(path)
    return files


def _expectation(path: Path) -> str:
    """`valid`/`invalid` from the nearest folder of that name, for fixture files only."""
    if input_kind(path) not in (InputKind.JSON, InputKind.YAML):
        return ""
    for parent in path.parent.parts[::-1]:
        if parent in ("valid", "invalid"):
            return parent
    return ""


def open_log(source: Source) -> BinaryIO:
    """The binary stream of a log (decompressed for `.gz`)."""
    assert source.path is not None
    if source.kind is InputKind.LOG_GZ:
        return gzip.open(source.path, "rb")  # type: ignore[return-value]
    return source.path.open("rb", buffering=READ_BUFFER_BYTES)


def iter_lines(
    stream: BinaryIO, start: int = 0, end: int | None = None
) -> Iterator[bytes | Overlong]:
    """The lines that start in [start, end), each with its newline (the last may lack one).

    A range that starts inside a line leaves that line to the range before it, and a range
    finishes the line it ends inside, so consecutive ranges read every line exactly once.
    A line longer than MAX_LINE_BYTES is read past in blocks and given as an Overlong.
    """
    pos = start
    if start > 0:
        stream.seek(start - 1)
        # The line belongs to this range only when the byte before `start` ends the previous one.
        if stream.read(1) != b"\n":
            skipped, ended = _skip_line(stream)
            if not ended:
                return
            pos += skipped
    limit = end if end is not None else float("inf")
    readline = stream.readline
    cap = MAX_LINE_BYTES + 1
    while pos < limit:
        line = readline(cap)
        if not line:
            return
        pos += len(line)
        if len(line) == cap and line[-1:] != b"\n":
            skipped, ended = _skip_line(stream)
            pos += skipped
            yield Overlong(len(line) + skipped - (1 if ended else 0), line[:HEAD_BYTES])
            continue
        yield line


def _skip_line(stream: BinaryIO) -> tuple[int, bool]:
    """Read past the next newline: the bytes consumed (newline included), and whether a
    newline came before the end of the file."""
    consumed = 0
    while True:
        chunk = stream.readline(BLOCK_BYTES)
        if not chunk:
            return consumed, False
        consumed += len(chunk)
        if chunk[-1:] == b"\n":
            return consumed, True
