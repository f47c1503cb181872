"""The catalog's content, built once from a plan and rendered as Markdown and HTML alike.

Events are sorted by name (case-insensitively) so people find them; properties keep the
plan's order, nested ones flattened under their parent (`company.id`, `products[].price`).
Every event, section and shared property gets a stable anchor, unique even when two names
slug alike ("Event Collided" / "event_collided").
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from trackplan.model import Origin, Plan, Property, Section


@dataclass(frozen=True)
class Row:
    """One property, trait or nested key as a table row."""

    path: str  # "email", "company.id", "products[].price"
    depth: int
    types: str  # "string", "string | null", "array of object"
    required: bool
    enum: tuple[str, ...]  # allowed values as JSON text ("free", null)
    description: str
    pii: bool
    deprecated: bool
    constraints: tuple[str, ...]  # "format email", "max length 40", "examples: a, b"
    shared: str  # the shared property's anchor, when the definition comes from the library
    bundle: str


@dataclass(frozen=True)
class EventEntry:
    name: str
    anchor: str
    description: str
    owner: str
    tags: tuple[str, ...]
    deprecated: bool
    replaced_by: str
    replaced_by_anchor: str  # "" when the replacement is not an event of the plan
    bundles: tuple[str, ...]
    rows: tuple[Row, ...]
    search: str  # lower-case text the search box matches: name, properties, tags, owner


@dataclass(frozen=True)
class SectionEntry:
    """`common`, identify/group traits, the generic page or screen, or a named one."""

    title: str
    anchor: str
    description: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Use:
    """A place that uses a shared property."""

    label: str
    anchor: str


@dataclass(frozen=True)
class SharedEntry:
    name: str
    anchor: str
    rows: tuple[Row, ...]
    used_in: tuple[Use, ...]


@dataclass(frozen=True)
class Catalog:
    name: str
    version: str
    events_convention: str
    properties_convention: str
    events: tuple[EventEntry, ...]
    common: SectionEntry | None
    identify: SectionEntry | None
    group: SectionEntry | None
    pages: tuple[SectionEntry, ...]  # the generic page first, then named pages
    screens: tuple[SectionEntry, ...]
    shared: tuple[SharedEntry, ...]
    owners: tuple[tuple[str, int], ...]
    tags: tuple[tuple[str, int], ...]

    @property
    def title(self) -> str:
        return self.name or "Tracking plan"


def build_catalog(plan: Plan) -> Catalog:
    """Everything the catalog shows, from a loaded plan."""
    events = sorted(plan.events, key=lambda e: (e.name.casefold(), e.name))
    event_anchors = unique_anchors("event", [e.name for e in events])
    shared_anchors = unique_anchors("property", [p.name for p in plan.shared])
    page_anchors = unique_anchors("page", [s.name for s in plan.pages])
    screen_anchors = unique_anchors("screen", [s.name for s in plan.screens])
    entries = tuple(
        EventEntry(
            name=event.name,
            anchor=event_anchors[event.name],
            description=event.description,
            owner=event.owner,
            tags=event.tags,
            deprecated=event.deprecated,
            replaced_by=event.replaced_by,
            replaced_by_anchor=event_anchors.get(event.replaced_by, ""),
            bundles=event.bundles,
            rows=property_rows(event.properties, shared_anchors),
            search=_search_text(event.name, event.properties, event.tags, event.owner),
        )
        for event in events
    )
    return Catalog(
        name=plan.name,
        version=plan.version,
        events_convention=plan.conventions.events.value,
        properties_convention=plan.conventions.properties.value,
        events=entries,
        common=(
            SectionEntry(
                "Common properties", "common", "", property_rows(plan.common, shared_anchors)
            )
            if plan.common
            else None
        ),
        identify=_section("Identify traits", "identify", plan.identify, shared_anchors),
        group=_section("Group traits", "group", plan.group, shared_anchors),
        pages=_views("Page", "page", plan.page, plan.pages, page_anchors, shared_anchors),
        screens=_views(
            "Screen", "screen", plan.screen, plan.screens, screen_anchors, shared_anchors
        ),
        shared=_shared(plan, entries, shared_anchors),
        owners=_tally(e.owner for e in plan.events if e.owner),
        tags=_tally(tag for e in plan.events for tag in e.tags),
    )


def property_rows(props: Sequence[Property], shared: dict[str, str]) -> tuple[Row, ...]:
    """Table rows for `props`, nested keys and array items flattened below their parent."""
    return tuple(_rows(props, "", 0, shared))


def _rows(
    props: Sequence[Property], prefix: str, depth: int, shared: dict[str, str]
) -> Iterator[Row]:
    for prop in props:
        path = prefix + prop.name
        yield Row(
            path=path,
            depth=depth,
            types=type_text(prop),
            required=prop.required,
            enum=tuple(
                json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
                for v in prop.enum or ()
            ),
            description=prop.description,
            pii=prop.pii,
            deprecated=prop.deprecated,
            constraints=constraints(prop),
            shared=shared.get(prop.name, "") if prop.origin is Origin.SHARED else "",
            bundle=prop.bundle,
        )
        yield from _rows(prop.properties, f"{path}.", depth + 1, shared)
        items = prop.items
        item_path = f"{path}[]"
        while items is not None:
            if items.properties:
                yield from _rows(items.properties, f"{item_path}.", depth + 1, shared)
            items, item_path = items.items, f"{item_path}[]"


def type_text(prop: Property) -> str:
    """ "string", "string | null", "array of object", "array of array of integer"."""
    names = []
    for name in prop.types or ("any",):
        if name == "array" and prop.items is not None:
            names.append(f"array of {type_text(prop.items)}")
        else:
            names.append(name)
    return " | ".join(names)


def constraints(prop: Property) -> tuple[str, ...]:
    """Every rule on the values besides type and enum, in words."""
    out = []
    if prop.format:
        out.append(f"format {prop.format}")
    if prop.pattern is not None:
        out.append(f"pattern {prop.pattern}")
    for label, value in (
        ("min length", prop.min_length),
        ("max length", prop.max_length),
        ("min", prop.minimum),
        ("max", prop.maximum),
        ("min items", prop.min_items),
        ("max items", prop.max_items),
    ):
        if value is not None:
            out.append(f"{label} {_number(value)}")
    item = prop.items
    if item is not None and (item.enum or constraints(item)):
        rules = [*constraints(item)]
        if item.enum:
            rules.append("one of " + ", ".join(_value(v) for v in item.enum))
        out.append("each item: " + "; ".join(rules))
    if prop.examples:
        out.append("examples: " + ", ".join(_value(v) for v in prop.examples))
    return tuple(out)


def unique_anchors(prefix: str, names: Iterable[str]) -> dict[str, str]:
    """`prefix-slug` per name; names whose slugs collide get a short hash of the name."""
    slugs = {name: _slug(name) for name in names}
    counts = Counter(slugs.values())
    out = {}
    for name, slug in slugs.items():
        if counts[slug] > 1 or not slug:
            slug = f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}".lstrip("-")
        out[name] = f"{prefix}-{slug}"
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _section(
    title: str, anchor: str, section: Section | None, shared: dict[str, str]
) -> SectionEntry | None:
    if section is None:
        return None
    return SectionEntry(
        title, anchor, section.description, property_rows(section.properties, shared)
    )


def _views(
    kind: str,
    anchor: str,
    generic: Section | None,
    named: Sequence[Section],
    anchors: dict[str, str],
    shared: dict[str, str],
) -> tuple[SectionEntry, ...]:
    out = []
    if generic is not None:
        out.append(
            SectionEntry(
                f"Every {kind.lower()}",
                anchor,
                generic.description,
                property_rows(generic.properties, shared),
            )
        )
    for section in sorted(named, key=lambda s: (s.name.casefold(), s.name)):
        out.append(
            SectionEntry(
                section.name,
                anchors[section.name],
                section.description,
                property_rows(section.properties, shared),
            )
        )
    return tuple(out)


def _shared(
    plan: Plan, events: Sequence[EventEntry], anchors: dict[str, str]
) -> tuple[SharedEntry, ...]:
    uses: dict[str, list[Use]] = {p.name: [] for p in plan.shared}
    places: list[tuple[Use, Sequence[Property]]] = [
        (Use("Common properties", "common"), plan.common),
    ]
    by_name = {e.name: e for e in plan.events}
    places += [(Use(e.name, e.anchor), by_name[e.name].properties) for e in events]
    for label, anchor, section in (
        ("Identify traits", "identify", plan.identify),
        ("Group traits", "group", plan.group),
    ):
        if section is not None:
            places.append((Use(label, anchor), section.properties))
    for use, props in places:
        for name in sorted({p.name for p in _walk(props) if p.origin is Origin.SHARED}):
            if name in uses:
                uses[name].append(use)
    return tuple(
        SharedEntry(
            prop.name, anchors[prop.name], property_rows([prop], {}), tuple(uses[prop.name])
        )
        for prop in sorted(plan.shared, key=lambda p: (p.name.casefold(), p.name))
    )


def _walk(props: Iterable[Property]) -> Iterator[Property]:
    """Properties and their nested keys, at any depth (array items are not names)."""
    for prop in props:
        yield prop
        yield from _walk(prop.properties)
        items = prop.items
        while items is not None:
            yield from _walk(items.properties)
            items = items.items


def _search_text(name: str, props: Sequence[Property], tags: Sequence[str], owner: str) -> str:
    words = [name, owner, *tags, *(p.name for p in _walk(props))]
    return "\n".join(w.lower() for w in words if w)


def _tally(values: Iterable[str]) -> tuple[tuple[str, int], ...]:
    counts = Counter(values)
    return tuple(sorted(counts.items(), key=lambda kv: (kv[0].casefold(), kv[0])))


def _number(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
