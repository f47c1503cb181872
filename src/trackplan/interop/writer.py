"""An imported plan → YAML plan text that people can read and `trackplan` loads without a TP1xx.

Readable first: a property that is only a type is the bare type name (`action: string`), a small
property without nested parts is one flow line (`order_id: {type: string, required: true}`),
anything larger is a block. The keys are the exact names of the input. The text is written by
the one plan writer (`formatting.writing`), so it is already in `trackplan fmt`'s form. A header
comment says where the plan was imported from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from trackplan.formatting.writing import Flow, write_plan
from trackplan.interop.imported import ImportedPlan, ImportedSection, Kind
from trackplan.interop.properties import Spec

# A flow mapping longer than this (with its indentation and key) is written as a block.
FLOW_WIDTH = 100


def render_plan(plan: ImportedPlan, command: str) -> str:
    """The YAML text of `plan`, with a header naming the source and `command`."""
    root: dict[str, Any] = {}
    if plan.name:
        root["plan"] = plan.name
    if plan.closed:
        root["policy"] = {"unplanned_properties": "error"}
    if plan.shared:
        root["properties"] = _properties(plan.shared, depth=1)
    if plan.common:
        root["common"] = {"properties": _properties(plan.common, depth=2)}
    if plan.events:
        root["events"] = {
            event.name: _section(event, "properties", depth=2) for event in plan.events
        }
    for kind in (Kind.IDENTIFY, Kind.GROUP):
        for section in plan.of_kind(kind, named=False):
            root[kind.value] = _section(section, "traits", depth=1)
    for kind, plural in ((Kind.PAGE, "pages"), (Kind.SCREEN, "screens")):
        for section in plan.of_kind(kind, named=False):
            root[kind.value] = _section(section, "properties", depth=1)
        named = plan.of_kind(kind, named=True)
        if named:
            root[plural] = {s.name: _section(s, "properties", depth=2) for s in named}
    return write_plan(root, _header(plan, command), shown=plan.source)


def _header(plan: ImportedPlan, command: str) -> list[str]:
    lines = [
        f"Imported by `{command}` from {plan.shape}:",
        f"  {plan.source}",
        "Review it, then run `trackplan lint`.",
    ]
    if plan.description.strip():
        lines += ["", *plan.description.strip().splitlines()]
    return lines


def _section(section: ImportedSection, list_key: str, depth: int) -> Any:
    body: dict[str, Any] = {}
    if section.description:
        body["description"] = section.description
    if section.owner:
        body["owner"] = section.owner
    if section.tags:
        body["tags"] = Flow(list(section.tags))
    if section.deprecated:
        body["status"] = "deprecated"
    if section.replaced_by:
        body["replaced_by"] = section.replaced_by
    if section.closed:
        body["unplanned_properties"] = "error"
    if section.properties:
        body[list_key] = _properties(section.properties, depth + 2)
    return body if body else Flow({})


def _properties(props: Mapping[str, Spec], depth: int) -> dict[str, Any]:
    return {name: _spec(name, spec, depth) for name, spec in props.items()}


def _spec(name: str, spec: Spec, depth: int) -> Any:
    """A property spec: the bare type name, a flow mapping, or a block."""
    if set(spec) == {"type"} and isinstance(spec["type"], str):
        return spec["type"]
    node: dict[str, Any] = {}
    for key, value in spec.items():
        if key == "properties":
            node[key] = _properties(value, depth + 2)
        elif key == "items":
            node[key] = _spec("items", value, depth + 2)
        elif key in ("type", "enum", "examples") and isinstance(value, list):
            node[key] = Flow([_value(v) for v in value])
        else:
            node[key] = _value(value)
    return Flow(node) if _fits_one_line(name, spec, depth) else node


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


def _value(value: Any) -> Any:
    """Enum and example values; nested lists and mappings stay in flow style."""
    if isinstance(value, list):
        return Flow([_value(v) for v in value])
    if isinstance(value, dict):
        return Flow({k: _value(v) for k, v in value.items()})
    return value
