"""The JSON Schema of the plan format (src/trackplan/data/plan.schema.json), the example plan
in plans/ and the example messages in examples/.

The schema is what editors use (YAML language server) to autocomplete and check plan files, so
it must accept every plan the format allows and reject the obvious mistakes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCHEMA_PATH = REPO / "src" / "trackplan" / "data" / "plan.schema.json"
PLANS = REPO / "plans"
EXAMPLES = REPO / "examples"

# The one line of examples/events-with-problems.ndjson that is deliberately not JSON (1-based).
BROKEN_NDJSON_LINE = 11


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def errors(validator: jsonschema.Draft7Validator, plan: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator.iter_errors(plan)
    ]


def plan_format_example() -> str:
    doc = SHARED / "PLAN_FORMAT.md"
    if not doc.is_file():
        pytest.skip(f"{doc} is not available")
    match = re.search(r"```yaml\n(.*?)```", doc.read_text(encoding="utf-8"), re.DOTALL)
    assert match, "PLAN_FORMAT.md has no ```yaml block"
    return match.group(1)


# -- the schema itself ---------------------------------------------------------------------


def test_schema_is_valid_draft7(schema: dict[str, Any]) -> None:
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == "https://trackplan.dev/schemas/plan.schema.json"
    assert schema["title"]


def test_no_key_is_required_at_the_root(schema: dict[str, Any], validator: Any) -> None:
    # A plan may be split across files: any single file may hold any subset of the keys.
    assert "required" not in schema
    assert errors(validator, {}) == []
    assert errors(validator, {"events": {"Order Completed": {"description": "Paid."}}}) == []


def _documented_keys(
    schema: Any, root: dict[str, Any], where: str = "#", seen: set[str] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (location, schema) documenting a key of a mapping: walks `properties`, following
    `$ref`, `items`, `additionalProperties` and `anyOf` so that nested mappings are visited."""
    seen = set() if seen is None else seen
    if not isinstance(schema, dict):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in seen:
            return
        seen.add(ref)
        target = root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        yield from _documented_keys(target, root, ref, seen)
    for name, sub in (schema.get("properties") or {}).items():
        yield f"{where}/{name}", sub
        yield from _documented_keys(sub, root, f"{where}/{name}", seen)
    for key in ("items", "additionalProperties"):
        yield from _documented_keys(schema.get(key), root, f"{where}/{key}", seen)
    for index, sub in enumerate(schema.get("anyOf") or ()):
        yield from _documented_keys(sub, root, f"{where}/anyOf/{index}", seen)


def test_every_key_has_a_description(schema: dict[str, Any]) -> None:
    documented = list(_documented_keys(schema, schema))
    assert len(documented) > 40
    # Also beside a `$ref`: editors show the description written where the key is.
    missing = [where for where, sub in documented if not sub.get("description")]
    assert missing == []
    no_markdown = [where for where, sub in documented if not sub.get("markdownDescription")]
    assert no_markdown == []


def test_known_mappings_are_closed(schema: dict[str, Any]) -> None:
    defs = schema["definitions"]
    assert schema["additionalProperties"] is False
    for name in (
        "propertySpec",
        "event",
        "policy",
        "conventions",
        "traitsSection",
        "propertiesSection",
    ):
        assert defs[name]["additionalProperties"] is False, name
    assert schema["properties"]["common"]["additionalProperties"] is False


def test_property_keys_match_plan_format(schema: dict[str, Any]) -> None:
    """Every key of the Properties table in PLAN_FORMAT.md is in the schema, and no other."""
    doc = SHARED / "PLAN_FORMAT.md"
    if not doc.is_file():
        pytest.skip(f"{doc} is not available")
    section = doc.read_text(encoding="utf-8").split("## Properties", 1)[1].split("\n## ", 1)[0]
    documented = set()
    for cell in re.findall(r"^\| (`[^|]*`) \|", section, re.MULTILINE):
        documented.update(re.findall(r"`([a-z_]+)`", cell))
    assert "type" in documented and "examples" in documented
    assert documented == set(schema["definitions"]["propertySpec"]["properties"])


def test_choice_keys_have_enums(schema: dict[str, Any]) -> None:
    defs = schema["definitions"]
    assert set(defs["typeName"]["enum"]) == {
        "string",
        "number",
        "integer",
        "boolean",
        "object",
        "array",
        "null",
    }
    assert set(defs["propertySpec"]["properties"]["format"]["enum"]) == {
        "date-time",
        "date",
        "email",
        "uri",
        "uuid",
        "ipv4",
        "ipv6",
    }
    assert set(defs["event"]["properties"]["status"]["enum"]) == {"active", "deprecated"}
    for key in ("unplanned_events", "unplanned_properties"):
        assert set(defs["policy"]["properties"][key]["enum"]) == {"error", "warn", "allow"}
    assert "object-action" in defs["conventions"]["properties"]["events"]["enum"]
    assert set(defs["conventions"]["properties"]["properties"]["enum"]) == {
        "snake_case",
        "camelCase",
        "any",
    }


def test_schema_ships_inside_the_package() -> None:
    # The wheel includes src/trackplan/** so `trackplan` can hand the schema to users.
    from importlib.resources import files

    shipped = files("trackplan") / "data" / "plan.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8"))["$id"].endswith("plan.schema.json")


# -- plans that must validate --------------------------------------------------------------


PLAN_FILES = sorted(p for p in PLANS.rglob("*") if p.suffix in (".yaml", ".yml"))


def test_the_example_plan_is_split_in_several_files() -> None:
    assert len(PLAN_FILES) >= 3


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_example_plan_files_validate(validator: Any, path: Path) -> None:
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(plan, dict)
    assert errors(validator, plan) == []


