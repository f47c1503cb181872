"""`trackplan lint`, `trackplan rules` and `trackplan rule` on the real command line."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tests.conftest import REPO, run_cli, write

GOLDEN = Path(__file__).parent / "rules" / "golden"

GOOD_NAMES = [
    "Order Completed",
    "Team Member Invited",
    "API Key Created",
    "2FA Enabled",
    "Sign Up Started",
    "Log In Failed",
    "Email Sent",
    "Project Built",
    "Invoice Paid",
    "Deal Won",
    "Deal Lost",
    "Report Made",
    "Dashboard Shared",
    "Password Set",
    "Message Read",
    "Workspace Left",
    "Trial Began",
]
BAD_NAMES = {
    "Completed Checkout": "Checkout Completed",
    "completeOrder": "Order Completed",
    "order_refunded": "Order Refunded",
    "Report download": "Report Downloaded",
    "Order  Shipped": "Order Shipped",
    "Order Completed ": "Order Completed",
}

ISSUE_PLAN = """
plan: Issue plan
properties:
  coupon: {type: string, description: Discount code.}
  revenue: {type: number}
events:
  Checkout Started:
    properties:
      revenue: {}
      couponCode: {type: string}
  Checkout Startd: {description: Typo of Checkout Started.}
"""


def names_plan() -> str:
    lines = ["events:"]
    for name in [*GOOD_NAMES, *BAD_NAMES]:
        lines.append(f"  {json.dumps(name)}: {{description: x}}")
    return "\n".join(lines) + "\n"


def lint_json(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = run_cli("lint", *args, "--format", "json")
    assert "Traceback" not in result.stderr
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_example_plan_lints_clean_even_at_warning_level() -> None:
    result = run_cli("lint", str(REPO / "plans"), "--fail-on", "warning")
    assert result.exit_code == 0, result.stdout
    assert "No problems found." in result.stdout


def test_starter_plan_lints_clean(in_tmp: Path) -> None:
    assert run_cli("init").exit_code == 0
    result = run_cli("lint", "--fail-on", "info")
    assert result.exit_code == 0, result.stdout


def test_every_bad_name_is_flagged_with_a_rename_hint_and_no_good_one(in_tmp: Path) -> None:
    write(in_tmp / "plan.yaml", names_plan())
    code, diagnostics = lint_json("plan.yaml", "--select", "TP201")
    assert code == 1
    flagged = {d["event"]: d["hint"] for d in diagnostics}
    assert flagged == {bad: f'rename to "{good}"' for bad, good in BAD_NAMES.items()}


def test_issue_findings_near_duplicates_descriptions_casing_unused(in_tmp: Path) -> None:
    write(in_tmp / "plan.yaml", ISSUE_PLAN)
    code, diagnostics = lint_json("plan.yaml")
    assert code == 1
    found = {(d["code"], d["line"]) for d in diagnostics}
    assert found == {
        ("TP205", 4),  # revenue: no description
        ("TP205", 6),  # Checkout Started: no description
        ("TP206", 3),  # coupon is never used
        ("TP202", 9),  # couponCode is camelCase
        ("TP203", 10),  # Checkout Startd ~ Checkout Started
        ("TP201", 10),  # ... and "Startd" is not a past tense the checker knows
    }
    near = next(d for d in diagnostics if d["code"] == "TP203")
    assert "plan.yaml:6" in str(near["message"]) and near["severity"] == "error"
    severities = {d["code"]: d["severity"] for d in diagnostics}
    assert severities["TP205"] == severities["TP206"] == "warning"
    assert severities["TP202"] == "error"


def test_text_output_shows_the_line_with_a_caret_grouped_by_file(in_tmp: Path) -> None:
    write(in_tmp / "plans" / "a.yaml", "events:\n  order_refunded: {description: x}\n")
    write(in_tmp / "plans" / "b.yaml", "events:\n  Order Shipped: {}\n")
    result = run_cli("lint")
    assert result.exit_code == 1
    expected = (GOLDEN / "lint.txt").read_text(encoding="utf-8")
    if os.environ.get("TRACKPLAN_UPDATE_GOLDEN") == "1":
        (GOLDEN / "lint.txt").write_text(result.stdout, encoding="utf-8")
        expected = result.stdout
    assert result.stdout == expected


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit"])
def test_every_format_carries_the_same_findings(in_tmp: Path, fmt: str) -> None:
    write(in_tmp / "plan.yaml", ISSUE_PLAN)
    _, diagnostics = lint_json("plan.yaml")
    expected = sorted((d["code"], d["line"]) for d in diagnostics)
    result = run_cli("lint", "plan.yaml", "--format", fmt)
    assert result.exit_code == 1
    if fmt == "json":
        found = sorted((d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"])
    elif fmt == "sarif":
        run = json.loads(result.stdout)["runs"][0]
        found = sorted(
            (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in run["results"]
        )
        rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
        assert rules["TP201"]["name"] == "event-naming"
        assert rules["TP205"]["defaultConfiguration"]["level"] == "warning"
    elif fmt == "github":
        found = sorted(
            (line.split("title=")[1].split("::")[0], int(line.split("line=")[1].split(",")[0]))
            for line in result.stdout.splitlines()
            if line.startswith("::")
        )
    else:
        # Errors are failures; warnings and info are listed in the test case's output.
        root = ET.fromstring(result.stdout)
        errors = sorted((d["code"], d["line"]) for d in diagnostics if d["severity"] == "error")
        assert sorted(str(f.get("type")) for f in root.iter("failure")) == [c for c, _ in errors]
        notes = "".join(out.text or "" for out in root.iter("system-out"))
        found = sorted(
            errors + [(str(d["code"]), d["line"]) for d in diagnostics if d["severity"] != "error"]
        )
        assert all(
            f"plan.yaml:{line}" in notes for code, line in found if (code, line) not in errors
        )
    assert found == expected


@pytest.mark.parametrize(
    ("selector", "codes"),
    [
        (["--select", "TP201"], {"TP201"}),
        (["--select", "event-naming,property-naming"], {"TP201", "TP202"}),
        (
            ["--select", "TP2", "--ignore", "missing-description"],
            {"TP201", "TP202", "TP203", "TP206"},
        ),
        (["--ignore", "TP2"], set()),
        (["--select", "naming"], {"TP201", "TP202"}),
        (["--select", "TP2", "--ignore", "naming,documentation"], {"TP203", "TP206"}),
    ],
)
def test_select_and_ignore_by_code_prefix_or_name(
    in_tmp: Path, selector: list[str], codes: set[str]
) -> None:
    write(in_tmp / "plan.yaml", ISSUE_PLAN)
    _, diagnostics = lint_json("plan.yaml", *selector)
    assert {d["code"] for d in diagnostics} == codes


def test_unknown_rule_name_exits_2_with_did_you_mean(in_tmp: Path) -> None:
    write(in_tmp / "plan.yaml", ISSUE_PLAN)
    result = run_cli("lint", "plan.yaml", "--ignore", "missing-descriptions")
    assert result.exit_code == 2
    assert "did you mean 'missing-description'?" in result.stderr


def test_severities_from_config_by_code_or_name(in_tmp: Path) -> None:
    write(in_tmp / "plan.yaml", "events:\n  order_refunded: {description: x}\n  Order Paid: {}\n")
    write(
        in_tmp / "trackplan.toml",
        """
        plan = "plan.yaml"
        [severity]
        event-naming = "warning"
        TP205 = "info"
        """,
    )
    code, diagnostics = lint_json()
    assert code == 0
    assert {(d["code"], d["severity"]) for d in diagnostics} == {
        ("TP201", "warning"),
        ("TP205", "info"),
    }
    assert run_cli("lint", "--fail-on", "warning").exit_code == 1


def test_baseline_lets_a_legacy_plan_fail_only_on_new_findings(in_tmp: Path) -> None:
    legacy = "events:\n  order_refunded: {description: x}\n  Order Paid: {}\n"
    write(in_tmp / "plan.yaml", legacy)
    written = run_cli("lint", "plan.yaml", "--write-baseline", "baseline.json")
    assert written.exit_code == 0 and "recorded 2 findings" in written.stderr
    data = json.loads((in_tmp / "baseline.json").read_text())
    assert [f["code"] for f in data["findings"]] == ["TP201", "TP205"]
    assert all("line" not in f for f in data["findings"])
    assert run_cli("lint", "plan.yaml", "--baseline", "baseline.json").exit_code == 0
    # An edit above the old findings moves them; only the new event is reported.
    write(
        in_tmp / "plan.yaml", "events:\n  newEvent: {description: x}\n" + legacy[len("events:\n") :]
    )
    code, diagnostics = lint_json("plan.yaml", "--baseline", "baseline.json")
    assert code == 1
    assert [(d["code"], d["event"]) for d in diagnostics] == [("TP201", "newEvent")]
    # The config's `baseline` works the same way, and the summary says how many it covered.
    write(in_tmp / "trackplan.toml", 'plan = "plan.yaml"\nbaseline = "baseline.json"\n')
    result = run_cli("lint", "--format", "json")
    assert json.loads(result.stdout)["summary"]["in_baseline"] == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline.json: no such baseline file; create it with"),
        ("{not json", "baseline.json:1:2: invalid JSON"),
        ("[]", "baseline.json: not a trackplan baseline"),
        ('{"trackplan_baseline": 1, "findings": [{"code": 1}]}', "findings[0] needs text"),
    ],
)
def test_bad_baseline_exits_2(in_tmp: Path, content: str | None, message: str) -> None:
    write(in_tmp / "plan.yaml", "events:\n  Order Paid: {description: x}\n")
    if content is not None:
        (in_tmp / "baseline.json").write_text(content, encoding="utf-8")
    result = run_cli("lint", "plan.yaml", "--baseline", "baseline.json")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_inline_suppression_and_unused_suppression(in_tmp: Path) -> None:
    write(
        in_tmp / "plan.yaml",
        """
        events:
          order_refunded: {description: x}  # trackplan: ignore[TP201]
          Order Paid: {description: x}  # trackplan: ignore[TP201]
        """,
    )
    code, diagnostics = lint_json("plan.yaml")
    assert code == 0
    assert [(d["code"], d["line"], d["column"]) for d in diagnostics] == [("TP216", 3, 33)]


def test_plan_that_does_not_load_reports_tp1xx_and_rules_still_run(in_tmp: Path) -> None:
    write(in_tmp / "plan.yaml", "events:\n  order_paid:\n    descripton: x\n")
    code, diagnostics = lint_json("plan.yaml")
    assert code == 1
    assert {d["code"] for d in diagnostics} == {"TP101", "TP201", "TP205"}


def test_corpus_names_from_segment_typewriter(corpus: Path, in_tmp: Path) -> None:
    api = json.loads((corpus / "segment-typewriter/e2e-plan-public-api.json").read_text())
    events = {rule["key"]: {"description": "x"} for rule in api["rules"] if rule.get("key")}
    fixture = json.loads(
        (corpus / "segment-typewriter/tracking-plan-fixture-2019.json").read_text()
    )
    first = fixture["events"][0]["rules"]["properties"]["properties"]["properties"]
    events["Terrible Event Sent"] = {
        "description": "x",
        "properties": {name: {"type": "string"} for name in first},
    }
    (in_tmp / "plan.yaml").write_text(json.dumps({"events": events}), encoding="utf-8")
    _, diagnostics = lint_json("plan.yaml", "--select", "TP201,TP203,TP204")
    by_code: dict[str, set[str]] = {}
    for diag in diagnostics:
        by_code.setdefault(str(diag["code"]), set()).add(str(diag["message"]))
    assert any(
        '"event_collided" looks like a duplicate of "Event Collided"' in m for m in by_code["TP203"]
    )
    assert any(
        '"identifier_id" looks like a duplicate of "identifierId"' in m for m in by_code["TP204"]
    )
    assert any("event_collided" in m for m in by_code["TP201"])


def test_rules_lists_every_code_and_rule_prints_the_docs() -> None:
    listed = run_cli("rules")
    assert listed.exit_code == 0
    for code in ("TP101", "TP108", "TP201", "TP216", "TP301", "TP601"):
        assert code in listed.stdout
    entries = json.loads(run_cli("rules", "--format", "json").stdout)
    tp201 = next(e for e in entries if e["code"] == "TP201")
    assert (tp201["name"], tp201["group"], tp201["severity"]) == ("event-naming", "naming", "error")
    page = run_cli("rule", "TP201")
    assert page.exit_code == 0
    for section in ("What it does", "Why", "Example", "How to fix"):
        assert section in page.stdout
    assert run_cli("rule", "event-naming").stdout == page.stdout
    assert "unplanned-event" in run_cli("rule", "tp301").stdout


def test_unknown_rule_exits_2_with_did_you_mean() -> None:
    result = run_cli("rule", "TP2O1")
    assert result.exit_code == 2
    assert "unknown rule 'TP2O1'; did you mean 'TP201'?" in result.stderr


@pytest.mark.parametrize("command", ["lint", "rules", "rule"])
def test_help_has_an_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.stdout
