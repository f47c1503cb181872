"""Segment Protocols tracking plans ⇄ plans: the Public API, Config API and Typewriter shapes.

Reading detects the shape:
- Public API: `rules` is a list of `{type, key, version, jsonSchema}` (also a bare list of rules,
  or the API's `{"data": {"trackingPlan": …}}` / `{"data": {"rules": …}}` envelopes). Rule types
  TRACK, IDENTIFY, GROUP, PAGE, SCREEN and COMMON (→ `common`); a `deprecatedAt` other than
  Segment's zero date marks the event deprecated.
- Config API: `rules.events[]` of `{name, description, rules, version}`, plus `rules.global`
  (→ `common`), `rules.identify`/`rules.group` and `rules.identify_traits`/`rules.group_traits`.
- Typewriter's plan.json: a top-level `events[]` shaped like the Config API's.
Labels become tags (`area:account`), except `owner`, `status: deprecated` and `replaced_by`,
which `export segment` writes for what an event has beside tags, and which become those again.

Writing produces the Public API shape: `{"name", "type": "LIVE", "rules": [...]}`, where
`rules` is the body of Segment's "Replace Rules in Tracking Plan" call and `name`/`type` those
of "Create Tracking Plan". Each rule's `jsonSchema` is a whole-message schema whose `properties`
part is what `trackplan compile` writes. Since Segment checks each rule on its own, a track rule
lists the plan's `common` properties too; reading takes them back out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from trackplan.compiling.schemas import DRAFT_07
from trackplan.diagnostics import Diagnostic, Severity, TrackplanError
from trackplan.interop.envelope import RESERVED_LABELS, read_body, read_section
from trackplan.interop.findings import CANNOT_EXPRESS, SKIPPED, Findings, join_path
from trackplan.interop.imported import ImportedPlan, Kind, PlanBuilder
from trackplan.interop.properties import SchemaReader, schema_from_properties
from trackplan.model import Event, EventStatus, Origin, Plan, Pointer, Property, Section

PUBLIC_API = "Segment Public API"
CONFIG_API = "Segment Config API"
TYPEWRITER = "Typewriter plan.json"
# Segment's "never deprecated" date.
ZERO_DATE_PREFIX = "0001-01-01"
RULE_KINDS = {
    "TRACK": Kind.TRACK,
    "IDENTIFY": Kind.IDENTIFY,
    "GROUP": Kind.GROUP,
    "PAGE": Kind.PAGE,
    "SCREEN": Kind.SCREEN,
}
_SHAPES_HINT = (
    "expected `rules` as a list (Public API), `rules.events` (Config API) or `events`"
    " (Typewriter plan.json)"
)


def import_segment(data: Any, shown: str, findings: Findings) -> ImportedPlan:
    """A Segment tracking plan (any shape) → an imported plan; problems go to `findings`."""
    builder = PlanBuilder(findings)
    if looks_like_rudderstack(data):
        raise TrackplanError(
            f"{shown}: this is a RudderStack tracking plan; use `trackplan import rudderstack`"
        )
    document, rules, base = _public_rules(data)
    if rules is not None:
        _read_public(rules, base, builder, findings)
        return builder.build(_name(document), shown, PUBLIC_API, _description(document))
    if isinstance(data, Mapping) and isinstance(data.get("rules"), Mapping):
        _read_config(data["rules"], builder, findings)
        return builder.build(_name(data), shown, CONFIG_API, _description(data))
    if isinstance(data, Mapping) and isinstance(data.get("events"), list):
        _read_events(data["events"], "events", builder, findings)
        return builder.build(_name(data), shown, TYPEWRITER, _description(data))
    raise TrackplanError(f"{shown}: not a Segment tracking plan; {_SHAPES_HINT}")


def looks_like_rudderstack(data: Any) -> bool:
    """RudderStack plans carry `creationType`/`workspaceId`, or events with an `eventType`."""
    if not isinstance(data, Mapping):
        return False
    if "creationType" in data or "workspaceId" in data:
        return True
    rules = data.get("rules")
    events = rules.get("events") if isinstance(rules, Mapping) else None
    return isinstance(events, list) and any(
        isinstance(e, Mapping) and "eventType" in e for e in events
    )


# -- reading -------------------------------------------------------------------------------


def _public_rules(data: Any) -> tuple[Mapping[str, Any], list[Any] | None, str]:
    """(the plan object, its rules, their JSON path) for the Public API shapes; rules None
    otherwise."""
    if isinstance(data, list):
        is_rules = bool(data) and all(isinstance(r, Mapping) and "type" in r for r in data)
        return {}, data if is_rules else None, ""
    if not isinstance(data, Mapping):
        return {}, None, ""
    inner = data.get("data")
    if isinstance(inner, Mapping):
        plan = inner.get("trackingPlan")
        if isinstance(plan, Mapping) and isinstance(plan.get("rules"), list):
            return plan, plan["rules"], "data.trackingPlan.rules"
        if isinstance(inner.get("rules"), list):
            return {}, inner["rules"], "data.rules"
    if isinstance(data.get("rules"), list):
        return data, data["rules"], "rules"
    return data, None, ""


def _read_public(rules: list[Any], base: str, builder: PlanBuilder, findings: Findings) -> None:
    for index, rule in enumerate(rules):
        path = join_path(base, index)
        if not isinstance(rule, Mapping):
            findings.add(SKIPPED, "a rule that is not an object was skipped", path=path)
            continue
        rule_type = str(rule.get("type", "")).upper()
        key = rule.get("key")
        name = key if isinstance(key, str) else ""
        schema = rule.get("jsonSchema", rule.get("json_schema"))
        schema_path = join_path(path, "jsonSchema")
        if rule_type == "COMMON":
            _read_common(schema, schema_path, builder, findings)
            continue
        kind = RULE_KINDS.get(rule_type)
        if kind is None:
            findings.add(
                SKIPPED,
                f"a rule of type {rule.get('type')!r} was skipped",
                path=path,
                hint=f"rule types are {', '.join(RULE_KINDS)} and COMMON",
            )
            continue
        if kind is Kind.TRACK and not name:
            findings.add(
                SKIPPED, "a TRACK rule without a `key` (event name) was skipped", path=path
            )
            continue
        if kind in (Kind.IDENTIFY, Kind.GROUP):
            name = ""
        section = read_section(
            kind, name, schema, schema_path, findings, deprecated=_is_deprecated(rule)
        )
        builder.add(section, version=rule.get("version"), origin=path)


def _read_common(schema: Any, path: str, builder: PlanBuilder, findings: Findings) -> None:
    body = read_body(schema, "properties", path, findings, "common", track_openness=False)
    if body.closed:
        findings.cannot_express(
            "common properties that refuse every other property cannot be expressed",
            path=join_path(path, "additionalProperties"),
            event="common",
        )
    builder.add_common(body.properties)


def _read_config(rules: Mapping[str, Any], builder: PlanBuilder, findings: Findings) -> None:
    events = rules.get("events", [])
    if isinstance(events, list):
        _read_events(events, "rules.events", builder, findings)
    if rules.get("global") not in (None, {}):
        _read_common(rules["global"], "rules.global", builder, findings)
    for key, kind in (("identify", Kind.IDENTIFY), ("group", Kind.GROUP)):
        if rules.get(key) not in (None, {}):
            section = read_section(kind, "", rules[key], join_path("rules", key), findings)
            builder.add(section, origin=join_path("rules", key))
    for key, kind in (("identify_traits", Kind.IDENTIFY), ("group_traits", Kind.GROUP)):
        for index, item in enumerate(rules.get(key) or ()):
            _read_trait_rule(item, kind, join_path("rules", key, index), builder, findings)


def _read_trait_rule(
    item: Any, kind: Kind, path: str, builder: PlanBuilder, findings: Findings
) -> None:
    """One `identify_traits` entry: a trait's own schema, or a whole identify rule."""
    if not isinstance(item, Mapping):
        findings.add(SKIPPED, "a trait rule that is not an object was skipped", path=path)
        return
    schema = item.get("rules", item.get("schema"))
    name = item.get("name") or item.get("key")
    if isinstance(schema, Mapping) and "traits" in (schema.get("properties") or {}):
        body = read_body(schema, "traits", join_path(path, "rules"), findings, kind.value)
        builder.merge_traits(kind, body.properties, path)
        return
    if not isinstance(name, str) or not name:
        findings.add(SKIPPED, "a trait rule without a name was skipped", path=path)
        return
    spec = SchemaReader(findings, kind.value, root=schema).read_spec(
        schema if schema is not None else {}, join_path(path, "rules")
    )
    description = item.get("description")
    if spec is not None:
        if isinstance(description, str) and description.strip() and "description" not in spec:
            spec = {**spec, "description": description}
        builder.merge_traits(kind, {name: spec}, path)


