"""`compile`: draft-07 schemas of whole messages, deterministic, and `--check` on a stale folder."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from tests.conftest import REPO, run_cli, write

from trackplan.compiling.schemas import compile_plan, compiled_files, slugify
from trackplan.loading.loader import load_plan, load_plan_texts
from trackplan.model import Plan

PLAN = """
plan: Shop
version: 1.0.0
policy:
  unplanned_properties: error
properties:
  revenue: {type: number, minimum: 0, description: Amount.}
common:
  properties:
    experiment_id: {type: [string, "null"], enum: [a, b]}
events:
  Order Completed:
    description: An order was paid.
    properties:
      revenue: {required: true}
      coupon: {type: string, pattern: "^[A-Z]+$"}
      products:
        type: array
        items:
          type: object
          properties:
            sku: {type: string, required: true}
            price: {type: number}
      shipping:
        type: object
        properties:
          method: {type: string, enum: [ground, air]}
  Event Collided: {}
  event_collided: {}
identify:
  traits:
    email: {type: string, format: email, required: true}
group:
  traits:
    name: {type: string}
page:
  properties:
    path: {type: string, required: true}
pages:
  Pricing:
    properties:
      plan_shown: {type: string}
"""


def _plan() -> Plan:
    result = load_plan_texts([("p.yaml", PLAN)])
    assert result.diagnostics == ()
    return result.plan


def _schema(plan: Plan, name: str) -> dict:  # type: ignore[type-arg]
    return next(c.schema for c in compile_plan(plan) if c.name == name)


def _valid(schema: dict, message: dict) -> bool:  # type: ignore[type-arg]
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    return validator.is_valid(message)


def test_every_schema_is_valid_draft_07() -> None:
    for compiled in compile_plan(_plan()):
        jsonschema.Draft7Validator.check_schema(compiled.schema)
        assert compiled.schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_files_are_named_by_slug_and_collisions_get_a_hash() -> None:
    files = sorted(compiled_files(_plan()))
    assert "track/order-completed.json" in files
    collided = [f for f in files if f.startswith("track/event-collided")]
    assert len(collided) == 2 and all(len(f) > len("track/event-collided.json") for f in collided)
    assert {"identify.json", "group.json", "page.json", "page/pricing.json", "index.json"} <= set(
        files
    )
    assert slugify("42_--terrible==\"event'++name~!3") == "42-terrible-event-name-3"


def test_schema_validates_a_whole_message() -> None:
    schema = _schema(_plan(), "Order Completed")
    good = {
        "type": "track",
        "event": "Order Completed",
        "userId": "u1",
        "timestamp": "2024-05-01T10:00:00Z",
        "context": {"ip": "1.2.3.4"},
        "properties": {
            "revenue": 5,
            "experiment_id": None,
            "products": [{"sku": "A", "price": 2.5}],
            "shipping": {"method": "air"},
        },
    }
    assert _valid(schema, good)
    bad_cases = [
        {**good, "properties": {"products": []}},  # revenue missing
        {**good, "properties": {**good["properties"], "revenue": "5"}},  # wrong type
        {**good, "properties": {**good["properties"], "revenue": -1}},  # below minimum
        {**good, "properties": {**good["properties"], "extra": 1}},  # unplanned (policy error)
        {
            **good,
            "properties": {**good["properties"], "products": [{"sku": "A", "x": 1}]},
        },  # nested
        {**good, "properties": {**good["properties"], "shipping": {"method": "sea"}}},  # enum
        {**good, "properties": {**good["properties"], "experiment_id": "c"}},  # enum (nullable)
        {**good, "properties": {**good["properties"], "coupon": "abc"}},  # pattern
        {key: v for key, v in good.items() if key != "userId"},  # no identity
        {**good, "userId": None},  # null identity and no anonymousId
        {**good, "type": "page"},
        {**good, "event": "Order completed"},  # case-sensitive name
        {**good, "timestamp": "yesterday"},
        {key: v for key, v in good.items() if key != "properties"},  # required props absent
    ]
    for message in bad_cases:
        assert not _valid(schema, message), message


def test_identify_group_and_named_page() -> None:
    plan = _plan()
    identify = next(c.schema for c in compile_plan(plan) if c.file == "identify.json")
    assert _valid(identify, {"type": "identify", "anonymousId": "a", "traits": {"email": "a@b.co"}})
    assert not _valid(
        identify, {"type": "identify", "anonymousId": "a", "traits": {"email": "nope"}}
    )
    group = next(c.schema for c in compile_plan(plan) if c.file == "group.json")
    assert not _valid(group, {"type": "group", "userId": "u", "traits": {}})  # groupId missing
    pricing = next(c.schema for c in compile_plan(plan) if c.file == "page/pricing.json")
    page = {
        "type": "page",
        "userId": "u",
        "name": "Pricing",
        "properties": {"path": "/p", "plan_shown": "pro"},
    }
    assert _valid(pricing, page)
    assert not _valid(pricing, {**page, "properties": {"plan_shown": "pro"}})  # path from `page:`


def test_same_plan_gives_same_bytes(tmp_path: Path) -> None:
    first = compiled_files(_plan())
    second = compiled_files(_plan())
    assert first == second
    index = json.loads(first["index.json"])
    assert index["plan"] == "Shop" and len(index["schemas"]) == len(first) - 1


def test_compile_cli_writes_then_check_catches_stale_missing_and_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plans" / "plan.yaml", PLAN)
    result = run_cli("compile", "plans", "--out", "schemas")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "schemas" / "track" / "order-completed.json").is_file()
    assert run_cli("compile", "plans", "--out", "schemas", "--check").exit_code == 0

    (tmp_path / "schemas" / "group.json").unlink()
    (tmp_path / "schemas" / "track" / "order-completed.json").write_text("{}\n")
    (tmp_path / "schemas" / "track" / "old-event.json").write_text("{}\n")
    result = run_cli("compile", "plans", "--out", "schemas", "--check", "--format", "json")
    assert result.exit_code == 1
    found = {(d["code"], d["file"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert found == {
        ("TP601", "schemas/track/order-completed.json"),
        ("TP602", "schemas/group.json"),
        ("TP603", "schemas/track/old-event.json"),
    }
    # compiling again repairs the folder and removes the left-over file
    assert run_cli("compile", "plans", "--out", "schemas").exit_code == 0
    assert not (tmp_path / "schemas" / "track" / "old-event.json").exists()
    assert run_cli("compile", "plans", "--out", "schemas", "--check").exit_code == 0


def test_compile_refuses_a_broken_plan_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plan.yaml", "events:\n  A B:\n    properties:\n      x: nmber\n")
    result = run_cli("compile", "plan.yaml", "--out", "out")
    assert result.exit_code == 2
    assert "plan.yaml:4:10: TP103" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_example_plan_compiles_to_valid_schemas() -> None:
    result = load_plan(REPO / "plans")
    assert result.diagnostics == ()
    for compiled in compile_plan(result.plan):
        jsonschema.Draft7Validator.check_schema(compiled.schema)


@pytest.mark.parametrize(
    "command", [("compile", "plan.yaml", "--out", "out"), ("export", "segment", "plan.yaml")]
)
def test_nan_or_infinity_is_refused_not_written_as_invalid_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "plan.yaml",
        "events:\n  A Done:\n    properties:\n      x: {type: number, minimum: .inf}\n",
    )
    result = run_cli(*command)
    assert result.exit_code == 2
    assert "NaN or infinity" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
