"""Plan model → draft-07 JSON Schemas of whole Segment-spec messages, deterministic to the byte."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from trackplan.diagnostics import TrackplanError
from trackplan.model import Event, Plan, PolicyLevel, Property, Section

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
INDEX_FILE = "index.json"
TIMESTAMP_FIELDS = ("timestamp", "sentAt", "receivedAt", "originalTimestamp")


class MessageKind(StrEnum):
    """The Segment-spec message types a plan describes."""

    TRACK = "track"
    IDENTIFY = "identify"
    GROUP = "group"
    PAGE = "page"
    SCREEN = "screen"


@dataclass(frozen=True)
class CompiledSchema:
    """One schema and the file it is written to, relative to the output folder."""

    kind: MessageKind
    name: str  # the event or page/screen name; "" for identify, group and the generic page/screen
    file: str
    schema: dict[str, Any]


def compile_plan(plan: Plan, unplanned: PolicyLevel | None = None) -> list[CompiledSchema]:
    """Every schema of the plan, in file order.

    `unplanned` forces the unplanned-properties policy (the validator compiles a strict copy
    with ERROR to locate unplanned keys); by default each event's own policy applies.
    """
    out: list[CompiledSchema] = []
    track_files = _unique_files("track", [e.name for e in plan.events])
    for event in plan.events:
        level = unplanned or plan.unplanned_properties_level(event)
        schema = compile_event(plan, event, level)
        out.append(CompiledSchema(MessageKind.TRACK, event.name, track_files[event.name], schema))
    for kind, section in ((MessageKind.IDENTIFY, plan.identify), (MessageKind.GROUP, plan.group)):
        if section is not None:
            level = unplanned or plan.unplanned_properties_level(section)
            out.append(
                CompiledSchema(kind, "", f"{kind.value}.json", compile_traits(kind, section, level))
            )
    for kind, generic, named in (
        (MessageKind.PAGE, plan.page, plan.pages),
        (MessageKind.SCREEN, plan.screen, plan.screens),
    ):
        out.extend(_compile_views(plan, kind, generic, named, unplanned))
    return sorted(out, key=lambda c: c.file)


def compile_event(plan: Plan, event: Event, level: PolicyLevel) -> dict[str, Any]:
    """The schema of a whole track message for `event` (common properties included)."""
    body = object_schema(plan.event_properties(event), level)
    schema = _envelope(MessageKind.TRACK, event.name, event.description)
    schema["properties"]["event"] = {"const": event.name}
    schema["properties"]["properties"] = body
    schema["required"].append("event")
    if body.get("required"):
        schema["required"].append("properties")
    return schema


def compile_traits(kind: MessageKind, section: Section, level: PolicyLevel) -> dict[str, Any]:
    """The schema of an identify or group message."""
    body = object_schema(section.properties, level)
    schema = _envelope(kind, "", section.description)
    schema["properties"]["traits"] = body
    if kind is MessageKind.GROUP:
        schema["properties"]["groupId"] = {"type": ["string", "number"]}
        schema["required"].append("groupId")
    if body.get("required"):
        schema["required"].append("traits")
    return schema


def compile_view(
    kind: MessageKind, generic: Section | None, named: Section | None, level: PolicyLevel
) -> dict[str, Any]:
    """The schema of a page or screen message: the generic section plus the named one, if any."""
    props: dict[str, Property] = {}
    for section in (generic, named):
        for prop in section.properties if section else ():
            props[prop.name] = prop
    description = (named.description if named else "") or (generic.description if generic else "")
    schema = _envelope(kind, named.name if named else "", description)
    body = object_schema(tuple(props.values()), level)
    schema["properties"]["name"] = {"const": named.name} if named else {"type": "string"}
    schema["properties"]["properties"] = body
    if named:
        schema["required"].append("name")
    if body.get("required"):
        schema["required"].append("properties")
    return schema


def object_schema(props: Sequence[Property], level: PolicyLevel) -> dict[str, Any]:
    """An object with planned keys; unplanned keys are refused when the policy is `error`."""
    schema: dict[str, Any] = {"type": "object", "properties": {}}
    for prop in props:
        schema["properties"][prop.name] = property_schema(prop, level)
    required = [p.name for p in props if p.required]
    if required:
        schema["required"] = required
    if level is PolicyLevel.ERROR:
        schema["additionalProperties"] = False
    return schema


def property_schema(prop: Property, level: PolicyLevel) -> dict[str, Any]:
    """One property → JSON Schema keywords (plan keys in snake_case become draft-07's camelCase)."""
    schema: dict[str, Any] = {}
    if prop.description:
        schema["description"] = prop.description
    if prop.types:
        schema["type"] = prop.types[0] if len(prop.types) == 1 else list(prop.types)
    if prop.enum is not None:
        values = list(prop.enum)
        # `type: [string, "null"]` with an enum means "one of these, or null".
        if "null" in prop.types and None not in values:
            values.append(None)
        schema["enum"] = values
    for key, keyword in (
        ("pattern", "pattern"),
        ("format", "format"),
        ("min_length", "minLength"),
        ("max_length", "maxLength"),
        ("minimum", "minimum"),
        ("maximum", "maximum"),
        ("min_items", "minItems"),
        ("max_items", "maxItems"),
    ):
        value = getattr(prop, key)
        if value is not None:
            schema[keyword] = value
    if prop.items is not None:
        schema["items"] = property_schema(prop.items, level)
    if prop.properties:
        nested = object_schema(prop.properties, level)
        schema["properties"] = nested["properties"]
        for key in ("required", "additionalProperties"):
            if key in nested:
                schema[key] = nested[key]
    if prop.examples:
        schema["examples"] = list(prop.examples)
    return schema


def render_schema(schema: dict[str, Any]) -> str:
    """The bytes written to disk: sorted keys, two-space indent, a final newline.

    NaN and infinity (`minimum: .inf`, `enum: [.nan]`) have no JSON form: rather than write
    invalid JSON, the run stops and points at lint, which names the place (TP211, TP212).
    """
    try:
        return (
            json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"
        )
    except ValueError as exc:
        title = schema.get("title", "the plan")
        raise TrackplanError(
            f"the schema of {title!r} would hold NaN or infinity, which JSON cannot represent;"
            " run `trackplan lint` to find where"
        ) from exc


def render_index(plan: Plan, compiled: Iterable[CompiledSchema]) -> str:
    entries = [{"file": c.file, "kind": c.kind.value, "name": c.name} for c in compiled]
    index = {"plan": plan.name, "version": plan.version, "schemas": entries}
    return render_schema(index)


def compiled_files(plan: Plan) -> dict[str, str]:
    """Relative file path → text, for every file `compile` writes (index included)."""
    compiled = compile_plan(plan)
    files = {c.file: render_schema(c.schema) for c in compiled}
    files[INDEX_FILE] = render_index(plan, compiled)
    return files


def slugify(name: str) -> str:
    """A file-name-safe, lower-case slug: "Order Completed" → "order-completed"."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "event"


def _unique_files(folder: str, names: Sequence[str]) -> dict[str, str]:
    """One file per name; names whose slugs collide ("Event Collided"/"event_collided") get a hash."""
    slugs = {name: slugify(name) for name in names}
    counts = Counter(slugs.values())
    files = {}
    for name, slug in slugs.items():
        if counts[slug] > 1:
            slug = f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
        files[name] = f"{folder}/{slug}.json"
    return files


def _compile_views(
    plan: Plan,
    kind: MessageKind,
    generic: Section | None,
    named: Sequence[Section],
    unplanned: PolicyLevel | None,
) -> list[CompiledSchema]:
    out = []
    if generic is not None or named:
        level = unplanned or plan.unplanned_properties_level(generic)
        schema = compile_view(kind, generic, None, level)
        out.append(CompiledSchema(kind, "", f"{kind.value}.json", schema))
    files = _unique_files(kind.value, [s.name for s in named])
    for section in named:
        level = unplanned or plan.unplanned_properties_level(
            section if section.unplanned_properties else generic
        )
        schema = compile_view(kind, generic, section, level)
        out.append(CompiledSchema(kind, section.name, files[section.name], schema))
    return out


def _envelope(kind: MessageKind, name: str, description: str) -> dict[str, Any]:
    """The Segment-spec message around the properties or traits."""
    identity = {"type": "string", "minLength": 1}
    props: dict[str, Any] = {
        "type": {"const": kind.value},
        "userId": {"type": ["string", "null"]},
        "anonymousId": {"type": ["string", "null"]},
        "messageId": {"type": "string"},
        "context": {"type": "object"},
        "integrations": {"type": "object"},
    }
    for field in TIMESTAMP_FIELDS:
        props[field] = {"type": "string", "format": "date-time"}
    title = name or kind.value
    schema: dict[str, Any] = {
        "$schema": DRAFT_07,
        "title": title,
        "type": "object",
        "properties": props,
        "required": ["type"],
        # A message needs a non-empty userId or anonymousId (the Segment spec).
        "anyOf": [
            {"required": ["userId"], "properties": {"userId": identity}},
            {"required": ["anonymousId"], "properties": {"anonymousId": identity}},
        ],
    }
    if description:
        schema["description"] = description
    return schema
