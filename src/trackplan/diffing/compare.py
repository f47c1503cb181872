"""Comparing two loaded plans: every difference becomes a classified Change.

Events are compared by their effective properties (bundles and shared definitions resolved,
and `common` where a property moved between `common` and the event), so a change to a shared
definition shows in every event that uses it. `common`, `identify`/`group` traits, `page`/
`screen` and named pages/screens are compared the same way. A removal is placed at the nearest
thing that still exists in NEW (the event for a removed property, the `events:` key of the same
file for a removed event), so that annotations land on lines that exist; its message says where
it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from trackplan import codes
from trackplan.diffing.changes import Change
from trackplan.diffing.properties import compare_properties, event_signature, match_renames
from trackplan.diffing.scope import Scope, quote
from trackplan.diffing.sides import PlanSide
from trackplan.model import Event, Location, Pointer, PolicyLevel, Section

_POLICY_RANK = {PolicyLevel.ALLOW: 0, PolicyLevel.WARN: 1, PolicyLevel.ERROR: 2}


def compare_plans(old: PlanSide, new: PlanSide) -> list[Change]:
    """Every difference between OLD and NEW, classified (unsorted; the report sorts)."""
    out: list[Change] = []
    plan = Scope(old, new, out, group="plan")
    _compare_settings(plan)
    _compare_library(plan)
    _compare_events(plan)
    common = Scope(old, new, out, group="common", prefix="common.properties")
    compare_properties(common, old.plan.common, new.plan.common, ("common", "properties"))
    for key, list_key in (("identify", "traits"), ("group", "traits")):
        _compare_section(
            plan, key, (key,), getattr(old.plan, key), getattr(new.plan, key), list_key
        )
    for key in ("page", "screen"):
        _compare_section(plan, key, (key,), getattr(old.plan, key), getattr(new.plan, key))
    _compare_named_sections(plan, "pages", "page")
    _compare_named_sections(plan, "screens", "screen")
    return out


def _compare_settings(plan: Scope) -> None:
    old, new = plan.old.plan, plan.new.plan
    if old.name != new.name:
        message = f"plan name changed from {quote(old.name)} to {quote(new.name)}"
        plan.add(codes.DOCUMENTATION, "plan", message, ("plan",))
    for key in ("events", "properties"):
        before, after = getattr(old.conventions, key), getattr(new.conventions, key)
        if before != after:
            message = f"conventions.{key} changed from {before.value} to {after.value}"
            hint = "run `trackplan lint` to see names that break the new convention"
            plan.add(codes.DOCUMENTATION, f"conventions.{key}", message, ("conventions", key), hint)
    for key in ("unplanned_events", "unplanned_properties"):
        before, after = getattr(old.policy, key), getattr(new.policy, key)
        _compare_policy(plan, before, after, f"policy.{key}", ("policy", key))


def _compare_policy(
    scope: Scope, before: PolicyLevel, after: PolicyLevel, path: str, pointer: Pointer
) -> None:
    if before == after:
        return
    shown = scope.path(path)
    if _POLICY_RANK[after] > _POLICY_RANK[before]:
        message = f"{shown} made stricter: {before.value} → {after.value}"
        hint = "messages that passed before may now fail; bump the major version"
        scope.add(codes.POLICY_STRICTER, path, message, pointer, hint)
    else:
        scope.add(codes.RELAXED, path, f"{shown} loosened: {before.value} → {after.value}", pointer)


def _compare_library(plan: Scope) -> None:
    """Shared properties and bundles: their effect shows in events; here only the entries."""
    old_shared = {p.name for p in plan.old.plan.shared}
    for prop in plan.new.plan.shared:
        if prop.name not in old_shared:
            message = f"shared property {quote(prop.name)} was added"
            plan.add(codes.LIBRARY, f"properties.{prop.name}", message, prop.pointer)
    new_shared = {p.name for p in plan.new.plan.shared}
    for prop in plan.old.plan.shared:
        if prop.name not in new_shared:
            placed = _place_top_removal(plan, "properties", prop.pointer)
            message = f"shared property {quote(prop.name)} was removed"
            message += plan.was_at(prop.pointer, placed)
            plan.add(codes.LIBRARY, f"properties.{prop.name}", message, placed)
    old_bundles, new_bundles = plan.old.plan.bundles, plan.new.plan.bundles
    for name in sorted(new_bundles.keys() | old_bundles.keys()):
        before, after = old_bundles.get(name), new_bundles.get(name)
        pointer: Pointer = ("bundles", name)
        if before == after:
            continue
        if before is None:
            plan.add(codes.LIBRARY, f"bundles.{name}", f"bundle {quote(name)} was added", pointer)
        elif after is None:
            placed = _place_top_removal(plan, "bundles", pointer)
            message = f"bundle {quote(name)} was removed{plan.was_at(pointer, placed)}"
            plan.add(codes.LIBRARY, f"bundles.{name}", message, placed)
        else:
            message = f"bundle {quote(name)} changed: {_list_change(before, after)}"
            plan.add(codes.LIBRARY, f"bundles.{name}", message, pointer)


def _compare_events(plan: Scope) -> None:
    old, new = plan.old.plan, plan.new.plan
    removed = [e for e in old.events if e.name not in new.events_by_name]
    added = [e for e in new.events if e.name not in old.events_by_name]
    renames = match_renames(
        removed,
        added,
        lambda e: event_signature(old.event_properties(e)),
        lambda e: event_signature(new.event_properties(e)),
    )
    for event in removed:
        scope = _event_scope(plan, event.name)
        target = renames.get(event.name)
        hint = (
            f"looks like a rename to {quote(target)}: keep {quote(event.name)} with"
            f" `status: deprecated` and `replaced_by: {target}` until senders move"
            if target
            else "deprecate it with `replaced_by` first, or bump the major version"
        )
        placed = _place_top_removal(plan, "events", event.pointer)
        message = f"event {quote(event.name)} was removed{plan.was_at(event.pointer, placed)}"
        scope.add(codes.EVENT_REMOVED, "", message, placed, hint)
    sources = {target: source for source, target in renames.items()}
    for event in added:
        source = sources.get(event.name)
        hint = f"looks like a rename of {quote(source)}" if source else ""
        message = f"event {quote(event.name)} was added"
        _event_scope(plan, event.name).add(codes.ADDED, "", message, event.pointer, hint)
    for event in new.events:
        before = old.events_by_name.get(event.name)
        if before is not None:
            _compare_event(_event_scope(plan, event.name), before, event)


def _event_scope(plan: Scope, name: str) -> Scope:
    return Scope(plan.old, plan.new, plan.out, group=name, event=name)


def _compare_event(scope: Scope, old: Event, new: Event) -> None:
    _compare_status(scope, old, new)
    for key in ("description", "owner"):
        before, after = getattr(old, key), getattr(new, key)
        if before != after:
            scope.add(
                codes.DOCUMENTATION, key, _text_change(key, before, after), (*new.pointer, key)
            )
    if old.tags != new.tags:
        message = f"tags changed: {_list_change(old.tags, new.tags)}"
        scope.add(codes.DOCUMENTATION, "tags", message, (*new.pointer, "tags"))
    if old.unplanned_properties != new.unplanned_properties:
        before = scope.old.plan.unplanned_properties_level(old)
        after = scope.new.plan.unplanned_properties_level(new)
        pointer = (*new.pointer, "unplanned_properties")
        _compare_policy(scope, before, after, "unplanned_properties", pointer)
    # Properties the event plans itself on either side; the rest come from `common` and are
    # compared once, under `common`. One that moved between the two is compared here.
    own = {p.name for p in old.properties} | {p.name for p in new.properties}
    compare_properties(
        scope.within("properties"),
        [p for p in scope.old.plan.event_properties(old) if p.name in own],
        [p for p in scope.new.plan.event_properties(new) if p.name in own],
        (*new.pointer, "properties"),
    )


def _compare_status(scope: Scope, old: Event, new: Event) -> None:
    name, pointer = quote(new.name), (*new.pointer, "status")
    if not old.deprecated and new.deprecated:
        if new.replaced_by:
            message = f"event {name} was deprecated, replaced by {quote(new.replaced_by)}"
            scope.add(codes.DEPRECATION, "status", message, pointer)
        else:
            message = f"event {name} was deprecated without `replaced_by`"
            hint = "name the event that replaces it with `replaced_by`"
            scope.add(codes.DEPRECATED_WITHOUT_REPLACEMENT_CHANGE, "status", message, pointer, hint)
    elif old.deprecated and not new.deprecated:
        scope.add(codes.DEPRECATION, "status", f"event {name} is no longer deprecated", pointer)
    elif old.replaced_by != new.replaced_by:
        message = _text_change("replaced_by", old.replaced_by, new.replaced_by)
        scope.add(codes.DOCUMENTATION, "replaced_by", message, (*new.pointer, "replaced_by"))


def _compare_named_sections(plan: Scope, key: str, kind: str) -> None:
    old_sections = {s.name: s for s in getattr(plan.old.plan, key)}
    new_sections = {s.name: s for s in getattr(plan.new.plan, key)}
    for name, old in old_sections.items():
        if name in new_sections:
            continue
        scope = Scope(plan.old, plan.new, plan.out, group=f"{kind} {name}")
        placed = _place_top_removal(plan, key, old.pointer)
        message = f"{kind} {quote(name)} was removed{plan.was_at(old.pointer, placed)}"
        if old.properties:
            hint = f"its properties are no longer planned for {kind}s named {quote(name)}"
            scope.add(codes.EVENT_REMOVED, f"{key}.{name}", message, placed, hint)
        else:
            scope.add(codes.DOCUMENTATION, f"{key}.{name}", message, placed)
    for name, new in new_sections.items():
        before = old_sections.get(name)
        if before is None:
            scope = Scope(plan.old, plan.new, plan.out, group=f"{kind} {name}")
            scope.add(codes.ADDED, f"{key}.{name}", f"{kind} {quote(name)} was added", new.pointer)
        else:
            _compare_section(plan, f"{kind} {name}", new.pointer, before, new)


def _compare_section(
    plan: Scope,
    group: str,
    pointer: Pointer,
    old: Section | None,
    new: Section | None,
    list_key: str = "properties",
) -> None:
    """`identify`, `group`, `page`, `screen` or a named page: description, policy, properties."""
    if old is None and new is None:
        return
    scope = Scope(plan.old, plan.new, plan.out, group=group, prefix=".".join(map(str, pointer)))
    old_text, new_text = (old.description if old else ""), (new.description if new else "")
    if old_text != new_text:
        message = _text_change("description", old_text, new_text)
        scope.add(codes.DOCUMENTATION, "description", message, (*pointer, "description"))
    if (old.unplanned_properties if old else None) != (new.unplanned_properties if new else None):
        before = plan.old.plan.unplanned_properties_level(old)
        after = plan.new.plan.unplanned_properties_level(new)
        policy_pointer = (*pointer, "unplanned_properties")
        _compare_policy(scope, before, after, "unplanned_properties", policy_pointer)
    compare_properties(
        scope.within(list_key, noun="trait" if list_key == "traits" else "property"),
        old.properties if old else (),
        new.properties if new else (),
        (*pointer, list_key),
    )


def _place_top_removal(plan: Scope, key: str, old_pointer: Pointer) -> Location:
    """A removed top-level entry: at `key:` of the same file in NEW, else where it was."""
    old, new = plan.old, plan.new
    before = old.locate(old_pointer)
    counterpart = new.file_for(old.relative(before.file))
    if counterpart is None and len(old.plan.files) == len(new.plan.files) == 1:
        counterpart = new.plan.files[0]
    if counterpart is not None:
        found = new.top_key_location(counterpart, key)
        if found is not None:
            return found
    return before


def _text_change(key: str, before: str, after: str) -> str:
    if not before:
        return f"{key} was added"
    if not after:
        return f"{key} was removed"
    if key == "description":
        return "description changed"
    return f"{key} changed from {quote(before)} to {quote(after)}"


def _list_change(before: Sequence[str], after: Sequence[str]) -> str:
    gone = [x for x in before if x not in after]
    came = [x for x in after if x not in before]
    parts = []
    if came:
        parts.append("added " + ", ".join(quote(x) for x in came))
    if gone:
        parts.append("removed " + ", ".join(quote(x) for x in gone))
    return "; ".join(parts) or "reordered"
