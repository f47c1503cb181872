"""RudderStack tracking plans (RudderTyper's plan JSON) → plans.

Both shapes RudderTyper has written are read: `rules.events[]` whose entries carry an
`eventType` (identify, group, page, screen, track; `name` empty except for track events and
named pages/screens), and the older shape whose events have no `eventType` (read as track
events). Each entry's `rules` is a whole-message schema, as in Segment's Config API.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trackplan.diagnostics import TrackplanError
from trackplan.interop.envelope import read_section
from trackplan.interop.findings import SKIPPED, Findings, join_path
from trackplan.interop.imported import ImportedPlan, Kind, PlanBuilder

RUDDERSTACK = "RudderStack tracking plan"
EVENT_TYPES = {kind.value: kind for kind in Kind}


def import_rudderstack(data: Any, shown: str, findings: Findings) -> ImportedPlan:
    """A RudderTyper plan JSON → an imported plan; problems go to `findings`."""
    rules = data.get("rules") if isinstance(data, Mapping) else None
    if isinstance(rules, list):
        raise TrackplanError(
            f"{shown}: this is a Segment Public API tracking plan; use `trackplan import segment`"
        )
    events = rules.get("events") if isinstance(rules, Mapping) else None
    if not isinstance(data, Mapping) or not isinstance(events, list):
        raise TrackplanError(
            f"{shown}: not a RudderStack tracking plan; expected `rules.events` as a list"
        )
    builder = PlanBuilder(findings)
    for index, item in enumerate(events):
        _read_event(item, join_path("rules.events", index), builder, findings)
    name = data.get("name")
    description = data.get("description")
    return builder.build(
        name.strip() if isinstance(name, str) else "",
        shown,
        RUDDERSTACK,
        description if isinstance(description, str) else "",
    )


def _read_event(item: Any, path: str, builder: PlanBuilder, findings: Findings) -> None:
    if not isinstance(item, Mapping):
        findings.add(SKIPPED, "an event that is not an object was skipped", path=path)
        return
    raw_name = item.get("name")
    name = raw_name if isinstance(raw_name, str) else ""
    event_type = item.get("eventType", "track")
    kind = EVENT_TYPES.get(str(event_type).lower())
    if kind is None:
        findings.add(
            SKIPPED,
            f"an event of type {event_type!r} was skipped",
            path=join_path(path, "eventType"),
            hint=f"event types are {', '.join(EVENT_TYPES)}",
        )
        return
    if kind is Kind.TRACK and not name:
        findings.add(SKIPPED, "a track event without a name was skipped", path=path)
        return
    if kind in (Kind.IDENTIFY, Kind.GROUP):
        name = ""
    description = item.get("description")
    section = read_section(
        kind,
        name,
        item.get("rules", {}),
        join_path(path, "rules"),
        findings,
        description=description if isinstance(description, str) else "",
    )
    builder.add(section, version=item.get("version"), origin=path)
