"""codes.py is the one table of codes: every code is there once, and no other module spells one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from trackplan import codes
from trackplan.linting.rules import RULES

SRC = Path(__file__).resolve().parents[1] / "src" / "trackplan"
CODE = re.compile(r"TP\d{3}")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_no_code_literal_outside_the_table() -> None:
    """A string constant in code that names a code must be a `codes` constant instead."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "codes.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and CODE.fullmatch(node.value)
            ):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    assert not offenders, "use the constants of trackplan.codes:\n" + "\n".join(offenders)


def test_every_code_is_well_formed_and_in_its_family() -> None:
    names = [info.name for info in codes.CODES.values()]
    for code, info in codes.CODES.items():
        assert CODE.fullmatch(code) and info.code == code
        assert codes.family_of(code) is info.family
        assert info.severity in {"error", "warning", "info"}
        assert info.summary.endswith((".", ")")), code
    # TP209 (lint) and TP508 (diff) share a name on purpose: one idea, seen by two commands.
    assert len(names) - len(set(names)) == 1


def test_lint_rules_agree_with_the_table() -> None:
    for rule in RULES:
        info = codes.CODES[rule.code]
        assert (rule.name, rule.severity.value, rule.summary) == (
            info.name,
            info.severity,
            info.summary,
        ), f"{rule.code}: its docstring's first line and codes.py disagree"


def test_names_and_groups_select_unambiguously() -> None:
    """`--select NAME` means one thing: no code name is a rule group's name."""
    from trackplan.linting.rules._rule import Group

    names = {info.name for info in codes.CODES.values()}
    assert not names & {group.value for group in Group}
