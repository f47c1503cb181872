"""Linting a loaded plan: structural TP1xx findings first, then the governance rules."""

from __future__ import annotations

from trackplan.diagnostics import Diagnostic, Report
from trackplan.loader import LoadResult


def lint_plan(result: LoadResult) -> Report:
    """Every finding about the plan itself."""
    diagnostics: list[Diagnostic] = list(result.diagnostics)
    summary = {"plan files": len(result.plan.files), "events": len(result.plan.events)}
    return Report.build("lint", diagnostics, summary)
