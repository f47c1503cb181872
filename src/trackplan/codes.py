"""The one table of every diagnostic code: code, name, family, summary and default severity.

Every stage imports the constants it emits from here; `tests/test_codes.py` forbids `TP` code
literals anywhere else in `src/`. Lint rules (TP2xx) keep their long documentation in their
module docstrings; the table holds their one-line summary too, and a registry test keeps the two
in step. This module imports nothing from the rest of trackplan, so any stage may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Family(StrEnum):
    """The code families: the hundreds digit of a code, selectable as `TP1`, `TP2`, …"""

    LOAD = "load"  # TP1xx: the plan does not load or is malformed
    LINT = "lint"  # TP2xx: plan style and governance
    VALIDATE = "validate"  # TP3xx: an event message breaks the plan
    SCAN = "scan"  # TP4xx: a call in source code breaks the plan
    DIFF = "diff"  # TP5xx: a plan change (TP501–TP549 breaking, TP550+ compatible)
    GENERATED = "generated"  # TP6xx: generated files out of date (compile/fmt/codegen --check)
    INTEROP = "interop"  # TP7xx: import and export losses
    INFER = "infer"  # TP8xx: names seen in data (infer)


@dataclass(frozen=True)
class CodeInfo:
    """One code as users see it in `trackplan rules` and in SARIF rule metadata."""

    code: str
    name: str
    family: Family
    summary: str
    severity: str  # "error" | "warning" | "info": the default, before configuration


_FAMILIES = {
    "1": Family.LOAD,
    "2": Family.LINT,
    "3": Family.VALIDATE,
    "4": Family.SCAN,
    "5": Family.DIFF,
    "6": Family.GENERATED,
    "7": Family.INTEROP,
    "8": Family.INFER,
}


def _code(code: str, name: str, summary: str, severity: str = "error") -> str:
    CODES[code] = CodeInfo(code, name, _FAMILIES[code[2]], summary, severity)
    return code


CODES: dict[str, CodeInfo] = {}


# TP1xx: load
UNKNOWN_KEY = _code(
    "TP101", "unknown-key", "A key the plan format does not define (with a did-you-mean)."
)
WRONG_VALUE = _code(
    "TP102", "wrong-value", "A key's value has the wrong shape (a list where text is expected, …)."
)
UNKNOWN_TYPE = _code(
    "TP103", "unknown-type", "A property type that is not a JSON type (`nmber` → `number`)."
)
DUPLICATE_DEFINITION = _code(
    "TP104", "duplicate-definition", "An event, shared property, bundle or section defined twice."
)
NO_DEFINITION = _code(
    "TP105", "no-definition", "A property with no `type` and no shared definition of its name."
)
UNKNOWN_REFERENCE = _code(
    "TP106", "unknown-reference", "A bundle or shared property named but never defined."
)
INVALID_CHOICE = _code(
    "TP107", "invalid-choice", "A value outside its choices (format, status, policy, convention)."
)
INVALID_VERSION = _code(
    "TP108", "invalid-version", "The plan's `version` is not MAJOR.MINOR.PATCH."
)

# TP2xx: lint
EVENT_NAMING = _code(
    "TP201",
    "event-naming",
    "Event names follow the plan's convention: Object Action, past tense, Title Case.",
)
PROPERTY_NAMING = _code(
    "TP202",
    "property-naming",
    "Property and trait names follow the plan's convention (`snake_case` or `camelCase`), at every depth.",
)
NEAR_DUPLICATE_EVENT = _code(
    "TP203",
    "near-duplicate-event",
    'Two event names that look like one event written twice ("Order Completed" / "order_completed").',
)
NEAR_DUPLICATE_PROPERTY = _code(
    "TP204",
    "near-duplicate-property",
    'Two property names that look like one property written twice ("order_id" / "orderId").',
)
MISSING_DESCRIPTION = _code(
    "TP205",
    "missing-description",
    "Events and shared properties without a `description`.",
    "warning",
)
UNUSED_SHARED_PROPERTY = _code(
    "TP206",
    "unused-shared-property",
    "Shared properties that no event, trait or section uses.",
    "warning",
)
UNUSED_BUNDLE = _code("TP207", "unused-bundle", "Bundles that no event uses.", "warning")
CONFLICTING_PROPERTY_TYPE = _code(
    "TP208",
    "conflicting-property-type",
    "The same property name with different types in different events.",
)
DEPRECATED_WITHOUT_REPLACEMENT = _code(
    "TP209",
    "deprecated-without-replacement",
    "Deprecated events that do not say which event replaces them.",
    "warning",
)
INVALID_REPLACEMENT = _code(
    "TP210",
    "invalid-replacement",
    "`replaced_by` that names no event, the event itself or another deprecated event.",
)
CONTRADICTORY_CONSTRAINT = _code(
    "TP211",
    "contradictory-constraint",
    "Constraints no value can meet, or that can never apply to the property's type.",
)
INVALID_ENUM = _code("TP212", "invalid-enum", "Enum values of the wrong type, or listed twice.")
INVALID_PATTERN = _code(
    "TP213", "invalid-pattern", "`pattern` values that are not valid regular expressions."
)
BACKTRACKING_PATTERN = _code(
    "TP214",
    "backtracking-pattern",
    "`pattern` values that can backtrack catastrophically (`(a+)+`, `(a|a)*`).",
    "warning",
)
UNMARKED_PII = _code(
    "TP215",
    "unmarked-pii",
    "Properties whose names suggest personal data but that are not marked `pii: true`.",
    "warning",
)
UNUSED_SUPPRESSION = _code(
    "TP216",
    "unused-suppression",
    "A `# trackplan: ignore` comment that silences nothing.",
    "warning",
)

# TP3xx: validate
UNPLANNED_EVENT = _code("TP301", "unplanned-event", "The message's event name is not in the plan.")
MISSING_REQUIRED = _code("TP302", "missing-required", "A required property or trait is missing.")
WRONG_TYPE = _code("TP303", "wrong-type", "A value has the wrong type.")
NOT_IN_ENUM = _code("TP304", "not-in-enum", "A value is not one of the enum's values.")
CONSTRAINT = _code(
    "TP305", "constraint", "A value breaks a pattern, format, length or range constraint."
)
UNPLANNED_PROPERTY = _code("TP306", "unplanned-property", "A property the event does not plan.")
MALFORMED_MESSAGE = _code(
    "TP307", "malformed-message", "The message is malformed for the Segment spec."
)
INVALID_JSON = _code("TP308", "invalid-json", "The line or file is not valid JSON (or YAML).")
DEPRECATED_EVENT = _code("TP309", "deprecated-event", "The event is deprecated.", "warning")
EVENT_NAMING_IN_DATA = _code(
    "TP310",
    "event-naming-in-data",
    "An unplanned event name breaks the naming convention.",
    "warning",
)
FIXTURE_EXPECTATION = _code(
    "TP311",
    "fixture-expectation",
    "A fixture does not produce what it expects (valid/, invalid/, `expect:`).",
)
NO_MESSAGES = _code(
    "TP312",
    "no-messages",
    "An input holds no messages (an empty log, a folder or glob without message files).",
    "warning",
)

# TP4xx: scan
UNKNOWN_CALL_EVENT = _code("TP401", "unknown-call-event", "The call's event is not in the plan.")
CALL_MISSING_REQUIRED = _code(
    "TP402", "call-missing-required", "A required property is missing from a literal object."
)
CALL_WRONG_VALUE = _code(
    "TP403", "call-wrong-value", "A literal value has the wrong type, or is outside the enum."
)
UNRESOLVED_EVENT = _code(
    "TP404", "unresolved-event", "The event name is not a literal or a resolvable constant.", "info"
)
NEVER_CALLED = _code(
    "TP405", "never-called", "A planned event is never called in the scanned code.", "warning"
)
CALL_EVENT_NAMING = _code(
    "TP406", "call-event-naming", "The call's event name breaks the naming convention.", "warning"
)
CALL_UNPLANNED_PROPERTY = _code(
    "TP407", "call-unplanned-property", "A literal object has a property the event does not plan."
)
UNREADABLE_SOURCE = _code(
    "TP408", "unreadable-source", "A source file could not be read, decoded or parsed.", "warning"
)

# TP5xx: diff
EVENT_REMOVED = _code("TP501", "event-removed", "An event, or a named page or screen, was removed.")
PROPERTY_REMOVED = _code(
    "TP502", "property-removed", "A property or trait was removed (or renamed), at any depth."
)
PROPERTY_NOW_REQUIRED = _code(
    "TP503", "property-now-required", "A property became required, or was added as required."
)
TYPE_CHANGED = _code("TP504", "type-changed", "A property's type was narrowed or changed.")
ENUM_NARROWED = _code(
    "TP505", "enum-narrowed", "Enum values were removed, or an enum was added where none was."
)
CONSTRAINT_TIGHTENED = _code(
    "TP506", "constraint-tightened", "A pattern, format, bound or items got stricter."
)
POLICY_STRICTER = _code("TP507", "policy-stricter", "An `unplanned_*` policy was made stricter.")
DEPRECATED_WITHOUT_REPLACEMENT_CHANGE = _code(
    "TP508", "deprecated-without-replacement", "An event was deprecated without `replaced_by`."
)
VERSION_NOT_BUMPED = _code(
    "TP509", "version-not-bumped", "The plan's `version` was not bumped enough."
)
ADDED = _code("TP550", "added", "An event, an optional property or a named page was added.", "info")
RELAXED = _code(
    "TP551", "relaxed", "A type widened, enum value added or constraint relaxed.", "info"
)
DEPRECATION = _code(
    "TP552", "deprecated", "An event deprecated with `replaced_by`, or a property.", "info"
)
DOCUMENTATION = _code(
    "TP553", "documentation-changed", "Descriptions, owners, tags, examples or pii changed.", "info"
)
LIBRARY = _code(
    "TP554", "library", "A shared property or bundle was added, removed or changed.", "info"
)

# TP6xx: generated
STALE_SCHEMA = _code(
    "TP601", "stale-schema", "A compiled schema differs from what the plan compiles to."
)
MISSING_SCHEMA = _code("TP602", "missing-schema", "A schema the plan compiles to is missing.")
EXTRA_SCHEMA = _code("TP603", "extra-schema", "A schema file the plan does not produce.")
UNFORMATTED_PLAN = _code(
    "TP604", "unformatted-plan", "A plan file is not in the form `trackplan fmt` writes."
)

# TP7xx: interop
CANNOT_EXPRESS = _code(
    "TP701",
    "cannot-express",
    "A keyword or value the target format cannot express was dropped.",
    "warning",
)
NAME_COLLISION = _code(
    "TP702",
    "name-collision",
    "Two definitions claim one name: the newest kept, or both renamed.",
    "warning",
)
SKIPPED_INPUT = _code(
    "TP703",
    "skipped-input",
    "A part of the input that is not an event definition was skipped.",
    "warning",
)

# TP8xx: infer
PROPERTY_NAMING_IN_DATA = _code(
    "TP801",
    "property-naming-in-data",
    "A property or trait name in the data breaks the convention.",
    "warning",
)
NEAR_DUPLICATE_IN_DATA = _code(
    "TP802",
    "near-duplicate-in-data",
    "Two names in the data look like one name written twice.",
    "warning",
)
INFERENCE_INCOMPLETE = _code(
    "TP803",
    "inference-incomplete",
    "Part of the data was left out of the draft (a limit was reached).",
    "warning",
)


def family_of(code: str) -> Family | None:
    """The family of a code such as "TP301", or None for a code outside the table's families."""
    return _FAMILIES.get(code[2]) if len(code) == 5 and code.startswith("TP") else None
