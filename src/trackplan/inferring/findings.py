"""What `infer` tells the team about the names in its data: conventions, near-duplicates, limits.

- TP310: an event name breaks the event naming convention (once per name).
- TP801: a property or trait name breaks the property naming convention (once per name, at
  its first sighting).
- TP802: two event names, page/screen names or property names look like one name written
  twice ("Order Completed" / "order_completed", "user_id" / "userId"): the rarer one is
  reported, pointing at the more frequent one.
- TP803: part of the data was left out of the draft (a cap of `observing` was reached).

All are warnings: the draft is still written. Every finding points at a log line where the
name was first seen.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity
from trackplan.inferring.collecting import LogStats
from trackplan.inferring.observing import ValueStats
from trackplan.model import EventNaming, PropertyNaming
from trackplan.naming import (
    are_near_duplicates,
    check_event_name,
    check_property_name,
    normalize_name,
)


@dataclass(frozen=True)
class Sighting:
    """Where a name was first seen, and how many messages or objects carried it."""

    count: int
    file: str
    line: int
    event: str
    path: str


def check_names(
    stats: LogStats, events_convention: EventNaming, properties_convention: PropertyNaming
) -> list[Diagnostic]:
    """Every naming finding about the logs."""
    found: list[Diagnostic] = []
    for name, section in stats.events.items():
        problem = check_event_name(name, events_convention.value)
        if problem is not None:
            found.append(
                _diagnostic(
                    codes.EVENT_NAMING_IN_DATA,
                    Sighting(section.count, section.file, section.line, name, ""),
                    problem.message,
                    problem.hint,
                )
            )
    properties = property_sightings(stats)
    for name, sighting in properties.items():
        problem = check_property_name(name, properties_convention.value)
        if problem is not None:
            found.append(
                _diagnostic(codes.PROPERTY_NAMING_IN_DATA, sighting, problem.message, problem.hint)
            )
    events = {name: Sighting(s.count, s.file, s.line, name, "") for name, s in stats.events.items()}
    found.extend(_near_duplicates("event names", events))
    for kind, views in (("page names", stats.pages), ("screen names", stats.screens)):
        named = {n: Sighting(s.count, s.file, s.line, "", "name") for n, s in views.items() if n}
        found.extend(_near_duplicates(kind, named))
    found.extend(_near_duplicates("property names", properties))
    return found


def check_limits(stats: LogStats) -> list[Diagnostic]:
    """One TP803 per cap reached while reading."""
    return [
        Diagnostic(
            file=file,
            line=line,
            code=codes.INFERENCE_INCOMPLETE,
            severity=Severity.WARNING,
            message=f"the log has {detail}; that part is left out of the draft",
            hint="complete the draft by hand, or infer from a smaller, cleaner log",
        )
        for file, line, detail in sorted((stats.cursor.limits or {}).values())
    ]


def choose_property_convention(names: Mapping[str, Sighting]) -> PropertyNaming:
    """The convention most names already follow: snake_case unless camelCase wins."""
    snake = camel = 0
    for name in names:
        is_snake = check_property_name(name, PropertyNaming.SNAKE_CASE.value) is None
        is_camel = check_property_name(name, PropertyNaming.CAMEL_CASE.value) is None
        snake += is_snake and not is_camel
        camel += is_camel and not is_snake
    return PropertyNaming.CAMEL_CASE if camel > snake else PropertyNaming.SNAKE_CASE


def property_sightings(stats: LogStats) -> dict[str, Sighting]:
    """Every property and trait name, at any depth, with its first sighting and total count."""
    out: dict[str, Sighting] = {}
    places: list[tuple[str, str, ValueStats]] = [
        (name, "properties", section) for name, section in stats.events.items()
    ]
    places += [("", "traits", s) for s in (stats.identify, stats.group) if s is not None]
    places += [("", "properties", s) for v in (stats.pages, stats.screens) for s in v.values()]
    for event, root, section in places:
        for path, name, child in _walk(section, root):
            seen = out.get(name)
            if seen is None:
                out[name] = Sighting(child.count, child.file, child.line, event, path)
            else:
                out[name] = Sighting(
                    seen.count + child.count, seen.file, seen.line, seen.event, seen.path
                )
    return out


def _walk(stats: ValueStats, path: str) -> Iterator[tuple[str, str, ValueStats]]:
    for key, child in (stats.fields or {}).items():
        child_path = f"{path}.{key}"
        yield child_path, key, child
        yield from _walk(child, child_path)
    if stats.items is not None:
        yield from _walk(stats.items, f"{path}[]")


def _near_duplicates(what: str, names: Mapping[str, Sighting]) -> list[Diagnostic]:
    """Each name that looks like a more frequent one, reported against the most frequent."""
    buckets: dict[str, list[str]] = {}
    for name in names:
        for key in _keys(normalize_name(name)):
            buckets.setdefault(key, []).append(name)

    def rank(name: str) -> tuple[int, str]:
        return (-names[name].count, name)

    found = []
    for name in sorted(names):
        candidates = {other for key in _keys(normalize_name(name)) for other in buckets[key]}
        better = sorted((other for other in candidates if rank(other) < rank(name)), key=rank)
        for other in better:
            reason = are_near_duplicates(name, other)
            if reason is None:
                continue
            sighting, model = names[name], names[other]
            found.append(
                _diagnostic(
                    codes.NEAR_DUPLICATE_IN_DATA,
                    sighting,
                    f"{what} {_quote(name)} ({sighting.count}) and {_quote(other)}"
                    f" ({model.count}) look like one name written twice ({reason})",
                    f"send {_quote(other)} everywhere and plan that one name",
                )
            )
            break
    return found


def _keys(folded: str) -> set[str]:
    """The normalised name and every form of it with one character deleted: two names one
    edit apart always share one of these keys (a symmetric-delete index)."""
    keys = {folded}
    keys.update(folded[:i] + folded[i + 1 :] for i in range(len(folded)))
    return keys


def _diagnostic(code: str, sighting: Sighting, message: str, hint: str) -> Diagnostic:
    return Diagnostic(
        file=sighting.file,
        line=sighting.line,
        code=code,
        severity=Severity.WARNING,
        message=message,
        hint=hint,
        event=sighting.event,
        path=sighting.path,
    )


def _quote(name: str) -> str:
    """A name in double quotes, control characters escaped, as in every message."""
    return json.dumps(name, ensure_ascii=False)
