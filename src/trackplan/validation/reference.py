"""The reference checker: a parsed message → its findings, by draft-07 on the compiled schemas.

This path is the definition of a verdict. jsonschema validates the message against the strict
schema its `type` and event select, and each error becomes a finding with a fixed TP3xx code:
an error in the property or trait body is TP302 (required), TP303 (type), TP304 (enum,
const), TP305 (pattern, format, length, range, items) or TP306 (a key the plan does not
define, at the policy's severity); an error in the envelope around it is TP307. Before the
schema: TP301 (unplanned event, at `policy.unplanned_events`), TP310 (its name breaks the
naming convention) and TP309 (deprecated event).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from trackplan import codes
from trackplan.diagnostics import Severity
from trackplan.model import Plan, PolicyLevel
from trackplan.naming import NameProblem, check_event_name, did_you_mean
from trackplan.validation.findings import (
    Finding,
    PathPart,
    Verdict,
    format_path,
    join_words,
    json_type,
    show_value,
)
from trackplan.validation.formats import format_checker
from trackplan.validation.schemaerrors import RustErrors, SchemaError, reference_errors
from trackplan.validation.schemas import KINDS, MessageSchema, PlanSchemas, build_schemas

if TYPE_CHECKING:
    from jsonschema import Draft7Validator

_LEVEL_SEVERITY = {PolicyLevel.ERROR: Severity.ERROR, PolicyLevel.WARN: Severity.WARNING}
_TIMESTAMP_EXAMPLE = '"2024-03-04T09:12:05.118Z"'
_CONSTRAINTS = {
    "pattern": codes.CONSTRAINT,
    "format": codes.CONSTRAINT,
    "minLength": codes.CONSTRAINT,
    "maxLength": codes.CONSTRAINT,
    "minimum": codes.CONSTRAINT,
    "maximum": codes.CONSTRAINT,
    "minItems": codes.CONSTRAINT,
    "maxItems": codes.CONSTRAINT,
}


class ReferenceChecker:
    """Checks parsed messages against one plan; build it once, call `check` per message."""

    def __init__(
        self, plan: Plan, schemas: PlanSchemas | None = None, accelerate: bool = True
    ) -> None:
        self.plan = plan
        self.schemas = schemas or build_schemas(plan)
        self.accelerate = accelerate
        self._validators: dict[int, Draft7Validator] = {}
        self._rust: dict[int, RustErrors | None] = {}
        self._event_names = sorted(e.name for e in plan.events)
        self._guesses: dict[tuple[str, tuple[str, ...]], str | None] = {}

    def check(self, message: Any) -> Verdict:
        """Every finding of one parsed message, sorted by path and code."""
        if not isinstance(message, dict):
            found = Finding(
                (),
                codes.MALFORMED_MESSAGE,
                f"the message is {json_type(message)}, expected an object",
                hint="send each message as one JSON object",
            )
            return Verdict("", (found,))
        kind = message.get("type")
        if not isinstance(kind, str) or kind not in KINDS:
            return Verdict("", (self._bad_type(message),))
        name = message.get("event") if kind == "track" else message.get("name")
        entry = self.schemas.select(kind, name)
        findings = list(self._before_schema(kind, name, entry))
        findings.extend(self._schema_findings(message, entry))
        label = name if kind == "track" and isinstance(name, str) and name else entry.label
        return Verdict(label, tuple(sorted(set(findings))))

    def validator(self, entry: MessageSchema) -> Draft7Validator:
        found = self._validators.get(id(entry))
        if found is None:
            from jsonschema import Draft7Validator  # loaded on first use: 11 MiB per process

            found = Draft7Validator(entry.schema, format_checker=format_checker())
            self._validators[id(entry)] = found
        return found

    def _bad_type(self, message: dict[str, Any]) -> Finding:
        kind = message.get("type")
        known = join_words(KINDS)
        if "type" not in message:
            action = message.get("action")
            if isinstance(action, str) and action in KINDS:
                return Finding(
                    (),
                    codes.MALFORMED_MESSAGE,
                    f'the message has no "type" (it has the legacy "action": "{action}")',
                    hint=f'rename "action" to "type": "type": "{action}"',
                )
            return Finding(
                (),
                codes.MALFORMED_MESSAGE,
                'the message has no "type"',
                hint=f"add a type: {known}",
            )
        guess = did_you_mean(kind, KINDS) if isinstance(kind, str) else None
        return Finding(
            ("type",),
            codes.MALFORMED_MESSAGE,
            f"type: {show_value(kind)} is not a Segment message type",
            hint=f'did you mean "{guess}"?' if guess else f"use one of {known}",
        )

    def _before_schema(self, kind: str, name: Any, entry: MessageSchema) -> Iterator[Finding]:
        """Unplanned, misnamed and deprecated events: decided by the name alone."""
        if kind != "track" or not isinstance(name, str) or not name:
            return
        if not entry.planned:
            level = self.plan.policy.unplanned_events
            if level is not PolicyLevel.ALLOW:
                guess = self.guess(name, self._event_names)
                hint = f'did you mean "{guess}"?' if guess else "add the event to the plan"
                yield Finding(
                    ("event",),
                    codes.UNPLANNED_EVENT,
                    f"event {show_value(name)} is not in the plan",
                    _LEVEL_SEVERITY[level],
                    hint,
                )
            problem = _event_name_problem(name, self.plan.conventions.events.value)
            if problem is not None:
                yield Finding(
                    ("event",),
                    codes.EVENT_NAMING_IN_DATA,
                    problem.message,
                    Severity.WARNING,
                    problem.hint,
                )
        elif entry.event is not None and entry.event.deprecated:
            replaced = entry.event.replaced_by
            yield Finding(
                ("event",),
                codes.DEPRECATED_EVENT,
                f"event {show_value(name)} is deprecated",
                Severity.WARNING,
                f'send "{replaced}" instead' if replaced else "stop sending it",
            )

    def schema_errors(self, message: dict[str, Any], entry: MessageSchema) -> list[SchemaError]:
        """The draft-07 errors of `message` (jsonschema's, computed by jsonschema-rs if it can)."""
        if self.accelerate:
            if id(entry) not in self._rust:
                try:
                    self._rust[id(entry)] = RustErrors(entry.schema)
                except (ValueError, TypeError):
                    self._rust[id(entry)] = None
            rust = self._rust[id(entry)]
            found = rust.errors(message) if rust is not None else None
            if found is not None:
                return found
        return list(reference_errors(self.validator(entry), message))

    def _schema_findings(self, message: dict[str, Any], entry: MessageSchema) -> Iterator[Finding]:
        seen: set[tuple[str, tuple[PathPart, ...]]] = set()
        for error in self.schema_errors(message, entry):
            if error.validator in ("required", "additionalProperties"):
                key = (error.validator, error.path)
                if key in seen:
                    continue  # these report every key of the object at once
                seen.add(key)
            yield from describe_error(error, entry, self.guess)

    def guess(self, word: str, candidates: Sequence[str]) -> str | None:
        """`did_you_mean`, remembered: the same wrong names come back in every log."""
        key = (word, tuple(candidates))
        if key not in self._guesses:
            if len(self._guesses) > 10_000:
                self._guesses.clear()
            self._guesses[key] = did_you_mean(word, candidates)
        return self._guesses[key]


def describe_error(error: SchemaError, entry: MessageSchema, guess: Guess) -> Iterator[Finding]:
    """The findings one schema error stands for (`required` and `additionalProperties`
    errors name several keys at once: one finding per key)."""
    body = entry.body_key
    where = error.path
    if body and where[:1] == (body,) and (len(where) > 1 or error.validator != "type"):
        yield from _describe_body(error, entry, guess)
    else:
        yield from _describe_envelope(error, entry)


def _describe_body(error: SchemaError, entry: MessageSchema, guess: Guess) -> Iterator[Finding]:
    where = error.path
    validator = error.validator
    value = error.instance
    path = format_path(where)
    if validator == "required":
        present = value if isinstance(value, dict) else {}
        for key in error.validator_value:
            if key not in present:
                at = (*where, key)
                yield Finding(
                    at,
                    codes.MISSING_REQUIRED,
                    f"{format_path(at)} is required but missing",
                    hint=f'send "{key}"',
                )
    elif validator == "type":
        expected = _types(error.validator_value)
        yield Finding(
            where,
            codes.WRONG_TYPE,
            f"{path}: {show_value(value)} is {json_type(value)}, expected {expected}",
        )
    elif validator in ("enum", "const"):
        allowed = error.validator_value if validator == "enum" else [error.validator_value]
        shown = join_words([show_value(v) for v in allowed])
        close = (
            guess(value, [v for v in allowed if isinstance(v, str)])
            if isinstance(value, str)
            else None
        )
        yield Finding(
            where,
            codes.NOT_IN_ENUM,
            f"{path}: {show_value(value)} is not one of {shown}",
            hint=f'did you mean "{close}"?' if close else "",
        )
    elif validator == "additionalProperties":
        if entry.unplanned is PolicyLevel.ALLOW or not isinstance(value, dict):
            return
        planned = list(error.schema.get("properties", {}))
        owner = f'"{entry.name}"' if entry.kind == "track" else entry.label
        for key in value:
            if key in planned:
                continue
            at = (*where, key)
            close = guess(key, planned)
            hint = (
                f'did you mean "{close}"?'
                if close
                else f'add "{key}" to {owner} in the plan, or stop sending it'
            )
            yield Finding(
                at,
                codes.UNPLANNED_PROPERTY,
                f"{format_path(at)} is not in the plan",
                _LEVEL_SEVERITY[entry.unplanned],
                hint,
            )
    else:
        yield Finding(
            where, _CONSTRAINTS.get(validator, codes.CONSTRAINT), _constraint_message(error, path)
        )


def _constraint_message(error: SchemaError, path: str) -> str:
    value = error.instance
    limit = error.validator_value
    shown = show_value(value)
    match error.validator:
        case "pattern":
            return f"{path}: {shown} does not match the pattern {limit}"
        case "format":
            return f"{path}: {shown} is not a valid {limit}"
        case "minLength":
            return f"{path}: {shown} is shorter than {limit} character{'s' if limit != 1 else ''}"
        case "maxLength":
            return f"{path}: {shown} is longer than {limit} character{'s' if limit != 1 else ''}"
        case "minimum":
            return f"{path}: {shown} is less than the minimum {limit}"
        case "maximum":
            return f"{path}: {shown} is greater than the maximum {limit}"
        case "minItems":
            return f"{path}: {len(value)} items, fewer than the minimum {limit}"
        case "maxItems":
            return f"{path}: {len(value)} items, more than the maximum {limit}"
    return f"{path}: breaks `{error.validator}`"


def _describe_envelope(error: SchemaError, entry: MessageSchema) -> Iterator[Finding]:
    where = error.path
    validator = error.validator
    value = error.instance
    path = format_path(where)
    if validator == "required":
        present = value if isinstance(value, dict) else {}
        for key in error.validator_value:
            if key in present:
                continue
            if key == entry.body_key:
                required = error.schema["properties"][key].get("required", [])
                yield Finding(
                    (key,),
                    codes.MISSING_REQUIRED,
                    f"{key} is missing; {entry.label} requires {join_words(required, 'and')}",
                    hint=f"send a {key} object",
                )
            else:
                yield Finding(
                    (key,),
                    codes.MALFORMED_MESSAGE,
                    f'the {entry.kind} message has no "{key}"',
                    hint=f'add "{key}" (the Segment spec requires it)',
                )
    elif validator == "anyOf":
        yield Finding(
            (),
            codes.MALFORMED_MESSAGE,
            "the message has neither a userId nor an anonymousId",
            hint="set userId for a known user, anonymousId for a visitor (a non-empty string)",
        )
    elif validator == "format" and error.validator_value == "date-time":
        yield Finding(
            where,
            codes.MALFORMED_MESSAGE,
            f"{path}: {show_value(value)} is not an ISO-8601 date-time",
            hint=f"write it like {_TIMESTAMP_EXAMPLE}",
        )
    elif validator == "type":
        expected = _types(error.validator_value)
        yield Finding(
            where,
            codes.MALFORMED_MESSAGE,
            f"{path}: {show_value(value)} is {json_type(value)}, expected {expected}",
        )
    elif validator == "minLength":
        yield Finding(where, codes.MALFORMED_MESSAGE, f"{path}: must not be empty")
    else:
        yield Finding(
            where,
            codes.MALFORMED_MESSAGE,
            f"{path or 'message'}: breaks `{validator}` of the envelope",
        )


Guess = Callable[[str, Sequence[str]], "str | None"]


@lru_cache(maxsize=4096)
def _event_name_problem(name: str, convention: str) -> NameProblem | None:
    return check_event_name(name, convention)


def _types(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    words = {"object": "an object", "array": "an array", "null": "null"}
    return join_words([words.get(n, n) for n in names])
