"""The rule registry: every rule module is listed, documented, has cases, and docs/rules.md is fresh."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
import yaml
from tests.conftest import REPO

import trackplan.linting.rules
from trackplan.codes import CODES
from trackplan.linting.engine import LintOptions, lint_plan
from trackplan.linting.ruledocs import render_rules_markdown
from trackplan.linting.rules import DOC_SECTIONS, RULES, Rule
from trackplan.loading.loader import load_plan_texts

CASES = Path(__file__).parent
RULE_MODULES = sorted(
    m.name
    for m in pkgutil.iter_modules(trackplan.linting.rules.__path__)
    if not m.name.startswith("_")
)


def module_rule(module: str) -> Rule:
    found = getattr(importlib.import_module(f"trackplan.linting.rules.{module}"), "RULE", None)
    assert isinstance(found, Rule), f"trackplan/rules/{module}.py defines no RULE"
    return found


def test_every_rule_module_is_registered_once() -> None:
    registered = [module_rule(m) for m in RULE_MODULES]
    missing = [m for m, rule in zip(RULE_MODULES, registered, strict=True) if rule not in RULES]
    assert not missing, f"add these modules' RULE to RULES in rules/__init__.py: {missing}"
    assert len(RULES) == len(RULE_MODULES), "RULES lists a rule twice, or one not in its own module"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"TP2\d\d", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
        assert CODES[rule.code].name == rule.name


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rule_docstring_follows_the_template(module: str) -> None:
    rule = module_rule(module)
    lines = rule.doc.strip().splitlines()
    assert lines and lines[0].endswith("."), f"{module}: the first line is a one-sentence summary"
    assert len(lines) > 1 and not lines[1].strip(), f"{module}: a blank line follows the summary"
    positions = [rule.doc.find(f"\n{section}\n") for section in DOC_SECTIONS]
    assert all(p >= 0 for p in positions), f"{module}: the docstring needs {DOC_SECTIONS}"
    assert positions == sorted(positions), f"{module}: sections out of order"
    assert "Use instead:" in rule.doc, f"{module}: the example shows the fix after `Use instead:`"


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rule_has_a_case_file_with_passing_and_failing_cases(module: str) -> None:
    path = CASES / f"{module}.yaml"
    assert path.is_file(), f"add tests/rules/{module}.yaml with the rule's cases"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["rule"] == module_rule(module).code
    assert any(not c.get("expect") for c in data["cases"]), "add a case that passes"
    assert any(c.get("expect") for c in data["cases"]), "add a case with findings"


def test_every_case_file_belongs_to_a_rule() -> None:
    assert sorted(p.stem for p in CASES.glob("*.yaml")) == RULE_MODULES


@pytest.mark.parametrize("module", RULE_MODULES)
def test_documented_example_is_flagged_and_its_fix_is_not(module: str) -> None:
    rule = module_rule(module)
    section = rule.doc.split("## Example", 1)[1].split("## How to fix", 1)[0]
    bad, good = re.findall(r"```yaml\n(.*?)```", section, flags=re.DOTALL)[:2]
    select = ("ALL",) if rule.check is None else (rule.code,)
    for text, flagged in ((bad, True), (good, False)):
        result = load_plan_texts([("plan.yaml", text)])
        assert result.ok, [d.message for d in result.diagnostics]
        codes = {d.code for d in lint_plan(result, LintOptions(select=select)).diagnostics}
        assert (rule.code in codes) is flagged, f"{module} example:\n{text}"


def test_docs_rules_md_is_up_to_date() -> None:
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(), (
        "docs/rules.md is stale: run `python -m trackplan.linting.ruledocs > docs/rules.md`"
    )
