"""From a matched call's arguments to a CallSite: which argument is the event, which the properties.

Extractors hand over a RawCall (callee path, argument Values, keywords); the rule's layout
says how the SDK spells its call. Decisions where SDKs are ambiguous:

- Segment/RudderStack in JavaScript: a first argument that is an object literal is the
  server-side form (`track({userId, event, properties})`); for `identify`, `group`, `page`
  and `screen` only when it has one of the server keys (`userId`, `anonymousId`, `traits`,
  `groupId`, `properties`, `name`, `category`), else it is the traits or properties.
- `page([category], [name], [properties])`: the name is the string before the first object
  literal (the second of two strings); with no object literal and two strings, the second.
- PostHog: `$pageview` is a page call, `$screen` a screen call; other `$` events are
  PostHog's own and are not checked.
- Mixpanel `people.set` updates some traits and keeps the others: no TP402.
- PostHog Python `capture`: with two or more positional arguments the old form
  `capture(distinct_id, event, properties)`, else `capture(event, properties=...)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from trackplan.scanning.languages import Family
from trackplan.scanning.sdks import Arg, Layout, Rule
from trackplan.scanning.sites import UNKNOWN, CallKind, CallSite, Entry, Value, ValueKind

_IDENTIFY_SERVER_KEYS = frozenset({"userId", "anonymousId", "traits"})
_GROUP_SERVER_KEYS = frozenset({"groupId", "userId", "anonymousId", "traits"})
_PAGE_SERVER_KEYS = frozenset({"userId", "anonymousId", "properties", "name", "category"})


@dataclass(frozen=True, slots=True)
class RawCall:
    """A call whose callee matched a rule, before the rule's layout is applied.

    `spread_at` is the index of the first `...args` / `*args` argument: positions from there
    on are unknowable. `open_keywords` marks a Python `**kwargs`.
    """

    segments: tuple[str, ...]
    args: tuple[Value, ...]
    line: int
    column: int
    keywords: tuple[tuple[str, Value], ...] = ()
    spread_at: int | None = None
    open_keywords: bool = False


@dataclass(frozen=True, slots=True)
class _Parts:
    """What a layout reads from the arguments."""

    name: Value | None = None  # the event, or the page/screen name
    properties: Value | None = None  # properties, or traits
    server: bool = False  # written in a server-side form: nothing is filled in for it
    kind: CallKind | None = None  # when the arguments change the call's kind ($pageview)


def interpret(raw: RawCall, rule: Rule, family: Family, file: str) -> CallSite | None:
    """The CallSite the call makes under `rule`, or None for a call that is not checked."""
    reader = _Reader(raw, family)
    parts = _LAYOUTS[rule.layout](reader, rule)
    if parts is None:
        return None
    kind = parts.kind or rule.kind
    name = None if kind in (CallKind.IDENTIFY, CallKind.GROUP) else parts.name
    resolved, text = _name_of(name)
    return CallSite(
        file=file,
        line=raw.line,
        column=raw.column,
        kind=kind,
        sdk=rule.sdk,
        callee=".".join(raw.segments),
        name=resolved,
        name_text=text,
        properties=parts.properties,
        server=parts.server or family is Family.PYTHON,
    )


def _read_positional(reader: _Reader, rule: Rule) -> _Parts:
    return _Parts(reader.get(rule.event), reader.get(rule.properties))


def _read_track(reader: _Reader, rule: Rule) -> _Parts:
    """`track(event, properties)`, or one object: `track({userId, event, properties})`."""
    event_key, props_key = (
        ("event_type", "event_properties")
        if rule.layout is Layout.AMPLITUDE_TRACK
        else ("event", "properties")
    )
    first = reader.object_first()
    if first is not None:
        return _Parts(_field(first, event_key), _field(first, props_key), server=True)
    return _Parts(reader.position(0), reader.position(1))


def _read_traits(reader: _Reader, rule: Rule) -> _Parts:
    """`identify([userId], traits)`, `group(groupId, traits)`, or their object forms."""
    server_keys = _IDENTIFY_SERVER_KEYS if rule.kind is CallKind.IDENTIFY else _GROUP_SERVER_KEYS
    first = reader.object_first()
    if first is not None and server_keys & set(first.keys()):
        return _Parts(properties=_field(first, "traits"), server=True)
    if first is not None and rule.kind is CallKind.IDENTIFY:
        return _Parts(properties=first)
    return _Parts(properties=reader.position(1))


def _read_view(reader: _Reader, rule: Rule) -> _Parts:
    """`page([category], [name], [properties])`, `screen(name, properties)`, object forms."""
    first = reader.object_first()
    if first is not None and _PAGE_SERVER_KEYS & set(first.keys()):
        return _Parts(_field(first, "name"), _field(first, "properties"), server=True)
    if rule.layout is Layout.SEGMENT_SCREEN:
        return _Parts(reader.position(0), reader.position(1))
    leading = reader.leading(3)
    for index, value in enumerate(leading):
        if value.kind is ValueKind.OBJECT:
            return _Parts(leading[index - 1] if index else None, value)
    if len(leading) >= 2 and leading[1].kind is ValueKind.STRING:
        return _Parts(leading[1], leading[2] if len(leading) > 2 else None)
    return _Parts(leading[0] if leading else None, leading[1] if len(leading) > 1 else None)


def _read_capture(reader: _Reader, rule: Rule) -> _Parts | None:
    """PostHog `capture`: `$pageview` is a page, `$screen` a screen, other `$` are PostHog's."""
    if rule.layout is Layout.POSTHOG_CAPTURE:
        name, props = reader.position(0), reader.position(1)
    else:
        name = reader.keyword("event")
        if name is None:
            name = reader.position(1 if reader.count >= 2 else 0)
        props = reader.keyword("properties")
        if props is None and reader.count >= 3:
            props = reader.position(2)
    text = str(name.scalar) if name is not None and name.kind is ValueKind.STRING else ""
    if text == "$pageview":
        return _Parts(None, props, kind=CallKind.PAGE)
    if text == "$screen":
        return _Parts(None, props, kind=CallKind.SCREEN)
    if text.startswith("$"):
        return None
    return _Parts(name, props)


