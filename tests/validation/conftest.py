"""Helpers for the validate tests: a small plan, messages, and running the command for JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import run_cli, write

PLAN = """
plan: Test
version: 1.0.0
conventions: {events: object-action, properties: snake_case}
policy: {unplanned_events: error, unplanned_properties: error}
properties:
  plan: {type: string, enum: [free, pro]}
  revenue: {type: number, minimum: 0}
  currency: {type: string, pattern: "^[A-Z]{3}$"}
  email: {type: string, format: email}
common:
  properties:
    experiment_id: {type: [string, "null"]}
events:
  Order Completed:
    properties:
      order_id: {type: string, required: true}
      revenue: {required: true}
      currency: {}
      quantity: {type: integer, minimum: 1}
      items:
        type: array
        items:
          type: object
          properties:
            sku: {type: string, required: true}
            price: {type: number, minimum: 0}
  Feature Used:
    unplanned_properties: warn
    properties:
      feature: {type: string, required: true}
      meta: {type: object, properties: {source: {type: string}}}
  Signup Started:
    status: deprecated
    replaced_by: Sign Up Started
  Sign Up Started:
    properties:
      plan: {}
identify:
  traits:
    email: {required: true}
    plan: {}
group:
  traits:
    name: {type: string, required: true}
page:
  properties:
    path: {type: string, required: true}
    url: {type: string, format: uri}
pages:
  Pricing:
    properties:
      toggle: {type: string, enum: [monthly, annual]}
"""


def track(event: str = "Order Completed", **properties: Any) -> dict[str, Any]:
    """A conforming track message of the test plan, with `properties` on top."""
    base: dict[str, Any] = {"order_id": "o1", "revenue": 10.5} if event == "Order Completed" else {}
    if event == "Feature Used":
        base = {"feature": "export"}
    base.update(properties)
    return {
        "type": "track",
        "event": event,
        "userId": "u1",
        "timestamp": "2024-03-04T09:12:05.118Z",
        "properties": {k: v for k, v in base.items() if v is not ...},
    }


def ndjson(messages: list[Any]) -> str:
    return "".join((m if isinstance(m, str) else json.dumps(m)) + "\n" for m in messages)


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    write(tmp_path / "plan" / "plan.yaml", PLAN)
    return tmp_path / "plan"


Validate = Callable[..., tuple[int, dict[str, Any]]]


@pytest.fixture
def validate_json(plan_dir: Path) -> Validate:
    """Run `trackplan validate --plan PLAN ARGS --format json`: (exit code, parsed output)."""

    def run(*args: str) -> tuple[int, dict[str, Any]]:
        result = run_cli("validate", "--plan", str(plan_dir), "--format", "json", *args)
        assert "Traceback" not in result.stderr
        try:
            return result.exit_code, json.loads(result.stdout)
        except json.JSONDecodeError:
            raise AssertionError(f"not JSON: {result.stdout!r} {result.stderr!r}") from None

    return run


def codes_by_line(output: dict[str, Any]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for diagnostic in output["diagnostics"]:
        found.setdefault(diagnostic["line"] or 0, []).append(diagnostic["code"])
    return {line: sorted(codes) for line, codes in found.items()}