def _read_events(events: list[Any], base: str, builder: PlanBuilder, findings: Findings) -> None:
    for index, item in enumerate(events):
        path = join_path(base, index)
        if not isinstance(item, Mapping):
            findings.add(SKIPPED, "an event that is not an object was skipped", path=path)
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name:
            findings.add(SKIPPED, "an event without a name was skipped", path=path)
            continue
        description = item.get("description")
        section = read_section(
            Kind.TRACK,
            name,
            item.get("rules", {}),
            join_path(path, "rules"),
            findings,
            description=description if isinstance(description, str) else "",
        )
        builder.add(section, version=item.get("version"), origin=path)


def _is_deprecated(rule: Mapping[str, Any]) -> bool:
    when = rule.get("deprecatedAt")
    return isinstance(when, str) and bool(when) and not when.startswith(ZERO_DATE_PREFIX)


def _name(document: Mapping[str, Any]) -> str:
    for key in ("display_name", "name"):
        value = document.get(key)
        # The Config API's `name` is a resource path (workspaces/…/tracking-plans/rs_…).
        if isinstance(value, str) and value.strip() and not value.startswith("workspaces/"):
            return value.strip()
    return ""


def _description(document: Mapping[str, Any]) -> str:
    value = document.get("description")
    return value if isinstance(value, str) else ""


