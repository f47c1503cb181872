"""Checking a rewrite: it must parse to the same data and hold the same comments.

Data is compared as YAML sees it, from the parse events: a scalar by its resolved tag and
text (booleans and null by value, as fmt normalizes their spelling), mappings without their
key order, aliases through their anchors.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from trackplan.diagnostics import TrackplanError
from trackplan.formatting.layout import Alias, Collection, Document, Node, Scalar, parse_layout

_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


def describe_data(doc: Document) -> Any:
    """The document's data in a comparable form (see the module docstring)."""
    return _data(doc.root, {})


def describe_comments(doc: Document) -> Counter[str]:
    return Counter(comment.text for comment in doc.comments)


def find_unfaithful(doc: Document, text: str, shown: str) -> str:
    """Why `text` is not a faithful rewrite of `doc` ("" when it is)."""
    try:
        rewritten = parse_layout(text, shown)
    except TrackplanError as exc:
        return f"the result does not parse: {exc}"
    try:
        if describe_data(rewritten) != describe_data(doc):
            return "the data would change"
    except RecursionError:
        return "the data is nested too deeply to compare"
    if describe_comments(rewritten) != describe_comments(doc):
        return "a comment would be lost or altered"
    # Independent of how comments are found: every `#`, in a comment or a string, stays.
    if text.count("#") != doc.text.count("#"):
        return "a comment would be lost"
    return ""


def _data(node: Node | None, anchors: dict[str, Any]) -> Any:
    if node is None:
        return None
    if isinstance(node, Alias):
        return anchors.get(node.anchor, ("unknown alias", node.anchor))
    if isinstance(node, Scalar):
        value = _scalar(node)
        if node.anchor:
            anchors[node.anchor] = value
        return value
    return _collection(node, anchors)


def _collection(node: Collection, anchors: dict[str, Any]) -> Any:
    tag = None if node.implicit else node.tag
    if node.mapping:
        mapping: dict[Any, Any] = {}
        result: Any = ("map", tag, mapping)
        if node.anchor:
            anchors[node.anchor] = result
        for slot in node.slots:
            mapping[_data(slot.key, anchors)] = _data(slot.value, anchors)
        return result
    items: list[Any] = []
    result = ("seq", tag, items)
    if node.anchor:
        anchors[node.anchor] = result
    items.extend(_data(slot.value, anchors) for slot in node.slots)
    return result


def _scalar(scalar: Scalar) -> tuple[str, str]:
    tag = scalar.resolved_tag
    if tag == _BOOL:
        return tag, scalar.value.lower()
    if tag == _NULL:
        return tag, ""
    return tag, scalar.value
