"""Every command's JSON summary uses snake_case keys (docs/json-output.md documents them)."""

from __future__ import annotations

import json
import re

import pytest
from tests.conftest import REPO, run_cli

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
PLAN = str(REPO / "plans")
LOG = str(REPO / "examples" / "events.ndjson")

COMMANDS = {
    "lint": (["lint", PLAN], "stdout"),
    "validate": (["validate", PLAN, LOG], "stdout"),
    "fmt": (["fmt", PLAN, "--check"], "stdout"),
    "compile": (["compile", PLAN, "--check", "--out", str(REPO / "schemas")], "stdout"),
    "scan": (["scan", PLAN, str(REPO / "examples" / "app")], "stdout"),
    "infer": (["infer", LOG], "stderr"),
    "export": (["export", "segment", PLAN], "stderr"),
    "import": (
        ["import", "segment", str(REPO / "tests/interop/data/kitchen-sink.public-api.json")],
        "stderr",
    ),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_summary_keys_are_snake_case(name: str) -> None:
    args, stream = COMMANDS[name]
    run = run_cli(*args, "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    report = json.loads(getattr(run, stream))
    bad = [key for key in report["summary"] if not SNAKE.match(key)]
    assert not bad, f"{name}: summary keys not in snake_case: {bad}"
