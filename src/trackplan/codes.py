"""Every diagnostic code outside the lint rules: its name and one-line summary (TP1xx, TP3xx–TP6xx).

Lint rules (TP2xx) document themselves in their modules; `all_codes()` joins both.
"""

from __future__ import annotations

from trackplan.reporting import RuleInfo

_FIXED = (
    # TP1xx: the plan does not load or is malformed.
    ("TP101", "unknown-key", "A key the plan format does not define (with a did-you-mean)."),
    (
        "TP102",
        "wrong-value",
        "A key's value has the wrong shape (a list where text is expected, …).",
    ),
    ("TP103", "unknown-type", "A property type that is not a JSON type (`nmber` → `number`)."),
    (
        "TP104",
        "duplicate-definition",
        "An event, shared property, bundle or section defined twice.",
    ),
    ("TP105", "no-definition", "A property with no `type` and no shared definition of its name."),
    ("TP106", "unknown-reference", "A bundle or shared property named but never defined."),
    (
        "TP107",
        "invalid-choice",
        "A value outside its choices (format, status, policy, convention).",
    ),
    ("TP108", "invalid-version", "The plan's `version` is not MAJOR.MINOR.PATCH."),
    # TP3xx: an event message breaks the plan (validate).
    ("TP301", "unplanned-event", "The message's event name is not in the plan."),
    ("TP302", "missing-required", "A required property or trait is missing."),
    ("TP303", "wrong-type", "A value has the wrong type."),
    ("TP304", "not-in-enum", "A value is not one of the enum's values."),
    ("TP305", "constraint", "A value breaks a pattern, format, length or range constraint."),
    ("TP306", "unplanned-property", "A property the event does not plan."),
    ("TP307", "malformed-message", "The message is malformed for the Segment spec."),
    ("TP308", "invalid-json", "The line or file is not valid JSON (or YAML)."),
    ("TP309", "deprecated-event", "The event is deprecated."),
    ("TP310", "event-naming-in-data", "An unplanned event name breaks the naming convention."),
    (
        "TP311",
        "fixture-expectation",
        "A fixture does not produce what it expects (valid/, invalid/, `expect:`).",
    ),
    (
        "TP312",
        "no-messages",
        "An input holds no messages (an empty log, a folder or glob without message files).",
    ),
    # TP4xx: a call found in source code (scan).
    ("TP401", "unknown-call-event", "The call's event is not in the plan."),
    ("TP402", "call-missing-required", "A required property is missing from a literal object."),
    ("TP403", "call-wrong-value", "A literal value has the wrong type, or is outside the enum."),
    ("TP404", "unresolved-event", "The event name is not a literal or a resolvable constant."),
    ("TP405", "never-called", "A planned event is never called in the scanned code."),
    ("TP406", "call-event-naming", "The call's event name breaks the naming convention."),
    (
        "TP407",
        "call-unplanned-property",
        "A literal object has a property the event does not plan.",
    ),
    ("TP408", "unreadable-source", "A source file could not be read, decoded or parsed."),
    # TP5xx: plan changes (diff). TP501–TP509 are breaking; TP550–TP554 compatible (info).
    ("TP501", "event-removed", "An event, or a named page or screen, was removed."),
    ("TP502", "property-removed", "A property or trait was removed (or renamed), at any depth."),
    ("TP503", "property-now-required", "A property became required, or was added as required."),
    ("TP504", "type-changed", "A property's type was narrowed or changed."),
    ("TP505", "enum-narrowed", "Enum values were removed, or an enum was added where none was."),
    ("TP506", "constraint-tightened", "A pattern, format, bound or items got stricter."),
    ("TP507", "policy-stricter", "An `unplanned_*` policy was made stricter."),
    ("TP508", "deprecated-without-replacement", "An event was deprecated without `replaced_by`."),
    ("TP509", "version-not-bumped", "The plan's `version` was not bumped enough."),
    ("TP550", "added", "An event, an optional property or a named page was added."),
    ("TP551", "relaxed", "A type widened, enum value added or constraint relaxed."),
    ("TP552", "deprecation", "An event deprecated with `replaced_by`, or a property."),
    ("TP553", "documentation", "Descriptions, owners, tags, examples or pii changed."),
    ("TP554", "library", "A shared property or bundle was added, removed or changed."),
    # TP6xx: generated files out of date (compile --check).
    ("TP601", "stale-schema", "A compiled schema differs from what the plan compiles to."),
    ("TP602", "missing-schema", "A schema the plan compiles to is missing."),
    ("TP603", "extra-schema", "A schema file the plan does not produce."),
    ("TP604", "unformatted-plan", "A plan file is not in the form `trackplan fmt` writes."),
    # TP7xx: import and export (what the other format cannot carry).
    ("TP701", "cannot-express", "A keyword or value the target format cannot express was dropped."),
    (
        "TP702",
        "name-collision",
        "Two definitions claim one name: the newest kept, or both renamed.",
    ),
    ("TP703", "skipped-input", "A part of the input that is not an event definition was skipped."),
    # TP8xx: names seen in data (infer); TP310 covers event names.
    (
        "TP801",
        "property-naming-in-data",
        "A property or trait name in the data breaks the convention.",
    ),
    ("TP802", "near-duplicate-in-data", "Two names in the data look like one name written twice."),
    (
        "TP803",
        "inference-incomplete",
        "Part of the data was left out of the draft (a limit was reached).",
    ),
)

CODE_DOCS: dict[str, RuleInfo] = {
    code: RuleInfo(code, name, summary) for code, name, summary in _FIXED
}


def register(infos: dict[str, RuleInfo]) -> None:
    """Add the codes of another family (lint rules, diff changes) to the shared table."""
    CODE_DOCS.update(infos)
