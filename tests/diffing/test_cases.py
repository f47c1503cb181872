"""The golden corpus of plan pairs: each case file says which changes a diff must find.

A case (`cases/*.yaml`) holds `old` and `new` plan texts, the `bump` they need and the exact
list of `changes` as [code, group, path]; `messages` and `hints` list text that must appear.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from trackplan.diagnostics import Report, Severity
from trackplan.diffing import BREAKING_CODES, PlanSide, diff_plans
from trackplan.loading.loader import load_plan_texts

CASES = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES.glob("*.yaml"))


def side(label: str, text: str) -> PlanSide:
    result = load_plan_texts([(f"{label}/plan.yaml", text)])
    assert result.ok, [d.message for d in result.diagnostics]
    return PlanSide(label=label, result=result, root=f"{label}/plan.yaml")


def found_changes(report: Report) -> list[list[str]]:
    changes = [[c["code"], c["group"], c["path"]] for c in report.summary["changes"]]
    changes += [["TP509", "plan", "version"] for d in report.diagnostics if d.code == "TP509"]
    return changes


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case(path: Path) -> None:
    case: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    report = diff_plans(side("old", case["old"]), side("new", case["new"]))
    assert sorted(found_changes(report)) == sorted(case["changes"]), case["about"]
    assert report.summary["bump"] == case["bump"]
    messages = [d.message for d in report.diagnostics]
    hints = [d.hint for d in report.diagnostics]
    for text in case.get("messages", []):
        assert any(text in message for message in messages), (text, messages)
    for text in case.get("hints", []):
        assert any(text in hint for hint in hints), (text, hints)


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_severity_follows_the_classification(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    report = diff_plans(side("old", case["old"]), side("new", case["new"]))
    for diag in report.diagnostics:
        breaking = diag.code in BREAKING_CODES or diag.code == "TP509"
        assert diag.severity is (Severity.ERROR if breaking else Severity.INFO), diag
        assert diag.file.startswith(("new/", "old/")), diag
        assert diag.line >= 1, diag


def test_the_corpus_covers_every_change_code() -> None:
    seen = set()
    for path in CASE_FILES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        seen |= {code for code, _, _ in case["changes"]}
    expected = {f"TP50{n}" for n in range(1, 10)} | {f"TP55{n}" for n in range(5)}
    assert expected <= seen, sorted(expected - seen)


def test_diff_of_a_plan_with_itself_is_empty() -> None:
    text = (Path(__file__).parents[2] / "plans" / "plan.yaml").read_text(encoding="utf-8")
    report = diff_plans(side("old", text), side("new", text))
    assert report.diagnostics == ()
    assert report.summary["bump"] == "none"
