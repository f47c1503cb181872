"""The loaded plan as frozen dataclasses: Plan, Event, Property, Section, Policy and its source map."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

# A pointer into the plan as written: ("events", "Order Completed", "properties", "revenue").
Pointer = tuple[str | int, ...]

JSON_TYPES = ("string", "number", "integer", "boolean", "object", "array", "null")
FORMATS = ("date-time", "date", "email", "uri", "uuid", "ipv4", "ipv6")


def pointer_text(pointer: Pointer) -> str:
    """`events.Order Completed.properties.revenue`, `[0]` for list items."""
    out = ""
    for part in pointer:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class PolicyLevel(StrEnum):
    """What happens to something the plan does not define."""

    ERROR = "error"
    WARN = "warn"
    ALLOW = "allow"


class EventStatus(StrEnum):
    ACTIVE = "active"
    DEPRECATED = "deprecated"


class EventNaming(StrEnum):
    """`conventions.events`."""

    OBJECT_ACTION = "object-action"
    TITLE = "title"
    ANY = "any"


class PropertyNaming(StrEnum):
    """`conventions.properties`."""

    SNAKE_CASE = "snake_case"
    CAMEL_CASE = "camelCase"
    ANY = "any"


class Origin(StrEnum):
    """Where a resolved property's definition came from."""

    LOCAL = "local"  # written in full where it is used
    SHARED = "shared"  # taken from the shared library (possibly with local overrides)


@dataclass(frozen=True)
class Location:
    """A position in a plan file; line and column are 1-based."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Property:
    """A property or trait, resolved: shared definition and local overrides merged."""

    name: str
    pointer: Pointer
    types: tuple[str, ...] = ()
    required: bool = False
    description: str = ""
    enum: tuple[Any, ...] | None = None
    pattern: str | None = None
    format: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    items: Property | None = None
    min_items: int | None = None
    max_items: int | None = None
    properties: tuple[Property, ...] = ()
    pii: bool = False
    deprecated: bool = False
    examples: tuple[Any, ...] = ()
    origin: Origin = Origin.LOCAL
    bundle: str = ""  # the bundle that added it to an event, if any
    # The keys written at the place of use (empty for a bare reference).
    local_keys: frozenset[str] = frozenset()

    def child(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class Section:
    """A group of properties or traits: an event body, `identify`, `group`, `page`, a named page."""

    name: str
    pointer: Pointer
    properties: tuple[Property, ...] = ()
    description: str = ""
    unplanned_properties: PolicyLevel | None = None

    def property(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class Event:
    """A track event; `properties` already holds bundle and shared properties, not `common`."""

    name: str
    pointer: Pointer
    description: str = ""
    owner: str = ""
    tags: tuple[str, ...] = ()
    status: EventStatus = EventStatus.ACTIVE
    replaced_by: str = ""
    bundles: tuple[str, ...] = ()
    properties: tuple[Property, ...] = ()
    unplanned_properties: PolicyLevel | None = None

    @property
    def deprecated(self) -> bool:
        return self.status is EventStatus.DEPRECATED

    def property(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class Policy:
    unplanned_events: PolicyLevel = PolicyLevel.ERROR
    unplanned_properties: PolicyLevel = PolicyLevel.WARN


@dataclass(frozen=True)
class Conventions:
    events: EventNaming = EventNaming.OBJECT_ACTION
    properties: PropertyNaming = PropertyNaming.SNAKE_CASE


@dataclass(frozen=True)
class Plan:
    """A whole tracking plan, merged from one or more files, with a map back to the YAML."""

    name: str = ""
    version: str = ""
    conventions: Conventions = field(default_factory=Conventions)
    policy: Policy = field(default_factory=Policy)
    shared: tuple[Property, ...] = ()
    bundles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    common: tuple[Property, ...] = ()
    events: tuple[Event, ...] = ()
    identify: Section | None = None
    group: Section | None = None
    page: Section | None = None
    pages: tuple[Section, ...] = ()
    screen: Section | None = None
    screens: tuple[Section, ...] = ()
    files: tuple[str, ...] = ()
    locations: Mapping[Pointer, Location] = field(default_factory=dict)

    @cached_property
    def events_by_name(self) -> Mapping[str, Event]:
        return {e.name: e for e in self.events}

    def event(self, name: str) -> Event | None:
        return self.events_by_name.get(name)

    def shared_property(self, name: str) -> Property | None:
        return next((p for p in self.shared if p.name == name), None)

    def event_properties(self, event: Event) -> tuple[Property, ...]:
        """Everything a message of `event` may carry: `common` first, the event's own win."""
        own = {p.name for p in event.properties}
        return tuple(p for p in self.common if p.name not in own) + event.properties

    def unplanned_properties_level(self, section: Event | Section | None) -> PolicyLevel:
        if section is not None and section.unplanned_properties is not None:
            return section.unplanned_properties
        return self.policy.unplanned_properties

    def locate(self, pointer: Pointer) -> Location | None:
        """The position of `pointer`, or of its nearest ancestor the source map knows."""
        probe = tuple(pointer)
        while probe:
            found = self.locations.get(probe)
            if found is not None:
                return found
            probe = probe[:-1]
        return self.locations.get(())