def _read_people_set(reader: _Reader, rule: Rule) -> _Parts:
    """`people.set({traits})` or `people.set("trait", value)`: a partial update (open)."""
    first, second = reader.position(0), reader.position(1)
    if first is not None and first.kind is ValueKind.STRING and second is not None:
        entry = Entry(str(first.scalar), second, first.line, first.column)
        traits = Value(
            ValueKind.OBJECT, entries=(entry,), open=True, line=first.line, column=first.column
        )
        return _Parts(properties=traits)
    if first is not None and first.kind is ValueKind.OBJECT:
        return _Parts(properties=replace(first, open=True))
    return _Parts(properties=first)


_LAYOUTS: dict[Layout, Callable[[_Reader, Rule], _Parts | None]] = {
    Layout.POSITIONAL: _read_positional,
    Layout.SEGMENT_TRACK: _read_track,
    Layout.AMPLITUDE_TRACK: _read_track,
    Layout.SEGMENT_IDENTIFY: _read_traits,
    Layout.SEGMENT_GROUP: _read_traits,
    Layout.SEGMENT_PAGE: _read_view,
    Layout.SEGMENT_SCREEN: _read_view,
    Layout.POSTHOG_CAPTURE: _read_capture,
    Layout.POSTHOG_CAPTURE_PY: _read_capture,
    Layout.PEOPLE_SET: _read_people_set,
}


class _Reader:
    """Arguments by position, keyword or object key, knowing what a spread hides."""

    def __init__(self, raw: RawCall, family: Family) -> None:
        self.raw = raw
        self.family = family
        self.count = len(raw.args) if raw.spread_at is None else raw.spread_at

    def position(self, index: int) -> Value | None:
        if index < self.count:
            return self.raw.args[index]
        return UNKNOWN if self.raw.spread_at is not None else None

    def keyword(self, name: str) -> Value | None:
        found = None
        for key, value in self.raw.keywords:
            if key == name:
                found = value
        if found is None and self.raw.open_keywords:
            return UNKNOWN
        return found

    def object_first(self) -> Value | None:
        """The first argument when it is an object literal."""
        first = self.position(0)
        return first if first is not None and first.kind is ValueKind.OBJECT else None

    def leading(self, limit: int) -> list[Value]:
        return [self.raw.args[i] for i in range(min(self.count, limit))]

    def get(self, arg: Arg | None) -> Value | None:
        if arg is None:
            return None
        if arg.name is not None:
            if self.family is Family.PYTHON:
                found = self.keyword(arg.name)
                if found is not None or arg.position is None:
                    return found
            else:
                first = self.position(0)
                if first is None:
                    return None
                if first.kind is not ValueKind.OBJECT:
                    return UNKNOWN
                return _field(first, arg.name)
        if arg.position is None:
            return None
        if self.family is Family.PYTHON and self.raw.open_keywords and arg.position >= self.count:
            return UNKNOWN
        return self.position(arg.position)


def _field(obj: Value, key: str) -> Value | None:
    entry = obj.entry(key)
    if entry is not None:
        return entry.value
    return UNKNOWN if obj.open else None


def _name_of(value: Value | None) -> tuple[str | None, str]:
    """(the resolved name, "") or (None, the expression's text); (None, "") when absent."""
    if value is None:
        return None, ""
    if value.kind is ValueKind.STRING:
        return str(value.scalar), ""
    if value.text:
        return None, value.text
    shown = {
        ValueKind.UNKNOWN: "…",
        ValueKind.OBJECT: "{…}",
        ValueKind.ARRAY: "[…]",
        ValueKind.NULL: "null",
        ValueKind.BOOLEAN: "true" if value.scalar else "false",
    }
    return None, shown.get(value.kind, str(value.scalar))
