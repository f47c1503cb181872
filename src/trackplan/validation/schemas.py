"""The schema each message is checked against: the plan's compiled schemas, strict at every depth.

The plan compiles with `unplanned=ERROR`, so every object in a property or trait body refuses
keys the plan does not define; each schema remembers the real policy (`error`/`warn`/`allow`)
that decides the severity of those findings. Messages the plan has no schema for (an unplanned
event, a page call without a `page:` section, alias) get the Segment envelope alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from trackplan.compiling.schemas import MessageKind, compile_plan, compile_traits, compile_view
from trackplan.model import Event, Plan, PolicyLevel, Section

KINDS = ("track", "identify", "page", "screen", "group", "alias")
BODY_KEYS: Mapping[str, str] = {
    "track": "properties",
    "page": "properties",
    "screen": "properties",
    "identify": "traits",
    "group": "traits",
    "alias": "",
}


@dataclass(frozen=True)
class MessageSchema:
    """One schema and what the checker needs to know about it."""

    kind: str
    name: str  # the event or page/screen name; "" for generic schemas
    schema: dict[str, Any]  # plain JSON values (no YAML scalar types)
    unplanned: PolicyLevel  # the policy for unplanned properties: the severity of TP306
    planned: bool = True  # False for the envelope-only schemas
    event: Event | None = None  # the plan's event, for track schemas

    @property
    def body_key(self) -> str:
        return BODY_KEYS[self.kind]

    @property
    def label(self) -> str:
        """What the report calls messages of this schema: the event name, `page: Pricing`."""
        if self.kind == "track":
            return self.name or "track"
        return f"{self.kind}: {self.name}" if self.name else self.kind


@dataclass(frozen=True)
class PlanSchemas:
    """Every schema of a plan, found by message kind and event or page name."""

    track: Mapping[str, MessageSchema]
    named: Mapping[tuple[str, str], MessageSchema]  # ("page", "Pricing")
    generic: Mapping[
        str, MessageSchema
    ]  # one per kind: identify, group, page, screen, alias, track

    def select(self, kind: str, name: Any) -> MessageSchema:
        """The schema for a message of `kind` whose event (track) or name (page/screen) is `name`."""
        if kind == "track":
            found = self.track.get(name) if isinstance(name, str) else None
            return found or self.generic["track"]
        if kind in ("page", "screen") and isinstance(name, str):
            return self.named.get((kind, name)) or self.generic[kind]
        return self.generic[kind]


def build_schemas(plan: Plan) -> PlanSchemas:
    """Compile the plan once, strictly, and index its schemas."""
    track: dict[str, MessageSchema] = {}
    named: dict[tuple[str, str], MessageSchema] = {}
    generic: dict[str, MessageSchema] = {}
    for compiled in compile_plan(plan, unplanned=PolicyLevel.ERROR):
        kind = compiled.kind.value
        schema = plain(compiled.schema)
        level = unplanned_level(plan, kind, compiled.name)
        if kind == "track":
            event = plan.event(compiled.name)
            track[compiled.name] = MessageSchema(kind, compiled.name, schema, level, event=event)
        elif compiled.name:
            named[(kind, compiled.name)] = MessageSchema(kind, compiled.name, schema, level)
        else:
            generic[kind] = MessageSchema(kind, "", schema, level)
    for kind in ("identify", "group"):
        if kind not in generic:
            schema = plain(compile_traits(MessageKind(kind), Section("", ()), PolicyLevel.ALLOW))
            generic[kind] = MessageSchema(kind, "", schema, PolicyLevel.ALLOW, planned=False)
    for kind in ("page", "screen"):
        if kind not in generic:
            schema = plain(compile_view(MessageKind(kind), None, None, PolicyLevel.ALLOW))
            generic[kind] = MessageSchema(kind, "", schema, PolicyLevel.ALLOW, planned=False)
    generic["track"] = MessageSchema("track", "", _track_envelope(), PolicyLevel.ALLOW, False)
    generic["alias"] = MessageSchema("alias", "", _alias_envelope(), PolicyLevel.ALLOW, False)
    return PlanSchemas(track, named, generic)


def unplanned_level(plan: Plan, kind: str, name: str) -> PolicyLevel:
    """The unplanned-properties policy of a schema, decided as the compiler decides it."""
    section: Event | Section | None
    if kind == "track":
        section = plan.event(name)
    elif kind in ("identify", "group"):
        section = plan.identify if kind == "identify" else plan.group
    else:
        generic = plan.page if kind == "page" else plan.screen
        views = plan.pages if kind == "page" else plan.screens
        own = next((s for s in views if s.name == name), None) if name else None
        section = own if own is not None and own.unplanned_properties else generic
    return plan.unplanned_properties_level(section)


def plain(value: Any) -> Any:
    """JSON values only: the compiler's output keeps YAML scalar subclasses (str, int, float)."""
    loaded: Any = json.loads(json.dumps(value))
    return loaded


def _envelope_base() -> dict[str, Any]:
    """The Segment envelope every compiled schema shares (taken from a bare identify schema)."""
    schema = plain(compile_traits(MessageKind.IDENTIFY, Section("", ()), PolicyLevel.ALLOW))
    del schema["properties"]["traits"]
    return schema  # type: ignore[no-any-return]


def _track_envelope() -> dict[str, Any]:
    """A track message of an event the plan does not define: the envelope and an event name."""
    schema = _envelope_base()
    schema["title"] = "track"
    schema["properties"]["type"] = {"const": "track"}
    schema["properties"]["event"] = {"type": "string", "minLength": 1}
    schema["properties"]["properties"] = {"type": "object"}
    schema["required"] = ["type", "event"]
    return schema


def _alias_envelope() -> dict[str, Any]:
    """alias(): previousId and userId, both required (the Segment spec)."""
    schema = _envelope_base()
    schema["title"] = "alias"
    identity = {"type": "string", "minLength": 1}
    schema["properties"]["type"] = {"const": "alias"}
    schema["properties"]["previousId"] = identity
    schema["properties"]["userId"] = identity
    schema["required"] = ["type", "previousId", "userId"]
    del schema["anyOf"]
    return schema
