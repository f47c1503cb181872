"""A plan file as a tree of mappings, sequences and scalars, each comment attached to its key.

Built from the YAML parse events (libyaml's, as the loader reads plans: positions, styles,
anchors and tags as written), then every comment and blank line is given an owner:
- a comment after code on a line belongs to the deepest key or item written on that line;
- a comment on a line of its own leads the key or item that follows it, unless it is indented
  into a block that ends before that key, where it stays at the end of that block;
- blank lines go with the comment that follows them, else with the next key;
- what comes before the first key is the file's header, and stays at the top.
So moving a key moves its comments, and a section comment stays above the key it introduces.
A flow mapping or sequence with a comment inside is laid out in block style, one key per line,
so the comment keeps its place (ruamel's round trip would drop it).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from trackplan.diagnostics import TrackplanError
from trackplan.formatting.comments import Comment, Span, find_comments
from trackplan.loading.positions import resolve_scalar

BLANK = ""  # a blank line among a key's leading lines
STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
_TAGS = {
    bool: "tag:yaml.org,2002:bool",
    int: "tag:yaml.org,2002:int",
    float: "tag:yaml.org,2002:float",
}
DOCUMENT_START = "---"


class Mark(NamedTuple):
    """A 0-based position in the text."""

    line: int
    column: int
    offset: int  # in characters from the start of the text


@dataclass
class Scalar:
    """A scalar as written: its event (value, style, tag, anchor) and its source text."""

    value: str
    style: str | None
    tag: str | None
    implicit: tuple[bool, bool]
    anchor: str | None
    start: Mark
    end: Mark
    source: str

    @property
    def block(self) -> bool:
        return self.style in ("|", ">")

    @property
    def resolved_tag(self) -> str:
        """The scalar's tag: explicit, `str` when quoted or block, else as YAML 1.2 resolves it."""
        if self.tag is not None:
            return str(self.tag)
        if self.style is not None:
            return STR_TAG
        return implicit_tag(self.value)


@dataclass
class Alias:
    anchor: str
    start: Mark
    end: Mark


@dataclass
class Collection:
    """A mapping (slots have keys) or a sequence (slots are items)."""

    mapping: bool
    flow: bool
    tag: str | None
    implicit: bool
    anchor: str | None
    start: Mark
    end: Mark
    slots: list[Slot] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    # The column of the slots in the source; comments indented at least this much can trail.
    column: int = 0
    owner: Slot | None = None  # the slot whose value this is (None for the root)


Node = Scalar | Alias | Collection


@dataclass
class Slot:
    """A mapping entry or a sequence item, with the comments and blank lines that are its own."""

    key: Scalar | None
    value: Node
    parent: Collection
    depth: int
    line: int
    column: int
    own_end: int = 0  # the last line whose end-of-line comment belongs to this slot
    leading: list[str] = field(default_factory=list)
    eol: list[Comment] = field(default_factory=list)


@dataclass
class Document:
    """A parsed file: header lines, the root node (None when empty), and what it contained."""

    text: str
    header: list[str]
    root: Node | None
    explicit_start: bool
    has_anchors: bool
    comments: list[Comment]


@lru_cache(maxsize=4096)
def implicit_tag(value: str) -> str:
    """The tag YAML 1.2 gives `value` written plain (`123` → int, `yes` → str), as the loader does."""
    resolved = resolve_scalar(yaml.ScalarNode("", value, style=None))
    if resolved is None:
        return NULL_TAG
    return _TAGS.get(type(resolved), STR_TAG)


def parse_layout(text: str, shown: str) -> Document:
    """The layout tree of one YAML text; unsupported constructs raise TrackplanError."""
    builder = _Builder(text, shown, _parse_events(text, shown))
    root = builder.build_document()
    comments, blanks = find_comments(text, builder.spans)
    doc = Document(text, [], root, builder.explicit_start, builder.has_anchors, comments)
    if root is not None:
        _Attacher(doc, builder.slots, builder.start_line, blanks).attach()
    return doc


