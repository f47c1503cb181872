"""`trackplan check`: every configured step as one report and one exit code, in a real repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import run_cli, write

PLAN = """
plan: Shop
version: 1.0.0
properties:
  revenue: {type: number, minimum: 0, description: Amount charged.}
events:
  Order Completed:
    description: An order was paid.
    properties:
      revenue: {required: true}
      coupon: {type: string, description: Code used.}
"""

CONFIG = """
[tool.trackplan]
plan = "plans"
schemas = "schemas"
fixtures = ["fixtures"]
sources = ["web"]
"""

GOOD_MESSAGE = {
    "type": "track",
    "event": "Order Completed",
    "userId": "u1",
    "properties": {"revenue": 12.5},
}

GOOD_SOURCE = "analytics.track('Order Completed', { revenue: 10, coupon: 'X' });\n"


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", CONFIG)
    write(tmp_path / "plans" / "plan.yaml", PLAN)
    write(tmp_path / "fixtures" / "order.json", json.dumps(GOOD_MESSAGE))
    write(tmp_path / "web" / "checkout.js", GOOD_SOURCE)
    assert run_cli("compile").exit_code == 0
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "plan")
    return tmp_path


def _check(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = run_cli("check", "--format", "json", "--jobs", "1", *args)
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


def test_all_well_exits_0_and_every_step_ran(project: Path) -> None:
    code, report = _check("--diff-base", "main")
    assert code == 0, report["diagnostics"]
    steps = report["summary"]["steps"]
    assert set(steps) == {"lint", "compile", "validate", "scan", "diff"}
    assert not any(detail.startswith("skipped") for detail in steps.values()), steps


def test_problems_in_every_step_exit_1_naming_each(project: Path) -> None:
    # lint: a badly named event; compile: schemas now stale; diff: a breaking change
    write(
        project / "plans" / "plan.yaml",
        PLAN.replace("coupon: {type: string", "coupon: {type: integer")
        + "  order_refunded:\n    description: Money back.\n",
    )
    write(project / "fixtures" / "bad.json", json.dumps({**GOOD_MESSAGE, "properties": {}}))
    write(project / "web" / "bad.js", "analytics.track('Order Shipped', {});\n")
    code, report = _check("--diff-base", "main")
    assert code == 1
    codes = {d["code"] for d in report["diagnostics"]}
    assert {"TP201", "TP601", "TP302", "TP401", "TP504"} <= codes, codes


def test_without_config_lints_plans_and_skips_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plans" / "plan.yaml", PLAN)
    code, report = _check()
    assert code == 0
    steps = report["summary"]["steps"]
    assert steps["lint"].startswith("0 errors")
    assert all(steps[s].startswith("skipped") for s in ("compile", "validate", "scan", "diff"))


def test_broken_plan_stops_after_lint(project: Path) -> None:
    write(project / "plans" / "plan.yaml", PLAN.replace("type: number", "type: nmber"))
    code, report = _check()
    assert code == 1
    assert [d["code"] for d in report["diagnostics"]] == ["TP103"]
    assert report["summary"]["steps"]["validate"].startswith(
        "skipped: the plan has structural errors"
    )


def test_sarif_file_is_written_beside_the_chosen_format(project: Path) -> None:
    write(project / "web" / "bad.js", "analytics.track('Order Shipped', {});\n")
    result = run_cli(
        "check", "--format", "github", "--sarif-file", "out/trackplan.sarif", "--jobs", "1"
    )
    assert result.exit_code == 1
    assert "::error file=web/bad.js" in result.stdout
    sarif = json.loads((project / "out" / "trackplan.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    assert any(r["ruleId"] == "TP401" for r in sarif["runs"][0]["results"])


def test_unknown_diff_base_exits_2(project: Path) -> None:
    result = run_cli("check", "--diff-base", "no-such-branch")
    assert result.exit_code == 2
    assert "no-such-branch" in result.stderr and "Traceback" not in result.stderr


def test_fixtures_failing_as_expected_are_counted_not_reported(project: Path) -> None:
    bad = {**GOOD_MESSAGE, "properties": {}}
    write(project / "fixtures" / "invalid" / "missing-revenue.json", json.dumps(bad))
    code, report = _check()
    assert code == 0
    assert report["diagnostics"] == []
    assert "1 of 1 fixture expectations met" in report["summary"]["steps"]["validate"]
    # a fixture under invalid/ that passes is a real finding
    write(project / "fixtures" / "invalid" / "passes.json", json.dumps(GOOD_MESSAGE))
    code, report = _check()
    assert code == 1
    assert [d["code"] for d in report["diagnostics"]] == ["TP311"]
