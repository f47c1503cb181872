"""Call sites against the plan: TP401–TP407 and TP309, and the coverage of planned events.

What is checked, and what is deliberately not:
- TP401 follows `policy.unplanned_events` (error, or warning for `warn`; `allow` reports
  nothing), like TP301 for messages. TP406 (warning) accompanies it when the unplanned name
  also breaks the naming convention; planned names are `lint`'s business.
- TP402 only for a literal object with no spread and no key the scanner cannot name. Browser
  `page()` calls are not asked for what analytics.js fills in itself (`path`, `url`,
  `referrer`, `search`, `title`); server-side calls are.
- TP403: type and enum only (patterns and ranges are left to `validate`, on real data).
  A JavaScript number with no fraction counts as an integer, as JSON sends it.
- TP407 follows the plan's (or the event's) `unplanned_properties`, at every depth.
  A page whose name is not resolvable is not checked for unplanned properties when the plan
  has named pages: which page's properties apply is unknowable.
- TP405 (warning) for every active event no call sends; deprecated events are expected to
  fade away and are not reported. A call the scanner cannot resolve (TP404) may be the one
  sending it: TP405 says what the scanner saw.
- identify/group/page/screen calls are checked only when the plan has that section.
"""

from __future__ import annotations

import json
from collections.abc import Sequence, Set
from dataclasses import dataclass

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity
from trackplan.model import Plan, PolicyLevel, Property, Section
from trackplan.naming import check_event_name, did_you_mean
from trackplan.scanning.sites import CallKind, CallSite, FileOutcome, FileScan, Value, ValueKind
from trackplan.scanning.suppression import is_silenced

_LEVEL_SEVERITY = {PolicyLevel.ERROR: Severity.ERROR, PolicyLevel.WARN: Severity.WARNING}
# What analytics.js collects itself on every browser page() call.
_PAGE_AUTOMATIC = frozenset({"path", "url", "referrer", "search", "title"})
_VALUE_TYPES = {
    ValueKind.STRING: "string",
    ValueKind.BOOLEAN: "boolean",
    ValueKind.NULL: "null",
    ValueKind.OBJECT: "object",
    ValueKind.ARRAY: "array",
}


@dataclass(frozen=True)
class _Target:
    """What a call's properties (or traits) are checked against."""

    label: str  # `"Order Completed"`, `identify()`, `page "Pricing"`
    properties: tuple[Property, ...]
    level: PolicyLevel
    prefix: str  # "properties" or "traits"
    exempt: frozenset[str] = frozenset()
    check_unplanned: bool = True

    @property
    def noun(self) -> str:
        return "trait" if self.prefix == "traits" else "property"


def check_file(plan: Plan, scan: FileScan) -> FileOutcome:
    """One file's verdict: its findings (suppression comments applied) and its inventory."""
    markers = dict(scan.markers)
    found = [d for d in scan.problems if not is_silenced(d, markers, (d.line,))]
    calls = sorted(scan.calls, key=lambda c: (c.line, c.column))
    for call in calls:
        found += [
            d for d in check_call(plan, call) if not is_silenced(d, markers, (d.line, call.line))
        ]
    return FileOutcome(
        file=scan.file,
        diagnostics=tuple(found),
        calls=tuple(call.to_dict() for call in calls),
        events=frozenset(c.name for c in calls if c.kind is CallKind.TRACK and c.name),
        parsed=scan.parsed,
    )


def check_call(plan: Plan, call: CallSite) -> list[Diagnostic]:
    """The findings about one call, before suppression comments."""
    report = _Reporter(call)
    if call.kind is CallKind.TRACK:
        target = _track_target(plan, call, report)
    else:
        target = _section_target(plan, call)
    props = call.properties
    if props is None and call.kind is CallKind.TRACK:
        # A track call without properties sends none: required ones are surely missing.
        props = Value(ValueKind.OBJECT, line=call.line, column=call.column)
    if target is not None and props is not None:
        _check_object(target, target.properties, props, target.prefix, report)
    return report.found


def check_coverage(plan: Plan, called: Set[str]) -> list[Diagnostic]:
    """TP405 for every active planned event no call sends, at its place in the plan."""
    found = []
    for event in plan.events:
        if event.deprecated or event.name in called:
            continue
        where = plan.locate(event.pointer)
        found.append(
            Diagnostic(
                file=where.file if where else "",
                line=where.line if where else 0,
                column=where.column if where else 0,
                code=codes.NEVER_CALLED,
                severity=Severity.WARNING,
                message=f"event {_quote(event.name)} is planned but never called in the"
                " scanned code",
                hint="call it, or mark it `status: deprecated` (or remove it) in the plan",
                event=event.name,
            )
        )
    return found


