"""Writing a layout tree back as YAML text in the canonical style.

Two spaces of indentation; a sequence's dashes two spaces in from its key; flow mappings and
sequences stay flow (on one line) unless a comment sits inside them; shorthand stays shorthand.
Scalars: a plain string stays plain while it still reads back as the same string; quoted text
uses double quotes, except single-quoted text holding a backslash or a double quote (regular
expressions), which stays single-quoted so it needs no escaping. Numbers keep their spelling,
booleans and null are written `true`, `false`, `null`. A value written over several lines keeps
its line breaks. End-of-line comments keep their column when the line still fits before it.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field

from yaml.emitter import Emitter

from trackplan.formatting.comments import Comment
from trackplan.formatting.layout import (
    BLANK,
    STR_TAG,
    Alias,
    Collection,
    Document,
    Node,
    Scalar,
    Slot,
    implicit_tag,
)
from trackplan.formatting.order import Role, canonical_order, child_role

INDENT = 2
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_CORE_PREFIX = "tag:yaml.org,2002:"
# Characters a double-quoted YAML scalar must escape beyond what JSON escapes.
_YAML_ESCAPES = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")
_BLOCK_HEADER = re.compile(r"^[|>]([1-9]?)([+-]?)([1-9]?)")

# PyYAML's scalar analysis, the grammar of the parser that reads plans (libyaml).
_ANALYZER = Emitter(io.StringIO(), allow_unicode=True)


def emit_document(doc: Document, *, reorder: bool, sort: bool) -> str:
    """The document as canonical text; `reorder` applies the canonical key order."""
    writer = _Writer(reorder=reorder, sort=sort)
    for line in doc.header:
        writer.comment(0, line)
    root = doc.root
    if isinstance(root, Collection) and not root.flow and root.slots:
        writer.block(root, 0, Role.ROOT)
    elif root is not None:
        writer.line(_render_inline(root, Role.ROOT, writer), [])
        if isinstance(root, Collection):
            for line in root.trailing:
                writer.comment(0, line)
    return writer.text()


@dataclass
class _Writer:
    reorder: bool
    sort: bool
    # (text, kept): a kept line is part of a scalar's text and is never merged away.
    lines: list[tuple[str, bool]] = field(default_factory=list)

    # -- lines ---------------------------------------------------------------------------

    def comment(self, indent: int, text: str) -> None:
        self.lines.append((" " * indent + text if text else "", False))

    def content(self, text: str) -> None:
        self.lines.append((text, True))

    def line(self, text: str, eol: list[Comment], indent: int = 0) -> None:
        """One line of content with its end-of-line comment (more comments on lines below)."""
        if not eol:
            self.lines.append((text, False))
            return
        first = eol[0]
        column = first.column if first.column >= len(text) + 2 else len(text) + 2
        self.lines.append((text.ljust(column) + first.text, False))
        for extra in eol[1:]:  # continuation lines, aligned under the first
            self.comment(column, extra.text)

    def text(self) -> str:
        """The lines joined: runs of blank lines made one, none at the start or the end."""
        out: list[str] = []
        blank_before = True  # at the start, a blank line is dropped
        for line, kept in self.lines:
            if kept:
                out.append(line)
                blank_before = False
            elif not line.strip():
                if not blank_before:
                    out.append("")
                blank_before = True
            else:
                out.append(line)
                blank_before = False
        if blank_before and out and out[-1] == "":
            out.pop()
        return "\n".join(out) + "\n" if out else ""

    # -- block collections --------------------------------------------------------------

    def block(self, node: Collection, indent: int, role: Role) -> None:
        """The slots of a block collection at `indent`, then its trailing comments."""
        slots = self.ordered(node, role)
        for position, slot in enumerate(slots):
            leading = _strip_blank_start(slot.leading) if position == 0 else slot.leading
            if node.mapping:
                self.leading(indent, leading)
                self.entry(slot, indent, child_role(role, _key_text(slot)))
            else:
                self.item(slot, indent, leading)
        for line in node.trailing:
            self.comment(indent, line)

    def ordered(self, node: Collection, role: Role) -> list[Slot]:
        if not node.mapping or not self.reorder:
            return list(node.slots)
        keys = [_key_text(slot) for slot in node.slots]
        return [node.slots[i] for i in canonical_order(role, keys, self.sort)]

    def leading(self, indent: int, lines: list[str]) -> None:
        for line in lines:
            self.comment(indent, line)

    def entry(self, slot: Slot, indent: int, role: Role, dash: bool = False) -> None:
        """`key: value` at `indent` (after `- ` when it is the first key of an item)."""
        assert slot.key is not None
        prefix = " " * (indent - INDENT) + "- " if dash else " " * indent
        head = prefix + _render_scalar(slot.key, flow=False)
        self.value(head + ":", slot.value, indent, slot.eol, role)

    def item(self, slot: Slot, indent: int, leading: list[str]) -> None:
        value = slot.value
        role = Role.OTHER
        if (
            isinstance(value, Collection)
            and value.mapping
            and not value.flow
            and value.slots
            and not value.anchor
            and value.implicit
            and not slot.eol
        ):
            slots = self.ordered(value, role)
            first = slots[0]
            self.leading(indent, leading + _strip_blank_start(first.leading))
            self.entry(first, indent + INDENT, child_role(role, _key_text(first)), dash=True)
            for other in slots[1:]:
                self.leading(indent + INDENT, other.leading)
                self.entry(other, indent + INDENT, child_role(role, _key_text(other)))
            for line in value.trailing:
                self.comment(indent + INDENT, line)
            return
        self.leading(indent, leading)
        self.value(" " * indent + "-", value, indent, slot.eol, role)

    def value(self, head: str, value: Node, indent: int, eol: list[Comment], role: Role) -> None:
        """What follows `key:` or `-`: inline, a block scalar, or a nested block collection."""
        if isinstance(value, Collection) and not value.flow and value.slots:
            self.line(head + _properties(value), eol, indent + INDENT)
            self.block(value, indent + INDENT, role)
            return
        if isinstance(value, Scalar) and value.tag is None:
            if value.block and _block_header(value) is not None:
                self.block_scalar(head, value, indent, eol)
                return
            if value.start.line != value.end.line and value.style in (None, '"', "'"):
                self.multiline_scalar(head, value, indent, eol)
                return
            if value.value == "" and value.style is None and value.source == "":
                self.line(head, eol, indent + INDENT)
                return
        self.line(f"{head} {_render_inline(value, role, self)}", eol, indent + INDENT)

    def block_scalar(self, head: str, value: Scalar, indent: int, eol: list[Comment]) -> None:
        header = _block_header(value)
        assert header is not None
        self.line(f"{head} {_anchor(value)}{header}", eol, indent + INDENT)
        lines = _block_body(value)
        first = next((line for line in lines if line.strip()), "")
        base = len(first) - len(first.lstrip(" "))
        for line in lines:
            if not line.strip() and len(line) <= base:
                self.content("")
            else:
                self.content(" " * (indent + INDENT) + line[base:])

    def multiline_scalar(self, head: str, value: Scalar, indent: int, eol: list[Comment]) -> None:
        """A plain or quoted scalar over several lines: its line breaks kept, re-indented."""
        parts = value.source.split("\n")
        lines = [f"{head} {parts[0].rstrip()}"]
        lines += [
            " " * (indent + INDENT) + part.strip() if part.strip() else "" for part in parts[1:]
        ]
        for line in lines[:-1]:
            self.content(line)
        self.line(lines[-1], eol, indent + INDENT)


def _strip_blank_start(lines: list[str]) -> list[str]:
    index = 0
    while index < len(lines) and lines[index] == BLANK:
        index += 1
    return lines[index:]


def _key_text(slot: Slot) -> str | None:
    key = slot.key
    if key is None or key.tag is not None or not _is_string(key):
        return None
    return key.value


# -- inline values ----------------------------------------------------------------------


def _render_inline(value: Node, role: Role, writer: _Writer) -> str:
    """A value on one line: a scalar, an alias, or a flow collection."""
    if isinstance(value, Alias):
        return f"*{value.anchor}"
    if isinstance(value, Scalar):
        return _render_scalar(value, flow=False)
    return _properties(value, trailing_space=True) + _render_flow(value, role, writer)


def _render_flow(node: Collection, role: Role, writer: _Writer) -> str:
    if node.mapping:
        parts = []
        for slot in writer.ordered(node, role):
            assert slot.key is not None
            key = _render_scalar(slot.key, flow=True)
            inner = _render_flow_value(slot.value, child_role(role, _key_text(slot)), writer)
            parts.append(f"{key}: {inner}")
        return "{" + ", ".join(parts) + "}"
    items = [_render_flow_value(slot.value, Role.OTHER, writer) for slot in node.slots]
    return "[" + ", ".join(items) + "]"


def _render_flow_value(value: Node, role: Role, writer: _Writer) -> str:
    if isinstance(value, Alias):
        return f"*{value.anchor}"
    if isinstance(value, Scalar):
        return _render_scalar(value, flow=True)
    return _properties(value, trailing_space=True) + _render_flow(value, role, writer)


def _properties(node: Collection, trailing_space: bool = False) -> str:
    """` &anchor !tag` of a collection, as written before its value."""
    parts = []
    if node.anchor:
        parts.append(f"&{node.anchor}")
    if node.tag and not node.implicit:
        parts.append(_short_tag(node.tag))
    if not parts:
        return ""
    text = " ".join(parts)
    return f"{text} " if trailing_space else f" {text}"


def _short_tag(tag: str) -> str:
    if tag.startswith(_CORE_PREFIX):
        return "!!" + tag[len(_CORE_PREFIX) :]
    return tag if tag.startswith("!") else f"!<{tag}>"


def _anchor(scalar: Scalar) -> str:
    return f"&{scalar.anchor} " if scalar.anchor else ""


def _render_scalar(scalar: Scalar, flow: bool) -> str:
    """One scalar on one line, in the canonical quoting (see the module docstring)."""
    if scalar.tag is not None:
        # An explicit tag (`!!str 123`) is copied as written, anchor and all.
        return " ".join(scalar.source.split())
    anchor = _anchor(scalar)
    if not _is_string(scalar):
        return anchor + _render_plain_value(scalar, flow)
    value = scalar.value
    analysis = _ANALYZER.analyze_scalar(value)
    if scalar.style is None and plain_ok(value, flow=flow):
        return anchor + value
    if (
        scalar.style == "'"
        and ("\\" in value or '"' in value)
        and analysis.allow_single_quoted
        and "\n" not in value
    ):
        return anchor + "'" + value.replace("'", "''") + "'"
    return anchor + _double_quoted(value)


def plain_ok(value: str, *, flow: bool) -> bool:
    """Whether `value` can be written plain (unquoted) and read back as the same string."""
    if not value:
        return False
    analysis = _ANALYZER.analyze_scalar(value)
    allowed = analysis.allow_flow_plain if flow else analysis.allow_block_plain
    return allowed and not analysis.multiline and _resolves_to_string(value)


def quoted(value: str) -> str:
    """`value` as a double-quoted scalar, escaped as JSON and YAML need."""
    return _double_quoted(value)


def _render_plain_value(scalar: Scalar, flow: bool) -> str:
    tag = scalar.resolved_tag
    if tag == _BOOL:
        return scalar.value.lower()
    if tag == _NULL:
        return "null"
    return scalar.value


def _double_quoted(value: str) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_ESCAPES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _is_string(scalar: Scalar) -> bool:
    return scalar.resolved_tag == STR_TAG


def _resolves_to_string(value: str) -> bool:
    return implicit_tag(value) == STR_TAG


def _block_header(scalar: Scalar) -> str | None:
    """`|`, `|-`, `>` … for a block scalar fmt can re-indent; None to write it quoted instead.

    Keep-chomping (`+`) and text whose first line starts with a space (it needs an
    indentation indicator) are written double-quoted rather than risk changing the text.
    """
    source = scalar.source
    if scalar.anchor:
        source = source.split(None, 1)[1] if " " in source else source
    match = _BLOCK_HEADER.match(source.lstrip())
    if match is None:
        return None
    chomp = match.group(2)
    first = next((line for line in scalar.value.split("\n") if line.strip()), "")
    if chomp == "+" or first.startswith((" ", "\t")):
        return None
    return f"{scalar.style}{chomp}"


def _block_body(scalar: Scalar) -> list[str]:
    """The content lines of a block scalar as written, trailing blank lines left out."""
    lines = scalar.source.split("\n")[1:]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines
