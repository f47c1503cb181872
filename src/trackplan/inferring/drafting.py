"""From `LogStats` to a frozen `Draft`: types, required, enums, formats, common and shared properties.

The rules, for the person reviewing the draft:
- **type**: every JSON type seen; whole numbers are `integer`, any fraction makes the
  property a `number`; `null` joins the list when a null was sent.
- **required**: present in every message of the event (every object, for nested keys).
- **enum**: text values only, at most `ENUM_MAX_VALUES` distinct values of at most
  `ENUM_MAX_LENGTH` characters, seen over at least `ENUM_MIN_VALUES` values, and no format.
  Never for a name ending in a word of `NOT_ENUM_WORDS` (`order_id`, `user_name`, `title`):
  identifiers and free text repeat in small logs, and an enum would copy personal data
  into the plan.
- **format**: `uuid`, `date-time`, `date`, `email` or `uri`, when every text value matches.
- **pii**: `true` for email addresses (the one kind of personal data a value shows by itself);
  the rest is for people to mark (`trackplan lint` points at names that look personal).
- **common**: a property every track event sends (3 events or more), with one type.
- **shared**: a property that two or more events (or identify and group traits) send
  with one type is defined once under `properties:` and used by name.
- **pages/screens**: properties sent with two or more page names (or with unnamed calls)
  go to `page:`; a property seen with one name only goes to that name under `pages:`.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from trackplan.inferring.collecting import LogStats
from trackplan.inferring.formats import format_name
from trackplan.inferring.observing import (
    ENUM_MAX_VALUES,
    ENUM_MIN_VALUES,
    NULL,
    NUMBER,
    OBJECT,
    STRING,
    TYPE_BITS,
    ValueStats,
    comparable_kinds,
    merge_stats,
)
from trackplan.model import EventNaming, PropertyNaming
from trackplan.naming import split_words

# Common properties are inferred only from this many distinct track events up.
COMMON_MIN_EVENTS = 3
# The last word of a property name that rules out an enum (identifiers, free text, people).
NOT_ENUM_WORDS = frozenset(
    [
        "id",
        "ids",
        "uuid",
        "key",
        "token",
        "name",
        "email",
        "phone",
        "address",
        "title",
        "path",
        "url",
        "uri",
        "referrer",
        "search",
        "query",
        "text",
        "message",
        "comment",
        "description",
        "note",
    ]
)


@dataclass(frozen=True)
class DraftProperty:
    """A drafted property; `shared` means a use of the shared definition of the same name."""

    name: str
    seen: int  # messages (or objects) that carried it
    of: int  # messages (or objects) where it could have been
    types: tuple[str, ...] = ()
    type_counts: tuple[tuple[str, int], ...] = ()
    format: str | None = None
    enum: tuple[str, ...] | None = None
    properties: tuple[DraftProperty, ...] = ()
    items: DraftProperty | None = None
    shared: bool = False
    pii: bool = False

    @property
    def required(self) -> bool:
        return self.seen == self.of


@dataclass(frozen=True)
class DraftSection:
    """An event, identify, group, page or screen with the messages it was drafted from."""

    name: str
    messages: int
    properties: tuple[DraftProperty, ...]


@dataclass(frozen=True)
class Draft:
    """The whole draft plan, ready to render."""

    events_convention: EventNaming
    properties_convention: PropertyNaming
    messages: int
    files: int
    shared: tuple[DraftProperty, ...] = ()
    common: tuple[DraftProperty, ...] = ()
    events: tuple[DraftSection, ...] = ()
    identify: DraftSection | None = None
    group: DraftSection | None = None
    page: DraftSection | None = None
    pages: tuple[DraftSection, ...] = ()
    screen: DraftSection | None = None
    screens: tuple[DraftSection, ...] = ()


def build_draft(
    stats: LogStats, events_convention: EventNaming, properties_convention: PropertyNaming
) -> Draft:
    """The draft plan the logs suggest (see the module docstring for the rules)."""
    events = {name: dict(section.fields or {}) for name, section in stats.events.items()}
    messages = {name: section.n_obj for name, section in stats.events.items()}
    common = _take_common(events, sum(messages.values()))
    traits = {
        kind: (section, dict(section.fields or {}))
        for kind, section in (("identify", stats.identify), ("group", stats.group))
        if section is not None
    }
    places = {f"event:{name}": fields for name, fields in events.items()}
    places.update({f"{kind}:": fields for kind, (_, fields) in traits.items()})
    shared, uses = _take_shared(places)
    page, pages = _split_views(stats.pages)
    screen, screens = _split_views(stats.screens)
    return Draft(
        events_convention=events_convention,
        properties_convention=properties_convention,
        messages=stats.messages,
        files=stats.files,
        shared=shared,
        common=common,
        events=tuple(
            DraftSection(
                name,
                messages[name],
                _properties(events[name], messages[name], uses.get(f"event:{name}", set())),
            )
            for name in sorted(events)
        ),
        identify=_traits(traits, "identify", uses),
        group=_traits(traits, "group", uses),
        page=page,
        pages=pages,
        screen=screen,
        screens=screens,
    )


def draft_property(name: str, stats: ValueStats, of: int) -> DraftProperty:
    """What the observed values of one place say about its property."""
    kinds = stats.kinds
    types = tuple(
        type_name
        for bit, type_name in TYPE_BITS
        if kinds & bit and not (type_name == "integer" and kinds & NUMBER)
    )
    fmt = format_name(stats.formats) if kinds & STRING else None
    enum = None
    if (
        fmt is None
        and kinds & STRING
        and not kinds & ~(STRING | NULL)
        and stats.values is not None
        and stats.n_str >= ENUM_MIN_VALUES
        and 0 < len(stats.values) <= ENUM_MAX_VALUES
        and not _names_free_text(name)
    ):
        enum = tuple(sorted(stats.values))
    children: tuple[DraftProperty, ...] = ()
    if kinds & OBJECT and stats.fields:
        children = tuple(
            draft_property(key, child, stats.n_obj) for key, child in sorted(stats.fields.items())
        )
    items = None
    if stats.items is not None and stats.items.count:
        items = draft_property("items", stats.items, stats.items.count)
    return DraftProperty(
        name=name,
        seen=stats.count,
        of=of,
        types=types,
        type_counts=stats.type_counts() if len(types) > 1 else (),
        format=fmt,
        enum=enum,
        properties=children,
        items=items,
        pii=fmt == "email",
    )


def _names_free_text(name: str) -> bool:
    words = split_words(name)
    return bool(words) and words[-1].casefold() in NOT_ENUM_WORDS


def _properties(
    fields: Mapping[str, ValueStats], of: int, shared_uses: AbstractSet[str]
) -> tuple[DraftProperty, ...]:
    out = []
    for key in sorted(fields):
        stats = fields[key]
        if key in shared_uses:
            out.append(DraftProperty(key, seen=stats.count, of=of, shared=True))
        else:
            out.append(draft_property(key, stats, of))
    return tuple(out)


def _take_common(events: dict[str, dict[str, ValueStats]], total: int) -> tuple[DraftProperty, ...]:
    """Properties every track event sends with one type; removed from the events."""
    if len(events) < COMMON_MIN_EVENTS:
        return ()
    names = set.intersection(*(set(fields) for fields in events.values()))
    common = []
    for name in sorted(names):
        group = [fields[name] for fields in events.values()]
        # Places that only ever sent null agree with any type.
        if len({comparable_kinds(stats) for stats in group} - {0}) > 1:
            continue
        common.append(draft_property(name, merge_stats(group), total))
        for fields in events.values():
            del fields[name]
    return tuple(common)


def _take_shared(
    places: Mapping[str, Mapping[str, ValueStats]],
) -> tuple[tuple[DraftProperty, ...], dict[str, set[str]]]:
    """Shared definitions for names used in two places or more with one type.

    Returns the definitions and, per place, the names it uses from them. When places
    disagree on the type, the largest group of agreeing places shares the definition and the
    others keep their own.
    """
    by_name: dict[str, dict[int, list[str]]] = {}
    for place in sorted(places):
        for name, stats in places[place].items():
            by_name.setdefault(name, {}).setdefault(comparable_kinds(stats), []).append(place)
    shared = []
    uses: dict[str, set[str]] = {}
    for name in sorted(by_name):
        groups = by_name[name]
        typed = [k for k in groups if k] or [0]
        kinds = min(typed, key=lambda k: (-len(groups[k]), k))
        # Places that only ever sent null agree with any type.
        users = sorted(groups[kinds] + (groups.get(0, []) if kinds else []))
        if len(users) < 2:
            continue
        merged = merge_stats(places[place][name] for place in users)
        definition = draft_property(name, merged, merged.count)
        shared.append(definition)
        for place in users:
            uses.setdefault(place, set()).add(name)
    return tuple(shared), uses


def _traits(
    traits: Mapping[str, tuple[ValueStats, dict[str, ValueStats]]],
    kind: str,
    uses: Mapping[str, AbstractSet[str]],
) -> DraftSection | None:
    if kind not in traits:
        return None
    section, fields = traits[kind]
    properties = _properties(fields, section.n_obj, uses.get(f"{kind}:", set()))
    return DraftSection(kind, section.n_obj, properties)


def _split_views(
    views: Mapping[str, ValueStats],
) -> tuple[DraftSection | None, tuple[DraftSection, ...]]:
    """The generic `page:` section and the named ones (see the module docstring)."""
    if not views:
        return None, ()
    seen_with: dict[str, list[str]] = {}
    for view, section in views.items():
        for key in section.fields or {}:
            seen_with.setdefault(key, []).append(view)
    only_one_view = len(views) == 1
    generic_keys = {
        key for key, names in seen_with.items() if only_one_view or len(names) > 1 or "" in names
    }
    total = sum(section.n_obj for section in views.values())
    generic_fields = {
        key: merge_stats((views[name].fields or {})[key] for name in seen_with[key])
        for key in generic_keys
    }
    generic = DraftSection("", total, _properties(generic_fields, total, set()))
    named = tuple(
        DraftSection(
            name,
            views[name].n_obj,
            _properties(
                {k: v for k, v in (views[name].fields or {}).items() if k not in generic_keys},
                views[name].n_obj,
                set(),
            ),
        )
        for name in sorted(views)
        if name
    )
    return generic, named