def coverage_figures(plan: Plan, called: Set[str]) -> dict[str, int]:
    """Planned (active) events, how many of them are called, how many never are."""
    active = [e for e in plan.events if not e.deprecated]
    hit = sum(1 for e in active if e.name in called)
    return {
        "events_planned": len(active),
        "events_called": hit,
        "events_never_called": len(active) - hit,
    }


class _Reporter:
    """Collects one call's diagnostics, stamping file, code, severity and event."""

    def __init__(self, call: CallSite) -> None:
        self.call = call
        self.found: list[Diagnostic] = []

    def add(
        self,
        code: str,
        severity: Severity,
        message: str,
        hint: str = "",
        *,
        at: Value | None = None,
        line: int = 0,
        column: int = 0,
        path: str = "",
    ) -> None:
        if at is not None and at.line:
            line, column = at.line, at.column
        elif not line:
            line, column = self.call.line, self.call.column
        self.found.append(
            Diagnostic(
                file=self.call.file,
                line=line,
                column=column,
                code=code,
                severity=severity,
                message=message,
                hint=hint,
                event=self.call.name or "",
                path=path,
            )
        )


def _track_target(plan: Plan, call: CallSite, report: _Reporter) -> _Target | None:
    name = call.name
    if name is None:
        if call.name_text:
            shown = call.name_text if "`" in call.name_text else f"`{call.name_text}`"
            message = f"event name {shown} is not a literal or a constant the scanner can resolve"
        else:
            message = f"{call.callee}() has no event name"
        report.add(
            codes.UNRESOLVED_EVENT,
            Severity.INFO,
            message,
            "pass a string literal, or a constant defined in this file or imported from a project"
            " module (one hop), so the call can be checked",
        )
        return None
    event = plan.event(name)
    if event is None:
        _unplanned_event(plan, name, report)
        return None
    if event.deprecated:
        hint = f"send {_quote(event.replaced_by)} instead" if event.replaced_by else ""
        report.add(
            codes.DEPRECATED_EVENT, Severity.WARNING, f"event {_quote(name)} is deprecated", hint
        )
    return _Target(
        label=_quote(name),
        properties=plan.event_properties(event),
        level=plan.unplanned_properties_level(event),
        prefix="properties",
    )


def _unplanned_event(plan: Plan, name: str, report: _Reporter) -> None:
    severity = _LEVEL_SEVERITY.get(plan.policy.unplanned_events)
    if severity is not None:
        guess = did_you_mean(name, [e.name for e in plan.events])
        hint = f"did you mean {_quote(guess)}?" if guess else "add it to the plan, or fix the name"
        report.add(
            codes.UNKNOWN_CALL_EVENT, severity, f"event {_quote(name)} is not in the plan", hint
        )
    problem = check_event_name(name, plan.conventions.events.value)
    if problem is not None:
        report.add(codes.CALL_EVENT_NAMING, Severity.WARNING, problem.message, problem.hint)


def _section_target(plan: Plan, call: CallSite) -> _Target | None:
    kind = call.kind
    if kind in (CallKind.IDENTIFY, CallKind.GROUP):
        section = plan.identify if kind is CallKind.IDENTIFY else plan.group
        if section is None:
            return None
        return _Target(
            label=f"{kind.value}()",
            properties=section.properties,
            level=plan.unplanned_properties_level(section),
            prefix="traits",
        )
    general, named_sections = (
        (plan.page, plan.pages) if kind is CallKind.PAGE else (plan.screen, plan.screens)
    )
    named = next((s for s in named_sections if s.name == call.name), None)
    if general is None and named is None:
        return None
    merged: dict[str, Property] = {}
    for section in (general, named):
        if section is not None:
            merged.update((p.name, p) for p in section.properties)
    decisive: Section | None = named or general
    label = f"{kind.value} {_quote(call.name)}" if call.name else f"{kind.value}()"
    exempt = _PAGE_AUTOMATIC if kind is CallKind.PAGE and not call.server else frozenset()
    unknowable = call.name is None and call.name_text != "" and bool(named_sections)
    return _Target(
        label=label,
        properties=tuple(merged.values()),
        level=plan.unplanned_properties_level(decisive),
        prefix="properties",
        exempt=exempt,
        check_unplanned=not unknowable,
    )


