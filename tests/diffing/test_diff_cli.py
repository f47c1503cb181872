"""`trackplan diff` on the command line: plan folders and files, every output format, bad input.

The golden pair in `pair/old` and `pair/new` (two plan folders) is rendered in every format and
compared with `golden/`; regenerate with `TRACKPLAN_UPDATE_GOLDEN=1 pytest tests/diffing`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests.conftest import run_cli, write

from trackplan.diagnostics import Report
from trackplan.diffing import render_markdown

HERE = Path(__file__).parent
PAIR = HERE / "pair"
GOLDEN = HERE / "golden"
FORMATS = {"text": "txt", "json": "json", "markdown": "md", "sarif": "sarif", "github": "github"}


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("TRACKPLAN_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"missing {path}; run with TRACKPLAN_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_bytes().decode("utf-8")


@pytest.fixture
def in_pair(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(PAIR)
    monkeypatch.setenv("NO_COLOR", "1")
    return PAIR


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_matches_golden(in_pair: Path, fmt: str) -> None:
    result = run_cli("diff", "old", "new", "--format", fmt)
    assert result.exit_code == 1, result.stderr
    assert_golden(f"pair.{FORMATS[fmt]}", result.stdout)


def test_json_holds_the_change_list_and_the_bump(in_pair: Path) -> None:
    summary = json.loads(run_cli("diff", "old", "new", "-f", "json").stdout)["summary"]
    assert summary["bump"] == "major"
    assert summary["required_version"] == "2.0.0"
    assert (summary["breaking"], summary["compatible"]) == (6, 6)
    kinds = {(c["code"], c["kind"], c["bump"]) for c in summary["changes"]}
    assert ("TP502", "breaking", "major") in kinds
    assert ("TP553", "compatible", "patch") in kinds


def test_every_sarif_result_has_a_location(in_pair: Path) -> None:
    log = json.loads(run_cli("diff", "old", "new", "-f", "sarif").stdout)
    results = log["runs"][0]["results"]
    assert results
    for result in results:
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"].endswith(".yaml")
        assert physical["region"]["startLine"] >= 1
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["TP501"]["name"] == "event-removed"


def test_select_ignore_and_fail_on(in_pair: Path) -> None:
    only_info = run_cli("diff", "old", "new", "--ignore", "TP50", "-f", "json")
    assert only_info.exit_code == 0
    assert {d["severity"] for d in json.loads(only_info.stdout)["diagnostics"]} == {"info"}
    strict = run_cli("diff", "old", "new", "--ignore", "TP50", "--fail-on", "info")
    assert strict.exit_code == 1
    markdown = run_cli("diff", "old", "new", "--select", "TP509", "-f", "markdown")
    assert markdown.exit_code == 1
    assert "TP509" in markdown.stdout and "TP502" not in markdown.stdout


def test_single_files_and_the_configured_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "before.yaml", "events:\n  A Done: {}\n")
    write(tmp_path / "plans" / "plan.yaml", "events:\n  A Done: {}\n  B Done: {}\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("diff", "before.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["summary"]["new"] == "plans/"
    assert [(d["code"], d["event"]) for d in document["diagnostics"]] == [("TP550", "B Done")]
    same = run_cli("diff", "plans", "plans")
    assert (same.exit_code, same.stdout.splitlines()[0]) == (0, "No problems found.")


def test_a_plan_that_does_not_load_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.yaml", "events:\n  A Done: {}\n")
    write(tmp_path / "b.yaml", "events:\n  A Done: {propertes: {}}\n")
    write(tmp_path / "c.yaml", "events: [\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("diff", "a.yaml", "b.yaml")
    assert result.exit_code == 2
    assert "b.yaml:2:12: TP101 unknown key 'propertes'" in result.stderr
    result = run_cli("diff", "a.yaml", "c.yaml")
    assert result.exit_code == 2
    assert "c.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_bad_format_is_a_usage_error(in_pair: Path) -> None:
    result = run_cli("diff", "old", "new", "--format", "html")
    assert result.exit_code == 2


def test_help_has_an_example() -> None:
    result = run_cli("diff", "--help")
    assert result.exit_code == 0
    assert "Example: trackplan diff" in result.stdout
    assert "markdown" in result.stdout


def test_markdown_escapes_plan_text() -> None:
    report = Report.build(
        "diff",
        [],
        {"old": "main", "new": "plans/", "bump": "none", "changes": []},
    )
    assert render_markdown(report) == (
        "### Tracking plan changes: no changes\n\n`main` → `plans/`: nothing to report.\n"
    )
    text = run_markdown_with_event("Evil | <b>name</b> `x`")
    assert "Evil \\| \\<b\\>name\\</b\\> \\`x\\`" in text
    assert "<b>" not in text


def run_markdown_with_event(name: str) -> str:
    from trackplan.diffing import PlanSide, diff_plans
    from trackplan.loading.loader import load_plan_texts

    old = load_plan_texts([("old.yaml", "events: {}\n")])
    new = load_plan_texts([("new.yaml", f"events:\n  {json.dumps(name)}: {{}}\n")])
    report = diff_plans(PlanSide("old", old, "old.yaml"), PlanSide("new", new, "new.yaml"))
    return render_markdown(report)