# -- writing ---------------------------------------------------------------------------------


def export_segment(plan: Plan) -> tuple[dict[str, Any], tuple[Diagnostic, ...]]:
    """The plan in the Public API shape, and a TP701 warning for each thing it cannot carry."""
    rules: list[dict[str, Any]] = []
    policy = plan.policy.unplanned_properties
    if plan.common:
        body = schema_from_properties(plan.common, policy, closed_top=False)
        rules.append(_rule("COMMON", None, _message("properties", body)))
    for event in plan.events:
        level = plan.unplanned_properties_level(event)
        body = schema_from_properties(plan.event_properties(event), level)
        schema = _message("properties", body, event.description, _labels(event))
        rules.append(_rule("TRACK", event.name, schema))
    for kind, section in (("IDENTIFY", plan.identify), ("GROUP", plan.group)):
        if section is not None:
            rules.append(_section_rule(plan, kind, None, section, "traits"))
    for kind, generic, named in (
        ("PAGE", plan.page, plan.pages),
        ("SCREEN", plan.screen, plan.screens),
    ):
        if generic is not None:
            rules.append(_section_rule(plan, kind, None, generic, "properties"))
        for section in named:
            level_from = section if section.unplanned_properties else generic
            rules.append(_section_rule(plan, kind, section.name, section, "properties", level_from))
    document: dict[str, Any] = {"name": plan.name} if plan.name else {}
    document.update(type="LIVE", rules=rules)
    return document, tuple(sorted(_export_losses(plan)))


def render_export(document: Mapping[str, Any]) -> str:
    """The JSON text written: two-space indent, plan order kept, a final newline."""
    try:
        return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError as exc:  # NaN or infinity in a bound or an enum: no JSON form
        raise TrackplanError(
            "the plan holds NaN or infinity, which JSON cannot represent;"
            " run `trackplan lint` to find where"
        ) from exc


