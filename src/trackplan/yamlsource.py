"""Reading YAML plan files safely: decoding, parsing with positions, and every failure as one clear line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from trackplan.diagnostics import TrackplanError

PLAN_SUFFIXES = (".yaml", ".yml")
# An honest plan of thousands of events stays far below this; anchors that expand past it are
# an attack ("billion laughs") or a mistake, and would make every command slow.
MAX_EXPANDED_NODES = 1_000_000


@dataclass(frozen=True)
class YamlDocument:
    """One parsed plan file: its display path, its text and the round-trip tree (None if empty)."""

    path: str
    text: str
    data: Any


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path as diagnostics show it: relative to the working directory when inside it, `/` separators."""
    base = cwd or Path.cwd()
    try:
        rel = os.path.relpath(path.resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        return path.as_posix()
    if rel.startswith(".."):
        return path.resolve().as_posix() if path.is_absolute() else path.as_posix()
    return Path(rel).as_posix()


def find_plan_files(path: Path) -> list[Path]:
    """The YAML files of a plan path: the file itself, or a folder's `*.yaml`/`*.yml`, recursively and sorted."""
    if not path.exists():
        raise TrackplanError(f"{path.as_posix()}: no such file or folder (give the plan path)")
    if path.is_file():
        return [path]
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() in PLAN_SUFFIXES and p.is_file())
    if not files:
        raise TrackplanError(f"{path.as_posix()}: the folder holds no *.yaml or *.yml plan files")
    return files


def read_text(path: Path, shown: str) -> str:
    """A file's text as UTF-8 (a BOM is accepted); unreadable or undecodable files stop the run."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TrackplanError(f"{shown}: cannot read the file ({exc.strerror or exc})") from exc
    return decode_text(raw, shown)


def decode_text(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise TrackplanError(
            f"{shown}:{line}:{column}: the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x});"
            " save it as UTF-8"
        ) from exc


def new_yaml() -> YAML:
    """The round-trip YAML reader/writer: keeps comments, order and positions; rejects duplicate keys."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = True
    return yaml


def parse_yaml(text: str, shown: str) -> Any:
    """Parse YAML text; syntax errors, duplicate keys and runaway aliases become a TrackplanError."""
    try:
        data = new_yaml().load(text)
    except MarkedYAMLError as exc:
        raise TrackplanError(_describe_marked(exc, shown)) from exc
    except YAMLError as exc:
        raise TrackplanError(f"{shown}: invalid YAML: {_one_line(str(exc))}") from exc
    except RecursionError as exc:
        raise TrackplanError(f"{shown}: the YAML is nested too deeply to read") from exc
    check_expansion(data, shown)
    return data


def load_document(path: Path, shown: str) -> YamlDocument:
    text = read_text(path, shown)
    return YamlDocument(shown, text, parse_yaml(text, shown))


def check_expansion(data: Any, shown: str) -> None:
    """Refuse documents whose aliases expand to a huge (or endless, self-referencing) tree."""
    seen = 0
    stack = [data]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_EXPANDED_NODES:
            raise TrackplanError(
                f"{shown}: anchors and aliases expand to more than {MAX_EXPANDED_NODES:,} values;"
                " write the plan out without nested aliases"
            )
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def key_position(node: Any, key: Any) -> tuple[int, int] | None:
    """1-based (line, column) of a mapping key, if ruamel recorded it."""
    if isinstance(node, CommentedMap):
        try:
            line, col = node.lc.key(key)
        except (KeyError, TypeError, AttributeError):
            return None
        return line + 1, col + 1
    return None


def value_position(node: Any, key: Any) -> tuple[int, int] | None:
    """1-based (line, column) of a mapping value or sequence item, if ruamel recorded it."""
    try:
        if isinstance(node, CommentedMap):
            line, col = node.lc.value(key)
        elif isinstance(node, CommentedSeq):
            line, col = node.lc.item(key)
        else:
            return None
    except (KeyError, TypeError, AttributeError, IndexError):
        return None
    return line + 1, col + 1


def node_position(node: Any) -> tuple[int, int] | None:
    """1-based position where a mapping or sequence starts."""
    if isinstance(node, CommentedMap | CommentedSeq):
        try:
            return node.lc.line + 1, node.lc.col + 1
        except (AttributeError, TypeError):
            return None
    return None


def iter_items(node: Any) -> Iterator[tuple[Any, Any]]:
    """Items of a mapping in document order (merge keys included)."""
    if isinstance(node, dict):
        yield from node.items()


def _describe_marked(exc: MarkedYAMLError, shown: str) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark is not None else shown
    problem = exc.problem or exc.context or "invalid YAML"
    if "duplicate key" in str(problem) or type(exc).__name__ == "DuplicateKeyError":
        key = _duplicate_key_name(str(exc))
        return f"{where}: duplicate key {key}; a key may appear only once in a mapping"
    return f"{where}: invalid YAML: {_one_line(str(problem))}"


def _duplicate_key_name(text: str) -> str:
    marker = 'found duplicate key "'
    start = text.find(marker)
    if start < 0:
        return "in a mapping"
    start += len(marker)
    end = text.find('"', start)
    return f'"{text[start:end]}"' if end > start else "in a mapping"


def _one_line(text: str) -> str:
    return " ".join(text.split())
