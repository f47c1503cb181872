"""Fast YAML reading with positions: libyaml's composer, YAML 1.2 scalars, mappings that know where keys are.

ruamel.yaml's round trip keeps comments (fmt needs that) but reads a large plan about ten times
slower than libyaml. Loading only needs values and positions, so it composes the node graph with
PyYAML's C parser and builds plain dicts and lists that remember line and column. Plain scalars
are resolved by YAML 1.2's core schema, as ruamel does: `yes`, `on` and `2024-01-01` stay text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from trackplan.diagnostics import TrackplanError

try:
    _Base: type[Any] = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Base = yaml.SafeLoader

Position = tuple[int, int]

_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = frozenset((".nan", ".NaN", ".NAN"))
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


class _Loader(_Base):  # type: ignore[misc]
    """Composes nodes without PyYAML's YAML 1.1 tag guessing: scalars are resolved here, by 1.2."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _MERGE_TAG if value == "<<" and implicit and implicit[0] else _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG


class PosDict(dict[Any, Any]):
    """A mapping that remembers the 1-based position of each key and value."""

    def __init__(self, start: Position) -> None:
        super().__init__()
        self.start = start
        self.key_pos: dict[Any, Position] = {}
        self.value_pos: dict[Any, Position] = {}


class PosList(list[Any]):
    """A sequence that remembers the 1-based position of each item."""

    def __init__(self, start: Position) -> None:
        super().__init__()
        self.start = start
        self.item_pos: list[Position] = []


def load_positioned(text: str, shown: str) -> Any:
    """Parse one YAML document into PosDict/PosList/scalars; problems raise TrackplanError."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise TrackplanError(_describe(exc, shown)) from exc
    except yaml.YAMLError as exc:
        raise TrackplanError(f"{shown}: invalid YAML: {_one_line(str(exc))}") from exc
    except RecursionError as exc:
        raise TrackplanError(f"{shown}: the YAML is nested too deeply to read") from exc
    if node is None:
        return None
    try:
        return _Builder(shown).build(node)
    except RecursionError as exc:
        raise TrackplanError(f"{shown}: the YAML is nested too deeply to read") from exc


class _Builder:
    def __init__(self, shown: str) -> None:
        self.shown = shown
        # Aliases share one built value, as the node graph shares one node.
        self.built: dict[int, Any] = {}

    def build(self, node: yaml.Node) -> Any:
        done = self.built.get(id(node))
        if done is not None:
            return done
        if isinstance(node, yaml.ScalarNode):
            return resolve_scalar(node)
        start = _pos(node)
        if isinstance(node, yaml.SequenceNode):
            seq = PosList(start)
            self.built[id(node)] = seq
            for item in node.value:
                seq.append(self.build(item))
                seq.item_pos.append(_pos(item))
            return seq
        mapping = PosDict(start)
        self.built[id(node)] = mapping
        merges: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merges.append(value_node)
                continue
            key = self.build(key_node)
            if isinstance(key, dict | list):
                raise TrackplanError(f"{self._at(key_node)}: a mapping key must be text")
            if key in mapping.key_pos:
                raise TrackplanError(
                    f"{self._at(key_node)}: duplicate key {_quote(key)};"
                    " a key may appear only once in a mapping"
                )
            mapping[key] = self.build(value_node)
            mapping.key_pos[key] = _pos(key_node)
            mapping.value_pos[key] = _pos(value_node)
        for merge in merges:
            self._merge(mapping, merge)
        return mapping

    def _merge(self, mapping: PosDict, merge: yaml.Node) -> None:
        """`<<: *defaults` adds the keys the mapping does not set itself."""
        sources = merge.value if isinstance(merge, yaml.SequenceNode) else [merge]
        for source in sources:
            built = self.build(source)
            if not isinstance(built, PosDict):
                raise TrackplanError(f"{self._at(source)}: `<<` merges mappings only")
            for key, value in built.items():
                if key not in mapping:
                    mapping[key] = value
                    mapping.key_pos[key] = built.key_pos[key]
                    mapping.value_pos[key] = built.value_pos[key]

    def _at(self, node: yaml.Node) -> str:
        line, column = _pos(node)
        return f"{self.shown}:{line}:{column}"


def resolve_scalar(node: yaml.ScalarNode) -> Any:
    """YAML 1.2 core schema for plain scalars; quoted and block scalars are text."""
    value: str = node.value
    if node.style:  # libyaml gives plain scalars the style "", the pure-Python parser None
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _OCT.fullmatch(value):
        return int(value[2:], 8)
    if _HEX.fullmatch(value):
        return int(value[2:], 16)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _INF.fullmatch(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if value in _NAN:
        return float("nan")
    return value


def _pos(node: yaml.Node) -> Position:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _describe(exc: yaml.MarkedYAMLError, shown: str) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark is not None else shown
    problem = exc.problem or exc.context or "invalid YAML"
    return f"{where}: invalid YAML: {_one_line(str(problem))}"


def _quote(key: Any) -> str:
    return f'"{key}"' if isinstance(key, str) else str(key)


def _one_line(text: str) -> str:
    return " ".join(text.split())
