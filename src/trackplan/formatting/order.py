"""The canonical key order of each mapping in a plan, found from where the mapping sits.

The orders are those of the plan format (PLAN_FORMAT.md): the root keys, an event's keys, a
property's keys; sections (`identify`, `page`, a named page) put `description` first like events.
Keys a role does not know keep their relative order after the known ones. With `--sort`, the
named collections (shared properties, bundles, events, pages, screens) are sorted by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum, auto

from trackplan.loading.loader import (
    CONVENTION_KEYS,
    EVENT_KEYS,
    POLICY_KEYS,
    PROPERTY_KEYS,
    ROOT_KEYS,
)


class Role(Enum):
    """What a mapping is in the plan."""

    ROOT = auto()
    CONVENTIONS = auto()
    POLICY = auto()
    LIBRARY = auto()  # `properties:` at the root: name → property
    BUNDLES = auto()
    COMMON = auto()
    EVENTS = auto()
    EVENT = auto()
    PROPERTIES = auto()  # name → property, anywhere
    PROPERTY = auto()
    TRAITS_SECTION = auto()  # identify, group
    VIEW_SECTION = auto()  # page, screen, a named page or screen
    VIEWS = auto()  # pages, screens
    OTHER = auto()


_ORDERS: dict[Role, tuple[str, ...]] = {
    Role.ROOT: ROOT_KEYS,
    Role.CONVENTIONS: CONVENTION_KEYS,
    Role.POLICY: POLICY_KEYS,
    Role.COMMON: ("properties",),
    Role.EVENT: EVENT_KEYS,
    Role.PROPERTY: PROPERTY_KEYS,
    Role.TRAITS_SECTION: ("description", "traits", "unplanned_properties"),
    Role.VIEW_SECTION: ("description", "properties", "unplanned_properties"),
}
SORTABLE = frozenset({Role.LIBRARY, Role.BUNDLES, Role.EVENTS, Role.VIEWS})

_ROOT_CHILDREN = {
    "conventions": Role.CONVENTIONS,
    "policy": Role.POLICY,
    "properties": Role.LIBRARY,
    "bundles": Role.BUNDLES,
    "common": Role.COMMON,
    "events": Role.EVENTS,
    "identify": Role.TRAITS_SECTION,
    "group": Role.TRAITS_SECTION,
    "page": Role.VIEW_SECTION,
    "screen": Role.VIEW_SECTION,
    "pages": Role.VIEWS,
    "screens": Role.VIEWS,
}


def child_role(role: Role, key: str | None) -> Role:
    """The role of the value under `key` in a mapping of `role` (None for sequence items)."""
    if key is None:
        return Role.OTHER
    match role:
        case Role.ROOT:
            return _ROOT_CHILDREN.get(key, Role.OTHER)
        case Role.LIBRARY | Role.PROPERTIES:
            return Role.PROPERTY
        case Role.EVENTS:
            return Role.EVENT
        case Role.VIEWS:
            return Role.VIEW_SECTION
        case Role.EVENT | Role.COMMON | Role.VIEW_SECTION if key == "properties":
            return Role.PROPERTIES
        case Role.TRAITS_SECTION if key == "traits":
            return Role.PROPERTIES
        case Role.PROPERTY if key == "properties":
            return Role.PROPERTIES
        case Role.PROPERTY if key == "items":
            return Role.PROPERTY
    return Role.OTHER


def canonical_order(role: Role, keys: Sequence[str | None], sort: bool = False) -> list[int]:
    """The positions of `keys` in canonical order (a stable reordering)."""
    if sort and role in SORTABLE:
        return sorted(range(len(keys)), key=lambda i: _name_key(keys[i]))
    order = _ORDERS.get(role)
    if order is None:
        return list(range(len(keys)))
    rank = {key: index for index, key in enumerate(order)}
    return sorted(range(len(keys)), key=lambda i: rank.get(keys[i] or "", len(order)))


def _name_key(name: str | None) -> tuple[str, str]:
    text = name or ""
    return text.casefold(), text
