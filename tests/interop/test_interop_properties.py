"""JSON Schema property → plan spec, case by case (cases/properties.yaml), and spec → schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from trackplan.interop.findings import Findings
from trackplan.interop.properties import SchemaReader, schema_from_property
from trackplan.loading.loader import load_plan_texts
from trackplan.model import PolicyLevel

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "properties.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_property_case(case: dict[str, Any]) -> None:
    findings = Findings("in.json")
    reader = SchemaReader(findings, "Event", root=case.get("root", {}), closed=case.get("closed"))
    assert reader.read_spec(case["schema"], "p") == case["spec"]
    assert [d.code for d in findings.diagnostics()] == case.get("warnings", [])
    assert all(d.event == "Event" and d.path.startswith("p") for d in findings.diagnostics())


def test_every_case_spec_loads_as_a_plan_property() -> None:
    events = {
        f"E{i}": {"properties": {"p": case["spec"]}}
        for i, case in enumerate(CASES)
        if case["spec"] is not None
    }
    result = load_plan_texts([("p.yaml", yaml.safe_dump({"events": events}))])
    assert result.diagnostics == ()


def test_writing_back_is_what_compile_writes_plus_deprecated() -> None:
    plan = load_plan_texts(
        [
            (
                "p.yaml",
                "events:\n  E:\n    properties:\n"
                "      p: {type: object, properties: {q: {type: string, deprecated: true}}}\n",
            )
        ]
    ).plan
    schema = schema_from_property(plan.events[0].properties[0], PolicyLevel.ERROR)
    assert schema == {
        "type": "object",
        "properties": {"q": {"type": "string", "deprecated": True}},
        "additionalProperties": False,
    }