def _parse_events(text: str, shown: str) -> list[Any]:
    # libyaml's parser when PyYAML has it, as the loader uses (yamlpos): the same grammar, fast.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return list(yaml.parse(text, Loader=loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark is not None else shown
        problem = " ".join(str(exc.problem or exc.context or "").split())
        raise TrackplanError(f"{where}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise TrackplanError(f"{shown}: invalid YAML: {' '.join(str(exc).split())}") from None


def _mark(raw: Any) -> Mark:
    return Mark(raw.line, raw.column, raw.index)


class _Builder:
    """Events → tree, collecting the scalar spans (to find comments) and slots in text order."""

    def __init__(self, text: str, shown: str, events: list[Any]) -> None:
        self.text = text
        self.shown = shown
        self.events = events
        self.position = 0
        self.spans: list[Span] = []
        self.slots: list[Slot] = []
        self.explicit_start = False
        self.has_anchors = False
        self.start_line = 0
        self.lines = text.split("\n")

    def _next(self) -> Any:
        event = self.events[self.position]
        self.position += 1
        return event

    def _peek(self) -> Any:
        return self.events[self.position]

    def _refuse(self, event: Any, what: str) -> TrackplanError:
        mark = event.start_mark
        return TrackplanError(
            f"{self.shown}:{mark.line + 1}:{mark.column + 1}: fmt cannot rewrite {what};"
            " the file was left as it is"
        )

    def build_document(self) -> Node | None:
        event = self._next()
        if not isinstance(event, StreamStartEvent):
            raise self._refuse(event, "this stream")
        if isinstance(self._peek(), StreamEndEvent):
            return None
        start = self._next()
        if not isinstance(start, DocumentStartEvent):
            raise self._refuse(start, "this document")
        if getattr(start, "version", None) or getattr(start, "tags", None):
            raise self._refuse(start, "YAML directives (%YAML, %TAG)")
        self.explicit_start = bool(start.explicit)
        self.start_line = start.start_mark.line if start.explicit and start.start_mark else 0
        root = self._build_node(0)
        end = self._next()
        if not isinstance(end, DocumentEndEvent):
            raise self._refuse(end, "this document")
        if not isinstance(self._peek(), StreamEndEvent):
            raise self._refuse(self._peek(), "a file with several YAML documents")
        return root

    def _build_node(self, depth: int) -> Node:
        event = self._next()
        if isinstance(event, ScalarEvent):
            return self._scalar(event)
        if isinstance(event, AliasEvent):
            self.has_anchors = True
            return Alias(event.anchor or "", _mark(event.start_mark), _mark(event.end_mark))
        if isinstance(event, MappingStartEvent | SequenceStartEvent):
            return self._collection(event, depth)
        raise self._refuse(event, "this construct")

    def _scalar(self, event: Any) -> Scalar:
        start, end = _mark(event.start_mark), _mark(event.end_mark)
        if event.anchor:
            self.has_anchors = True
        scalar = Scalar(
            value=event.value,
            style=event.style or None,  # libyaml writes "" for plain, the Python parser None
            tag=event.tag,
            implicit=tuple(event.implicit),
            anchor=event.anchor,
            start=start,
            end=end,
            source=self.text[start.offset : end.offset],
        )
        self.spans.append(self._span(scalar))
        return scalar

    def _span(self, scalar: Scalar) -> Span:
        """The part of the text that is the scalar's own; a block scalar's header line is not."""
        if not scalar.block:
            return Span(scalar.start.offset, scalar.end.offset)
        body_start = self.text.find("\n", scalar.start.offset)
        if body_start < 0 or body_start >= scalar.end.offset:
            return Span(scalar.end.offset, scalar.end.offset)
        body = self.text[body_start + 1 : scalar.end.offset]
        if "+" not in self.text[scalar.start.offset : body_start]:
            body = body.rstrip(" \t\n")
        return Span(body_start + 1, body_start + 1 + len(body))

    def _dash(self, value: Mark, column: int) -> Mark:
        """Where the `-` of a block sequence item is: on the value's line or a line above it."""
        for line in range(value.line, -1, -1):
            text = self.lines[line] if line < len(self.lines) else ""
            if len(text) > column and text[column] == "-" and not text[:column].strip():
                return Mark(line, column, value.offset)
            if line < value.line and text.strip() and not text.strip().startswith("#"):
                break  # only blank or comment lines may sit between a dash and its value
        return value

    def _collection(self, event: Any, depth: int) -> Collection:
        mapping = isinstance(event, MappingStartEvent)
        if event.anchor:
            self.has_anchors = True
        node = Collection(
            mapping=mapping,
            flow=bool(event.flow_style),
            tag=event.tag,
            implicit=bool(event.implicit),
            anchor=event.anchor,
            start=_mark(event.start_mark),
            end=_mark(event.start_mark),
        )
        end_type = MappingEndEvent if mapping else SequenceEndEvent
        while not isinstance(self._peek(), end_type):
            key: Scalar | None = None
            if mapping:
                key_node = self._build_node(depth + 1)
                if not isinstance(key_node, Scalar):
                    raise self._refuse(self.events[self.position - 1], "a complex mapping key")
                key = key_node
                begin = key.start
            else:
                begin = _mark(self._peek().start_mark)
                if not node.flow:
                    begin = self._dash(begin, node.start.column)
            position = len(self.slots)  # a slot comes before its children in text order
            value = self._build_node(depth + 1)
            slot = Slot(key, value, node, depth, begin.line, begin.column)
            if isinstance(value, Collection):
                value.owner = slot
            self.slots.insert(position, slot)
            node.slots.append(slot)
        end = self._next()
        node.end = _mark(end.end_mark)
        if node.slots:
            node.column = node.slots[0].column if mapping or node.flow else node.start.column
        return node


class _Attacher:
    """Gives every comment and blank line an owner (see the module docstring)."""

    def __init__(self, doc: Document, slots: list[Slot], start_line: int, blanks: set[int]):
        self.doc = doc
        self.start_line = start_line
        self.kept_flows: list[Collection] = []
        self.comment_positions = sorted((c.line, c.column) for c in doc.comments)
        self._layout_flows(doc.root)
        # Slots inside flow collections that stay on one line own no comments of their own.
        self.slots = [s for s in slots if not s.parent.flow]
        self.starts = [s.line for s in self.slots]
        inside_flows = {
            line for flow in self.kept_flows for line in range(flow.start.line + 1, flow.end.line)
        }
        self.blanks = blanks - inside_flows

    def _layout_flows(self, node: Node | None) -> None:
        """Flow collections with a comment inside are laid out in block style."""
        if not isinstance(node, Collection):
            return
        if node.flow:
            if not self._has_comment_inside(node):
                self.kept_flows.append(node)
                return
            node.flow = False
            node.column = node.slots[0].column if node.slots else node.column
        for slot in node.slots:
            self._layout_flows(slot.value)

    def _has_comment_inside(self, node: Collection) -> bool:
        start = (node.start.line, node.start.column)
        index = bisect.bisect_right(self.comment_positions, start)
        if index == len(self.comment_positions):
            return False
        return self.comment_positions[index] < (node.end.line, node.end.column)

    def attach(self) -> None:
        for slot in self.slots:
            slot.own_end = _own_end(slot)
        owners = self._owners_by_line()
        lines: list[tuple[int, int, Comment | None]] = []
        # line → (slot, column) of an end-of-line comment; a comment alone on the next line at
        # the same column continues it and stays with it.
        eol_at: dict[int, tuple[Slot, int]] = {}
        for comment in self.doc.comments:
            owner = owners.get(comment.line) if comment.trailing else None
            above = eol_at.get(comment.line - 1)
            if owner is None and above is not None and above[1] == comment.column:
                owner = above[0]
            if owner is not None:
                owner.eol.append(comment)
                eol_at[comment.line] = (owner, comment.column)
            else:
                lines.append((comment.line, 1, comment))
        lines += [(line, 1, None) for line in self.blanks]
        if self.doc.explicit_start:
            lines.append((self.start_line, 0, None))
        lines.sort(key=lambda item: (item[0], item[1]))
        self._attach_lines(lines)

    def _owners_by_line(self) -> dict[int, Slot]:
        owners: dict[int, Slot] = {}
        for slot in self.slots:  # text order, so a deeper or later slot on a line wins
            for line in range(slot.line, slot.own_end + 1):
                current = owners.get(line)
                if current is None or slot.depth >= current.depth:
                    owners[line] = slot
        return owners

    def _attach_lines(self, lines: list[tuple[int, int, Comment | None]]) -> None:
        """Full-line comments, blank lines and `---`, in text order: lead, trail or head."""
        pending: list[int] = []  # blank lines wait for a comment in the same gap between keys

        def settle_blanks() -> None:
            for blank in pending:
                self._target(blank, None).append(BLANK)
            pending.clear()

        for line, order, comment in lines:
            if pending and self._gap(pending[0]) != self._gap(line):
                settle_blanks()
            if order == 0:
                settle_blanks()
                self.doc.header.append(DOCUMENT_START)
            elif comment is None:
                pending.append(line)
            else:
                target = self._target(line, comment.column)
                target.extend(BLANK for _ in pending)
                pending.clear()
                target.append(comment.text)
        settle_blanks()

    def _gap(self, line: int) -> int:
        """Which gap between slots `line` is in (the index of the slot after it)."""
        return bisect.bisect_right(self.starts, line)

    def _target(self, line: int, column: int | None) -> list[str]:
        """Where a line goes: the file header, a block's trailing lines, or a slot's leading."""
        index = bisect.bisect_right(self.starts, line)
        following = self.slots[index] if index < len(self.slots) else None
        if index == 0:
            return self.doc.header
        if column is not None:
            holder = _trailing_holder(self.slots[index - 1], following, column)
            if holder is not None:
                return holder.trailing
        if following is not None:
            return following.leading
        root = self.doc.root
        return root.trailing if isinstance(root, Collection) else self.doc.header


def _trailing_holder(previous: Slot, following: Slot | None, column: int) -> Collection | None:
    """The innermost block that `following` is not in and the comment is indented into."""
    enclosing: set[int] = set()
    probe = following
    while probe is not None:
        enclosing.add(id(probe.parent))
        probe = probe.parent.owner
    slot: Slot | None = previous
    while slot is not None:
        collection = slot.parent
        if id(collection) not in enclosing and not collection.flow and column >= collection.column:
            return collection
        slot = collection.owner
    return None


def _own_end(slot: Slot) -> int:
    """The last line of a slot's own text: its value unless that is a block collection."""
    value = slot.value
    if isinstance(value, Collection):
        if value.flow or not value.slots:
            return max(slot.line, value.end.line)
        return slot.line
    if isinstance(value, Scalar):
        if value.block:
            return max(slot.line, value.start.line)
        end = value.end.line
        if value.end.column == 0 and end > value.start.line:
            end -= 1
        return max(slot.line, end)
    return max(slot.line, value.end.line)
