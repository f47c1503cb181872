"""Event schemas as Segment and RudderStack write them: the message wrapper, the body and labels.

A rule's schema is either a whole-message schema, whose `properties` are the Segment-spec parts
`context`, `traits` and `properties`, or the body itself. Track, page and screen rules keep the
`properties` part, identify and group rules the `traits` part. Rules in the other parts (such as
`context`) cannot be written in a plan and are reported. A `required: [properties]` on the message
is dropped without a warning: a message always carries its properties object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from trackplan.interop.findings import Findings, join_path
from trackplan.interop.imported import ImportedSection, Kind
from trackplan.interop.properties import SchemaReader, Spec

PARTS = ("context", "traits", "properties")
BODY_KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "description",
        "title",
        "labels",
    }
)
MESSAGE_KEYWORDS = frozenset({"type", "properties", "required", "description", "title", "labels"})
# Labels `export segment` writes for what an event has beside its tags.
RESERVED_LABELS = ("owner", "status", "replaced_by")
_OPEN_PART_KEYWORDS = frozenset({"type", "properties", "required", "description", "id", "$id"})


@dataclass(frozen=True)
class EventBody:
    """What a rule says about one event or section."""

    properties: dict[str, Spec]
    closed: bool
    description: str = ""


def is_message_schema(schema: Mapping[str, Any]) -> bool:
    """True when the schema's properties are the message parts (context, traits, properties)."""
    props = schema.get("properties")
    return (
        isinstance(props, Mapping)
        and bool(props)
        and set(props) <= set(PARTS)
        and all(isinstance(v, Mapping) for v in props.values())
    )


def read_body(
    schema: Any,
    part: str,
    path: str,
    findings: Findings,
    event: str,
    *,
    track_openness: bool = True,
    detect_message: bool = True,
) -> EventBody:
    """The `part` ("properties" or "traits") of a rule's schema, whole-message or body alone."""
    if not isinstance(schema, Mapping):
        findings.cannot_express(
            f"the rule's schema is {_kind(schema)}, not an object schema", path=path, event=event
        )
        return EventBody({}, closed=False)
    body: Any = schema
    body_path = path
    description = _text(schema.get("description"))
    if detect_message and is_message_schema(schema):
        _check_message(schema, part, path, findings, event)
        body = schema["properties"].get(part, {})
        body_path = join_path(path, "properties", part)
        description = description or _text(body.get("description"))
    closed = body.get("additionalProperties") is False
    reader = SchemaReader(findings, event, root=schema, closed=closed if track_openness else None)
    reader.report_unknown(body, body_path, BODY_KEYWORDS if body is schema else _body_keywords())
    _check_object_type(body, body_path, findings, event)
    parsed = reader.read_object(body, body_path)
    return EventBody(parsed.properties, parsed.closed, description)


def read_section(
    kind: Kind,
    name: str,
    schema: Any,
    path: str,
    findings: Findings,
    *,
    description: str = "",
    deprecated: bool = False,
    detect_message: bool = True,
) -> ImportedSection:
    """One rule → a section: its body, labels (owner, tags, status) and description."""
    label = name or kind.value
    part = "traits" if kind in (Kind.IDENTIFY, Kind.GROUP) else "properties"
    body = read_body(schema, part, path, findings, label, detect_message=detect_message)
    raw_labels = schema.get("labels") if isinstance(schema, Mapping) else None
    labels = read_labels(raw_labels, join_path(path, "labels"), findings, label)
    deprecated = deprecated or labels.deprecated
    if kind is not Kind.TRACK and (labels != Labels() or deprecated):
        findings.cannot_express(
            f"labels and deprecation of the {kind.value} rule cannot be expressed in a plan",
            path=join_path(path, "labels"),
            event=label,
            hint="only events have an owner, tags and a status",
        )
        labels, deprecated = Labels(), False
    return ImportedSection(
        kind=kind,
        name=name,
        description=description if description.strip() else body.description,
        owner=labels.owner,
        tags=labels.tags,
        deprecated=deprecated,
        replaced_by=labels.replaced_by,
        closed=body.closed,
        properties=body.properties,
    )


@dataclass(frozen=True)
class Labels:
    """What Segment labels say about an event."""

    owner: str = ""
    tags: tuple[str, ...] = ()
    deprecated: bool = False
    replaced_by: str = ""


def read_labels(labels: Any, path: str, findings: Findings, event: str) -> Labels:
    """Segment labels → the event's owner, status and replacement (labels of those names, as
    `export segment` writes them) and tags (every other label, as `key:value`, or `key`)."""
    if labels is None or labels == {}:
        return Labels()
    if not isinstance(labels, Mapping):
        findings.cannot_express(
            "`labels` is not a mapping of label names to values", path=path, event=event
        )
        return Labels()
    found: dict[str, str] = {}
    tags: list[str] = []
    for key, value in labels.items():
        text = "" if value is None else str(value)
        if key in RESERVED_LABELS and text and (key != "status" or text == "deprecated"):
            found[key] = text
            continue
        tag = f"{key}:{text}" if text else str(key)
        if tag not in tags:
            tags.append(tag)
    return Labels(
        owner=found.get("owner", ""),
        tags=tuple(tags),
        deprecated="status" in found,
        replaced_by=found.get("replaced_by", ""),
    )


def _check_message(
    schema: Mapping[str, Any], part: str, path: str, findings: Findings, event: str
) -> None:
    reader = SchemaReader(findings, event)
    reader.report_unknown(schema, path, MESSAGE_KEYWORDS)
    for other in PARTS:
        value = schema["properties"].get(other)
        if other != part and value is not None and not _is_open_object(value):
            findings.cannot_express(
                f"rules for the message's `{other}` cannot be expressed in a plan",
                path=join_path(path, "properties", other),
                event=event,
                hint="a plan describes the properties of track, page and screen calls and the"
                " traits of identify and group calls",
            )
    required = schema.get("required", [])
    for name in required if isinstance(required, list) else ():
        if name not in ("properties", "traits"):
            findings.cannot_express(
                f"the message's required part {name!r} cannot be expressed in a plan",
                path=join_path(path, "required"),
                event=event,
            )


def _check_object_type(body: Mapping[str, Any], path: str, findings: Findings, event: str) -> None:
    kind = body.get("type")
    names = kind if isinstance(kind, list) else [kind]
    if kind is not None and "object" not in names:
        findings.cannot_express(
            f"the body's type is {kind!r}, not an object; read as an object",
            path=join_path(path, "type"),
            event=event,
        )


def _is_open_object(value: Mapping[str, Any]) -> bool:
    """An empty part (`{}` or `{type: object}`): nothing would be lost by leaving it out."""
    if not set(value) <= _OPEN_PART_KEYWORDS:
        return False
    kind = value.get("type", "object")
    return (
        kind in ("object", ["object"]) and not value.get("properties") and not value.get("required")
    )


def _body_keywords() -> frozenset[str]:
    return BODY_KEYWORDS - {"labels"}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    return "missing" if value is None else f"the value {value!r}"
