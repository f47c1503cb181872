"""`import segment` / `export segment`: every shape, golden output, and what carries over."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO, run_cli, write
from tests.interop.helpers import load_text, without_header

from trackplan.compiling.schemas import compile_plan
from trackplan.loading.loader import load_plan

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    """Compare with golden/<name>; `TRACKPLAN_UPDATE_GOLDEN=1` rewrites it (review the diff)."""
    path = GOLDEN / name
    if os.environ.get("TRACKPLAN_UPDATE_GOLDEN") == "1":
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"missing {path}; run with TRACKPLAN_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_bytes().decode("utf-8")


def test_kitchen_sink_matches_golden_yaml_and_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    result = run_cli("import", "segment", "kitchen-sink.public-api.json")
    assert result.exit_code == 0
    assert_golden("kitchen-sink.yaml", result.stdout)
    assert_golden("kitchen-sink.warnings.txt", result.stderr)
    load_text(result.stdout)


def test_kitchen_sink_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = run_cli("import", "segment", str(DATA / "kitchen-sink.public-api.json"))
    write(tmp_path / "plan.yaml", first.stdout)
    exported = run_cli("export", "segment", "plan.yaml")
    assert exported.exit_code == 0 and "No problems found." in exported.stderr
    document = json.loads(exported.stdout)
    (tmp_path / "export.json").write_text(exported.stdout, encoding="utf-8")
    again = run_cli("import", "segment", "export.json")
    assert without_header(again.stdout) == without_header(first.stdout)
    rules = {(r["type"], r.get("key")): r for r in document["rules"]}
    labels = rules[("TRACK", "42_--terrible==\\\"event'++name~!3")]["jsonSchema"]["labels"]
    assert labels == {"status": "deprecated"}
    order = rules[("TRACK", "Order Completed")]["jsonSchema"]
    assert order["labels"] == {"owner": "growth", "area": "checkout", "revenue": ""}
    # Segment checks each rule alone: the track rule repeats the common property.
    assert "app_version" in order["properties"]["properties"]["properties"]
    assert [r["type"] for r in document["rules"]][:2] == ["COMMON", "TRACK"]


def _config_plan() -> dict[str, Any]:
    message = {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "type": "object",
        "properties": {
            "context": {},
            "traits": {},
            "properties": {
                "type": "object",
                "properties": {"product": {"type": ["string"]}},
                "required": ["product"],
            },
        },
        "required": ["properties"],
    }
    return {
        "name": "workspaces/acme/tracking-plans/rs_1",
        "display_name": "Kicks App",
        "rules": {
            "events": [
                {"name": "Product Viewed", "description": "Who looked at what", "rules": message},
                {"name": "Product Viewed", "version": 2, "rules": message},
            ],
            "global": {
                "properties": {
                    "context": {"type": "object", "required": ["library"]},
                    "properties": {"properties": {"locale": {"type": "string"}}},
                }
            },
            "identify": {"properties": {"traits": {"properties": {"age": {"type": ["number"]}}}}},
            "identify_traits": [
                {"name": "email", "description": "Work email.", "rules": {"type": "string"}},
                {"name": "age", "rules": {"type": "string"}},
            ],
            "group_traits": [
                {
                    "name": "group rule",
                    "rules": {
                        "properties": {"traits": {"properties": {"size": {"type": "integer"}}}}
                    },
                }
            ],
        },
    }


def test_config_api_shape(tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    source.write_text(json.dumps(_config_plan()), encoding="utf-8")
    result = run_cli("import", "segment", str(source), "--format", "json")
    assert result.exit_code == 0
    plan = load_text(result.stdout).plan
    assert plan.name == "Kicks App"
    assert [e.name for e in plan.events] == ["Product Viewed"]
    product = plan.events[0].property("product")
    assert product is not None and product.required and product.types == ("string",)
    assert [p.name for p in plan.common] == ["locale"]
    assert plan.identify is not None
    assert [p.name for p in plan.identify.properties] == ["age", "email"]
    assert plan.identify.property("email").description == "Work email."  # type: ignore[union-attr]
    assert plan.group is not None and plan.group.property("size") is not None
    codes = [d["code"] for d in json.loads(result.stderr)["diagnostics"]]
    # context rules of `global`, version 1 skipped, the second `age` trait.
    assert sorted(codes) == ["TP701", "TP702", "TP702"]


@pytest.mark.parametrize(
    "wrap",
    [
        lambda rules: rules,
        lambda rules: {"data": {"rules": rules}},
        lambda rules: {"data": {"trackingPlan": {"name": "Wrapped", "rules": rules}}},
    ],
    ids=["bare list", "list-rules response", "get-plan response"],
)
def test_public_api_envelopes(tmp_path: Path, wrap: Any) -> None:
    rules = [{"type": "TRACK", "key": "Signed Up", "version": 1, "jsonSchema": {"properties": {}}}]
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(wrap(rules)), encoding="utf-8")
    result = run_cli("import", "segment", str(source))
    assert result.exit_code == 0, result.stderr
    assert [e.name for e in load_text(result.stdout).plan.events] == ["Signed Up"]


def test_typewriter_plan_json(tmp_path: Path) -> None:
    source = write(
        tmp_path / "plan.json",
        '{"name": "T", "events": [{"name": "Feed Viewed", "rules": {"properties": {"properties":'
        ' {"properties": {"id": {"type": "string"}}, "required": ["id"]}}}}]}',
    )
    result = run_cli("import", "segment", str(source))
    assert "Typewriter plan.json" in result.stdout
    event = load_text(result.stdout).plan.events[0]
    assert event.name == "Feed Viewed" and event.properties[0].required


def test_export_of_the_example_plan_compiles_to_the_same_schemas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    exported = run_cli("export", "segment", "plans", "--format", "json")
    assert exported.exit_code == 0
    warnings = json.loads(exported.stderr)["diagnostics"]
    assert {d["code"] for d in warnings} == {"TP701"}
    messages = " ".join(d["message"] for d in warnings)
    assert "version 2.4.0" in messages and "pii: true" in messages
    assert all(d["file"] and d["line"] for d in warnings)
    source = tmp_path / "segment.json"
    source.write_text(exported.stdout, encoding="utf-8")
    again = run_cli("import", "segment", str(source))
    reimported = load_text(again.stdout).plan
    original = load_plan(REPO / "plans").plan
    before = {c.file: c.schema for c in compile_plan(original)}
    after = {c.file: c.schema for c in compile_plan(reimported)}
    assert before == after


def test_export_writes_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "p.yaml", "plan: P\nevents:\n  Signed Up: {owner: growth, tags: [a:b, c]}\n")
    result = run_cli("export", "segment", "p.yaml", "--out", "out/tp.json")
    assert result.exit_code == 0
    assert "wrote out/tp.json" in result.stderr
    rule = json.loads((tmp_path / "out" / "tp.json").read_text())["rules"][0]
    assert rule["key"] == "Signed Up" and rule["type"] == "TRACK" and rule["version"] == 1
    assert rule["jsonSchema"]["labels"] == {"owner": "growth", "a": "b", "c": ""}
    again = run_cli("export", "segment", "p.yaml", "--out", "out/tp.json")
    assert again.exit_code == 0  # an export is generated: it is replaced


def test_export_refuses_a_plan_that_does_not_load(tmp_path: Path) -> None:
    plan = write(tmp_path / "p.yaml", "events:\n  A:\n    properties:\n      x: {tpye: string}\n")
    result = run_cli("export", "segment", str(plan))
    assert result.exit_code == 2
    assert "p.yaml:4:7: TP1" in result.stderr and result.stdout == ""