def test_plan_format_example_validates(validator: Any) -> None:
    plan = yaml.safe_load(plan_format_example())
    assert "events" in plan
    assert errors(validator, plan) == []


@pytest.mark.parametrize(
    "text",
    [
        "properties: {action: string}",  # shorthand
        "properties: {flag: [boolean, 'null']}",  # shorthand list of types
        "properties: {plan: {}}",  # takes the shared definition
        "properties: {plan: }",  # empty value, same
        "events: {Order Completed: {properties: {revenue: {required: true}}}}",
        "events: {Order Completed: }",  # an event with no keys yet
        "properties: {x: {type: [string, 'null']}}",
        "properties: {x: {type: [string, null]}}",  # bare null in a list: null type
        "properties: {x: {type: array, items: string}}",
        "properties: {x: {type: array, items: {type: object, properties: {y: integer}}}}",
        "properties: {x: {type: object, properties: {y: {type: object, properties: {z: {}}}}}}",
        "properties: {x: {type: string, enum: [a, b], examples: [a]}}",
        "properties: {x: {type: number, minimum: 0, maximum: 1.5}}",
        "properties: {x: {type: string, min_length: 0, max_length: 10, pattern: '^a'}}",
        "properties: {x: {type: array, min_items: 1, max_items: 3}}",
        "properties: {x: {type: string, format: uuid, pii: true, deprecated: false}}",
        "bundles: {commerce: [revenue, currency]}",
        "common: {properties: {feature_area: string}}",
        "identify: {traits: {email: {required: true}}}",
        "group: {traits: {name: string}}",
        "page: {properties: {path: {type: string, required: true}}}",
        "screen: {properties: {name: string}}",
        "pages: {Pricing: {properties: {plan_shown: string}}}",
        "screens: {Home: {properties: {tab: string}}}",
        "conventions: {events: object-action, properties: camelCase}",
        "policy: {unplanned_events: warn, unplanned_properties: allow}",
        "events: {Old Event: {status: deprecated, replaced_by: New Event, tags: [x]}}",
        "events: {E Happened: {unplanned_properties: allow, bundles: [b], owner: team}}",
        "version: 1.0.0-rc.1",
    ],
)
def test_good_snippets_are_accepted(validator: Any, text: str) -> None:
    assert errors(validator, yaml.safe_load(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "evnts: {}",  # unknown root key
        "properties: {revenue: {type: nmber}}",  # unknown type
        "properties: {revenue: nmber}",  # unknown type, shorthand
        "properties: {revenue: {type: [number, nmber]}}",  # unknown type in a list
        "events: {E Happened: {properties: {x: {required: 'yes'}}}}",
        "properties: {x: {type: string, requried: true}}",  # unknown property key
        "properties: {x: {type: string, format: phone}}",  # unknown format
        "properties: {x: {type: string, enum: []}}",  # empty enum
        "properties: {x: {type: string, min_length: -1}}",
        "properties: {x: {type: string, pii: 'yes'}}",
        "properties: {x: {type: array, items: {type: strng}}}",  # recursive check of items
        "properties: {x: {type: object, properties: {y: {tpye: string}}}}",
        "properties: {x: 3}",
        "events: {E Happened: {status: removed}}",
        "events: {E Happened: {owners: [growth]}}",  # unknown event key
        "events: {E Happened: {unplanned_properties: ignore}}",
        "policy: {unplanned_events: fail}",
        "policy: {unplanned_evnts: error}",
        "conventions: {properties: kebab-case}",
        "common: {traits: {x: string}}",
        "identify: {properties: {x: string}}",  # identify has traits
        "page: {traits: {x: string}}",  # page has properties
        "pages: {Pricing: {propertys: {}}}",
        "bundles: {commerce: {revenue: {}}}",
        "version: 3.2",  # a YAML number, not semver
        "version: '3.2'",
        "plan: 3",
    ],
)
def test_bad_snippets_are_rejected(validator: Any, text: str) -> None:
    assert errors(validator, yaml.safe_load(text)) != []


# -- example messages parse ----------------------------------------------------------------


FIXTURES = sorted(p for p in (EXAMPLES / "fixtures").rglob("*") if p.is_file())


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_fixture_files_parse(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) if path.suffix in (".yaml", ".yml") else json.loads(text)
    messages = data if isinstance(data, list) else [data]
    assert messages
    for message in messages:
        assert isinstance(message, dict)
        assert message.get("type") in {"track", "identify", "group", "page", "screen"}


def test_fixture_folders_are_populated() -> None:
    valid = [p for p in FIXTURES if p.parent.name == "valid"]
    invalid = [p for p in FIXTURES if p.parent.name == "invalid"]
    assert any(p.suffix == ".yaml" for p in valid)
    assert len(invalid) >= 8


def _ndjson_lines(path: Path) -> list[tuple[int, str]]:
    return [
        (number, line)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    ]


def test_events_ndjson_lines_are_json_messages() -> None:
    lines = _ndjson_lines(EXAMPLES / "events.ndjson")
    assert len(lines) >= 30
    for number, line in lines:
        message = json.loads(line)
        assert isinstance(message, dict), number
        assert message["type"] in {"track", "identify", "group", "page"}, number
        assert message.get("userId") or message.get("anonymousId"), number


def test_events_with_problems_has_exactly_one_broken_line() -> None:
    path = EXAMPLES / "events-with-problems.ndjson"
    raw = path.read_text(encoding="utf-8").splitlines()
    assert any(not line.strip() for line in raw), "the blank line is part of the example"
    broken = []
    for number, line in _ndjson_lines(path):
        try:
            json.loads(line)
        except json.JSONDecodeError:
            broken.append(number)
    assert broken == [BROKEN_NDJSON_LINE]
