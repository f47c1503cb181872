"""Reading YAML plan files safely: decoding, parsing with positions, and every failure as one clear line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trackplan.diagnostics import TrackplanError
from trackplan.files import decode_text
from trackplan.loading.positions import PosDict, PosList, load_positioned

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


def parse_yaml(text: str, shown: str) -> Any:
    """Parse YAML text with positions; syntax errors, duplicate keys and runaway aliases stop the run."""
    data = load_positioned(text, shown)
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
    """1-based (line, column) of a mapping key."""
    return node.key_pos.get(key) if isinstance(node, PosDict) else None


def value_position(node: Any, key: Any) -> tuple[int, int] | None:
    """1-based (line, column) of a mapping value or sequence item."""
    if isinstance(node, PosDict):
        return node.value_pos.get(key)
    if isinstance(node, PosList) and isinstance(key, int) and 0 <= key < len(node.item_pos):
        return node.item_pos[key]
    return None


def node_position(node: Any) -> tuple[int, int] | None:
    """1-based position where a mapping or sequence starts."""
    return node.start if isinstance(node, PosDict | PosList) else None