def _section_rule(
    plan: Plan,
    kind: str,
    key: str | None,
    section: Section,
    part: str,
    level_from: Section | None = None,
) -> dict[str, Any]:
    level = plan.unplanned_properties_level(level_from or section)
    body = schema_from_properties(section.properties, level)
    return _rule(kind, key, _message(part, body, section.description))


def _rule(kind: str, key: str | None, schema: dict[str, Any]) -> dict[str, Any]:
    rule: dict[str, Any] = {"type": kind}
    if key is not None:
        rule["key"] = key
    rule["version"] = 1
    rule["jsonSchema"] = schema
    return rule


def _message(
    part: str, body: dict[str, Any], description: str = "", labels: dict[str, str] | None = None
) -> dict[str, Any]:
    """A whole-message schema with `body` as its `properties` or `traits` part."""
    schema: dict[str, Any] = {"$schema": DRAFT_07, "type": "object"}
    if description:
        schema["description"] = description
    if labels:
        schema["labels"] = labels
    parts: dict[str, Any] = {"context": {}, "traits": {}, "properties": {}}
    parts[part] = body
    schema["properties"] = parts
    if body.get("required"):
        schema["required"] = [part]
    return schema


def _labels(event: Event) -> dict[str, str]:
    labels: dict[str, str] = {}
    if event.owner:
        labels["owner"] = event.owner
    if event.status is EventStatus.DEPRECATED:
        labels["status"] = event.status.value
    if event.replaced_by:
        labels["replaced_by"] = event.replaced_by
    for tag in event.tags:
        key, _, value = tag.partition(":")
        labels.setdefault(key, value)
    return labels


def _export_losses(plan: Plan) -> list[Diagnostic]:
    """What a Segment tracking plan has no place for."""
    found: list[Diagnostic] = []

    def note(pointer: Pointer, message: str, event: str = "") -> None:
        loc = plan.locate(pointer)
        found.append(
            Diagnostic(
                file=loc.file if loc else "",
                line=loc.line if loc else 0,
                column=loc.column if loc else 0,
                code=CANNOT_EXPRESS,
                severity=Severity.WARNING,
                message=message,
                hint="Segment tracking plans have no field for it; keep it in the YAML plan",
                event=event,
            )
        )

    if plan.version:
        note(("version",), f"the plan's version {plan.version} is not exported")
    if ("policy", "unplanned_events") in plan.locations:
        note(("policy", "unplanned_events"), "`policy.unplanned_events` is not exported")
    for event in plan.events:
        tags = [t.partition(":")[0] for t in event.tags]
        for key in sorted({k for k in tags if tags.count(k) > 1 or k in RESERVED_LABELS}):
            note(
                (*event.pointer, "tags"),
                f"tags of {event.name!r} repeat the label {key!r}; only the first is exported",
                event.name,
            )
    for prop in _all_properties(plan):
        if prop.pii and prop.pointer:
            note(prop.pointer, f"`pii: true` of property {prop.name!r} is not exported")
    return found


def _all_properties(plan: Plan) -> list[Property]:
    """Every property as written (shared ones once), nested ones included."""
    seen: set[Pointer] = set()
    out: list[Property] = []
    sections: list[tuple[Property, ...]] = [plan.shared, plan.common]
    sections += [e.properties for e in plan.events]
    sections += [s.properties for s in (plan.identify, plan.group, plan.page, plan.screen) if s]
    sections += [s.properties for s in (*plan.pages, *plan.screens)]
    stack = [p for props in sections for p in props]
    while stack:
        prop = stack.pop(0)
        # A shared property used by name is reported where it is defined.
        if prop.pointer in seen or (prop.origin is Origin.SHARED and "pii" not in prop.local_keys):
            continue
        seen.add(prop.pointer)
        out.append(prop)
        stack.extend(prop.properties)
        if prop.items is not None:
            stack.append(prop.items)
    return out
