"""Plan changes and their classification: two plans → TP5xx diagnostics, the bump, the version check.

`diff_plans(old, new)` compares two loaded plans (`PlanSide`s) and returns the Report that
`trackplan diff` prints and `trackplan check` merges: one diagnostic per change (breaking ones
are errors, compatible ones info), TP509 when NEW's `version` is not bumped enough, and a
summary with the bump, the versions and the `changes` list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Report, Severity
from trackplan.diffing.changes import (
    BREAKING_CODES,
    BUMPS,
    Bump,
    Change,
    highest_bump,
)
from trackplan.diffing.compare import compare_plans
from trackplan.diffing.markdown import render_markdown
from trackplan.diffing.sides import PlanSide
from trackplan.diffing.sources import load_side
from trackplan.diffing.versions import VersionCheck, check_version

__all__ = [
    "BREAKING_CODES",
    "BUMPS",
    "Bump",
    "Change",
    "PlanSide",
    "diff_paths",
    "diff_plans",
    "load_side",
    "render_markdown",
]


def diff_paths(old: str, new: str | None, plan: Path, cwd: Path | None = None) -> Report:
    """Compare OLD with NEW (each a plan file, folder or git revision; NEW defaults to `plan`)."""
    return diff_plans(load_side(old, plan, cwd), load_side(new, plan, cwd))


def diff_plans(old: PlanSide, new: PlanSide) -> Report:
    """The diff report: every change as a diagnostic, plus TP509 and the summary."""
    changes = sorted(compare_plans(old, new), key=_change_order)
    bump = highest_bump(changes)
    diagnostics = [_diagnose(change) for change in changes]
    check = check_version(old.plan.version, new.plan.version, bump)
    if check is not None and not check.enough:
        diagnostics.append(_diagnose_version(check, new))
    breaking = sum(1 for change in changes if change.breaking)
    summary: dict[str, Any] = {
        "old": old.label,
        "new": new.label,
        "bump": bump.value,
        "breaking": breaking,
        "compatible": len(changes) - breaking,
    }
    if old.plan.version or new.plan.version:
        summary["old_version"] = old.plan.version or None
        summary["new_version"] = new.plan.version or None
    if check is not None and (bump is not Bump.NONE or not check.enough):
        summary["required_version"] = check.required
    summary["changes"] = [change.to_dict() for change in changes]
    return Report.build("diff", diagnostics, summary)


def _change_order(change: Change) -> tuple[str, int, int, str, str]:
    loc = change.location
    return (loc.file, loc.line, loc.column, change.path, change.code)


def _diagnose(change: Change) -> Diagnostic:
    return Diagnostic(
        file=change.location.file,
        line=change.location.line,
        column=change.location.column,
        code=change.code,
        severity=Severity.ERROR if change.breaking else Severity.INFO,
        message=change.message,
        hint=change.hint,
        event=change.event,
        path=change.path,
    )


def _diagnose_version(check: VersionCheck, new: PlanSide) -> Diagnostic:
    location = new.locate(("version",))
    if check.bump is Bump.NONE:
        message = f"version went down from {check.old} to {check.new}"
    else:
        message = (
            f"version {check.old} → {check.new} is not enough: the changes need a"
            f" {check.bump.value} bump"
        )
    return Diagnostic(
        file=location.file,
        line=location.line,
        column=location.column,
        code=codes.VERSION_NOT_BUMPED,
        severity=Severity.ERROR,
        message=message,
        hint=f"set `version: {check.required}` (or higher)",
        path="version",
    )
