"""Rule behaviour from data: each tests/rules/<rule module>.yaml holds plan snippets and the findings expected.

A case file looks like this (`code` defaults to the file's rule; `message`, `hint` and
`column` are optional and checked when given, `message` and `hint` as substrings):

    rule: TP201
    cases:
      - name: verb first
        plan: |
          events:
            Completed Checkout: {description: x}
        expect:
          - {line: 2, hint: 'rename to "Checkout Completed"'}

A case may set `select` (codes the run checks; default: the file's rule) and
`load_errors: true` when the snippet is meant to have TP1xx problems too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from trackplan.linting.engine import LintOptions, lint_plan
from trackplan.loading.loader import load_plan_texts

CASES = Path(__file__).parent
PLAN_FILE = "plan.yaml"


@dataclass(frozen=True)
class Case:
    file: str
    rule: str
    name: str
    plan: str
    expect: tuple[dict[str, Any], ...]
    select: tuple[str, ...]
    load_errors: bool


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data["cases"]:
            cases.append(
                Case(
                    file=path.stem,
                    rule=data["rule"],
                    name=item["name"],
                    plan=item["plan"],
                    expect=tuple(item.get("expect") or ()),
                    select=tuple(item.get("select") or (data["rule"],)),
                    load_errors=bool(item.get("load_errors", False)),
                )
            )
    return cases


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: f"{c.file}: {c.name}")
def test_rule_case(case: Case) -> None:
    result = load_plan_texts([(PLAN_FILE, case.plan)])
    if not case.load_errors:
        assert result.ok, [f"{d.line}: {d.code} {d.message}" for d in result.diagnostics]
    report = lint_plan(result, LintOptions(select=case.select))
    found = [(d.code, d.line) for d in report.diagnostics]
    wanted = sorted((e.get("code", case.rule), e["line"]) for e in case.expect)
    shown = [f"{d.line}:{d.column} {d.code} {d.message} ({d.hint})" for d in report.diagnostics]
    assert sorted(found) == wanted, "\n".join(shown)
    for expected in case.expect:
        code = expected.get("code", case.rule)
        matches = [d for d in report.diagnostics if (d.code, d.line) == (code, expected["line"])]
        assert any(
            expected.get("message", "") in d.message
            and expected.get("hint", "") in d.hint
            and expected.get("column", d.column) == d.column
            and d.file == PLAN_FILE
            for d in matches
        ), f"no finding matches {expected}:\n" + "\n".join(shown)
