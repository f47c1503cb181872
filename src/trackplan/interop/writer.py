"""An imported plan → YAML plan text that people can read and `trackplan` loads without a TP1xx.

Readable first: a property that is only a type is the bare type name (`action: string`), a small
property without nested parts is one flow line (`order_id: {type: string, required: true}`),
anything larger is a block. The keys are the exact names of the input, quoted by the YAML
emitter where YAML needs it. A header comment says where the plan was imported from.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from trackplan.interop.imported import ImportedPlan, ImportedSection, Kind
from trackplan.interop.properties import Spec

# A flow mapping longer than this (with its indentation and key) is written as a block.
FLOW_WIDTH = 100


def render_plan(plan: ImportedPlan, command: str) -> str:
    """The YAML text of `plan`, with a header naming the source and `command`."""
    root = CommentedMap()
    if plan.name:
        root["plan"] = _scalar(plan.name)
    if plan.closed:
        root["policy"] = CommentedMap(unplanned_properties="error")
    if plan.shared:
        root["properties"] = _properties(plan.shared, depth=1)
    if plan.common:
        root["common"] = CommentedMap(properties=_properties(plan.common, depth=2))
    events = plan.events
    if events:
        root["events"] = CommentedMap(
            (_scalar(event.name), _section(event, "properties", depth=2)) for event in events
        )
    for kind, list_key in ((Kind.IDENTIFY, "traits"), (Kind.GROUP, "traits")):
        for section in plan.of_kind(kind, named=False):
            root[kind.value] = _section(section, list_key, depth=1)
    for kind, plural in ((Kind.PAGE, "pages"), (Kind.SCREEN, "screens")):
        for section in plan.of_kind(kind, named=False):
            root[kind.value] = _section(section, "properties", depth=1)
        named = plan.of_kind(kind, named=True)
        if named:
            root[plural] = CommentedMap(
                (_scalar(s.name), _section(s, "properties", depth=2)) for s in named
            )
    root.yaml_set_start_comment(_header(plan, command))
    return _dump(root)


def _header(plan: ImportedPlan, command: str) -> str:
    lines = [
        f"Imported by `{command}` from {plan.shape}:",
        f"  {_printable(plan.source)}",
        "Review it, then run `trackplan lint`.",
    ]
    if plan.description.strip():
        lines += ["", *(_printable(line) for line in plan.description.strip().splitlines())]
    return "\n".join(lines)


def _printable(line: str) -> str:
    """One comment line: spaces collapsed, anything unprintable written as an escape."""
    text = " ".join(line.split())
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def _section(section: ImportedSection, list_key: str, depth: int) -> CommentedMap:
    body = CommentedMap()
    if section.description:
        body["description"] = _text(section.description)
    if section.owner:
        body["owner"] = _scalar(section.owner)
    if section.tags:
        body["tags"] = _flow_list([_scalar(t) for t in section.tags])
    if section.deprecated:
        body["status"] = "deprecated"
    if section.replaced_by:
        body["replaced_by"] = _scalar(section.replaced_by)
    if section.closed:
        body["unplanned_properties"] = "error"
    if section.properties:
        body[list_key] = _properties(section.properties, depth + 2)
    if not body:
        body.fa.set_flow_style()
    return body


def _properties(props: Mapping[str, Spec], depth: int) -> CommentedMap:
    return CommentedMap((_scalar(name), _spec(name, spec, depth)) for name, spec in props.items())


def _spec(name: str, spec: Spec, depth: int) -> Any:
    """A property spec: the bare type name, a flow mapping, or a block."""
    if set(spec) == {"type"} and isinstance(spec["type"], str):
        return spec["type"]
    node = CommentedMap()
    for key, value in spec.items():
        if key == "properties":
            node[key] = _properties(value, depth + 2)
        elif key == "items":
            node[key] = _spec("items", value, depth + 2)
        elif key == "type" and isinstance(value, list):
            node[key] = _flow_list(value)
        elif key in ("enum", "examples"):
            node[key] = _flow_list([_value(v) for v in value])
        elif key == "description":
            node[key] = _text(value)
        else:
            node[key] = _value(value)
    if _fits_one_line(name, spec, depth):
        node.fa.set_flow_style()
    return node


def _fits_one_line(name: str, spec: Spec, depth: int) -> bool:
    if "properties" in spec or isinstance(spec.get("items"), Mapping):
        return False
    if any(isinstance(v, str) and "\n" in v for v in spec.values()):
        return False
    if any(
        isinstance(v, list) and any(isinstance(x, dict | list) for x in v) for v in spec.values()
    ):
        return False
    width = depth * 2 + len(name) + 4
    width += sum(len(k) + 2 + len(json.dumps(v, ensure_ascii=False)) + 2 for k, v in spec.items())
    return width <= FLOW_WIDTH


def _flow_list(values: Sequence[Any]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _value(value: Any) -> Any:
    """Enum and example values; nested lists and mappings stay in flow style."""
    if isinstance(value, list):
        return _flow_list([_value(v) for v in value])
    if isinstance(value, dict):
        node = CommentedMap((_scalar(k), _value(v)) for k, v in value.items())
        node.fa.set_flow_style()
        return node
    return _scalar(value) if isinstance(value, str) else value


def _text(value: str) -> Any:
    """Multi-line text as a `|` block when that keeps it exact; else the emitter's quoting."""
    lines = value.split("\n")
    literal_safe = (
        len(lines) > 1
        and all(line == line.rstrip() for line in lines)
        and not value.startswith((" ", "\t"))
        and all(ch == "\n" or ch.isprintable() for ch in value)
        and not value.endswith("\n")
    )
    return LiteralScalarString(value) if literal_safe else _scalar(value)


def _scalar(value: str) -> str:
    """Text that plain or single-quoted YAML could mangle is double-quoted, with escapes.

    That covers characters YAML reads as line breaks or refuses raw (NEL, LS, PS, controls),
    and a leading `?`, which a flow mapping would read as a complex key.
    """
    if not value.isprintable() or value.startswith("?"):
        quoted: str = DoubleQuotedScalarString(value)
        return quoted
    return value


def _dump(root: CommentedMap) -> str:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    return buffer.getvalue()