def _check_object(
    target: _Target,
    planned: Sequence[Property],
    value: Value,
    path: str,
    report: _Reporter,
) -> None:
    """Required, planned and well-typed keys of a literal object, recursively."""
    if value.kind is not ValueKind.OBJECT:
        return
    by_name = {p.name: p for p in planned}
    present = {entry.key for entry in value.entries}
    top = path == target.prefix
    if not value.open:
        for wanted in planned:
            if not wanted.required or wanted.name in present:
                continue
            if top and wanted.name in target.exempt:
                continue
            where = f"{path}.{wanted.name}"
            report.add(
                codes.CALL_MISSING_REQUIRED,
                Severity.ERROR,
                f"{_label_for(target, path)} is missing the required {target.noun}"
                f" {_quote(wanted.name)}",
                f"add {_quote(wanted.name)} to the {target.prefix} object",
                at=value,
                path=where,
            )
    severity = _LEVEL_SEVERITY.get(target.level)
    for entry in value.entries:
        where = f"{path}.{entry.key}"
        prop = by_name.get(entry.key)
        if prop is None:
            if severity is not None and target.check_unplanned:
                guess = did_you_mean(entry.key, list(by_name))
                hint = (
                    f"did you mean {_quote(guess)}?"
                    if guess
                    else f"add it to the plan, or remove it from the {target.prefix}"
                )
                report.add(
                    codes.CALL_UNPLANNED_PROPERTY,
                    severity,
                    f"{target.noun} {_quote(_display(where, target))} is not planned for"
                    f" {target.label}",
                    hint,
                    line=entry.line,
                    column=entry.column,
                    path=where,
                )
            continue
        _check_value(target, prop, entry.value, where, report)


def _check_value(
    target: _Target, prop: Property, value: Value, path: str, report: _Reporter
) -> None:
    shown = _display(path, target)
    actual = _value_type(value)
    if actual is not None and prop.types and not _type_fits(actual, prop.types):
        expected = " or ".join(prop.types)
        report.add(
            codes.CALL_WRONG_VALUE,
            Severity.ERROR,
            f"{target.noun} {_quote(shown)} is {_describe(value)}; the plan says {expected}",
            f"send {_article(expected)}",
            at=value,
            path=path,
        )
        return
    if prop.enum is not None and value.kind in _SCALARS and not _in_enum(value, prop.enum):
        allowed = ", ".join(_show_scalar(v) for v in prop.enum)
        texts = [v for v in prop.enum if isinstance(v, str)]
        guess = did_you_mean(str(value.scalar), texts) if value.kind is ValueKind.STRING else None
        report.add(
            codes.CALL_WRONG_VALUE,
            Severity.ERROR,
            f"{target.noun} {_quote(shown)} is {_show_scalar(value.scalar)}, not one of {allowed}",
            f"did you mean {_quote(guess)}?" if guess else "use one of the plan's values",
            at=value,
            path=path,
        )
        return
    if value.kind is ValueKind.OBJECT and prop.properties:
        _check_object(target, prop.properties, value, path, report)
    elif value.kind is ValueKind.ARRAY and prop.items is not None:
        for index, item in enumerate(value.items):
            _check_value(target, prop.items, item, f"{path}[{index}]", report)


_SCALARS = frozenset({ValueKind.STRING, ValueKind.NUMBER, ValueKind.BOOLEAN, ValueKind.NULL})


def _value_type(value: Value) -> str | None:
    if value.kind is ValueKind.NUMBER:
        number = value.scalar
        if isinstance(number, int) or (isinstance(number, float) and number.is_integer()):
            return "integer"
        return "number"
    return _VALUE_TYPES.get(value.kind)


def _type_fits(actual: str, expected: Sequence[str]) -> bool:
    return actual in expected or (actual == "integer" and "number" in expected)


def _in_enum(value: Value, allowed: Sequence[object]) -> bool:
    scalar = value.scalar
    for option in allowed:
        if isinstance(option, bool) or isinstance(scalar, bool):
            if isinstance(option, bool) and isinstance(scalar, bool) and option == scalar:
                return True
        elif option == scalar:
            return True
    return False


def _describe(value: Value) -> str:
    if value.kind is ValueKind.NULL:
        return "null"
    if value.kind in _SCALARS:
        kind = _value_type(value) or value.kind.value
        return f"{_article(kind)} ({_show_scalar(value.scalar)})"
    return _article(value.kind.value)


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _show_scalar(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _display(path: str, target: _Target) -> str:
    """`properties.address.city` → `address.city`: messages name the property itself."""
    return path[len(target.prefix) + 1 :] if path.startswith(target.prefix + ".") else path


def _label_for(target: _Target, path: str) -> str:
    if path == target.prefix:
        return target.label
    return f"{target.label} {target.noun} {_quote(_display(path, target))}"


def _quote(text: str | None) -> str:
    return json.dumps(text or "", ensure_ascii=False)
