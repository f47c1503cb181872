"""`check`: lint, compile --check, fixtures and logs, scan and diff as one report with one exit code.

Each step runs only when it has something to check: compiled schemas when their folder exists or
is configured, validation when fixtures or logs are configured, scan when sources are, diff when
a base revision is given. A plan that does not load cleanly stops after lint (the later steps
need a sound plan), and the report says which steps were skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trackplan.compiling.output import check_schema_files
from trackplan.compiling.schemas import compiled_files
from trackplan.config import Settings
from trackplan.diagnostics import Diagnostic, Report
from trackplan.diffing import diff_paths
from trackplan.files import display_path
from trackplan.linting.engine import lint_options, lint_plan
from trackplan.loading.loader import load_plan
from trackplan.model import Plan
from trackplan.scanning import scan_code
from trackplan.validation import ValidateOptions, validate_inputs


@dataclass(frozen=True)
class CheckOptions:
    """What the command line adds to the settings."""

    diff_base: str = ""
    jobs: int = 0


@dataclass(frozen=True)
class Step:
    """One part of the check and what it found (or why it did not run)."""

    name: str
    ran: bool
    detail: str
    diagnostics: tuple[Diagnostic, ...] = ()
    unreadable: int = 0  # inputs that could not be read: the run exits 2


def run_check(settings: Settings, options: CheckOptions | None = None) -> Report:
    """Every configured check of the project, as one report."""
    options = options or CheckOptions()
    loaded = load_plan(settings.plan)
    lint = lint_plan(loaded, lint_options(settings))
    steps = [Step("lint", True, _found(lint), lint.diagnostics)]
    if loaded.ok:
        plan = loaded.plan
        steps.append(_compile_step(plan, settings))
        steps.append(_validate_step(plan, settings, options))
        steps.append(_scan_step(plan, settings, options))
    else:
        reason = "skipped: the plan has structural errors (see lint)"
        steps.extend(Step(name, False, reason) for name in ("compile", "validate", "scan"))
    steps.append(_diff_step(settings, options))
    diagnostics = [d for step in steps for d in step.diagnostics]
    summary: dict[str, Any] = {"steps": {step.name: step.detail for step in steps}}
    unreadable = sum(step.unreadable for step in steps)
    if unreadable:
        summary["unreadable_files"] = unreadable
    return Report.build("check", diagnostics, summary, unreadable=unreadable)


def _compile_step(plan: Plan, settings: Settings) -> Step:
    if "schemas" not in settings.configured and not settings.schemas.is_dir():
        return Step("compile", False, "skipped: no compiled schemas (set `schemas` to check them)")
    shown = display_path(settings.schemas)
    found = check_schema_files(compiled_files(plan), settings.schemas, shown)
    detail = f"{len(found)} stale, missing or extra files" if found else "schemas up to date"
    return Step("compile", True, detail, tuple(found))


def _validate_step(plan: Plan, settings: Settings, options: CheckOptions) -> Step:
    inputs = [str(p) for p in (*settings.fixtures, *settings.logs)]
    if not inputs:
        return Step("validate", False, "skipped: no `fixtures` or `logs` configured")
    # Fixtures failing as their folder or `expect:` says are confirmations, not findings: in CI
    # they would only be noise (a notice per invalid fixture on every run). They are counted.
    validate_options = ValidateOptions(jobs=options.jobs, show_met_expectations=False)
    report = validate_inputs(plan, inputs, settings, validate_options)
    detail = _found(report)
    expected = report.summary.get("fixtures_with_expectations", 0)
    if expected:
        failed = report.summary.get("fixtures_not_as_expected", 0)
        detail += f"; {expected - failed} of {expected} fixture expectations met"
    return _step("validate", report, detail)


def _scan_step(plan: Plan, settings: Settings, options: CheckOptions) -> Step:
    if not settings.sources:
        return Step("scan", False, "skipped: no `sources` configured")
    return _step("scan", scan_code(plan, settings, jobs=options.jobs or None))


def _diff_step(settings: Settings, options: CheckOptions) -> Step:
    base = options.diff_base or settings.diff_base
    if not base:
        return Step("diff", False, "skipped: no base revision (`diff-base` or --diff-base)")
    report = diff_paths(base, None, settings.plan)
    bump = report.summary.get("bump", "")
    return _step("diff", report, f"against {base}: {bump} bump needed" if bump else "")


def _step(name: str, report: Report, detail: str = "") -> Step:
    return Step(name, True, detail or _found(report), report.diagnostics, report.unreadable)


def _found(report: Report) -> str:
    counts = report.counts()
    return f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos"
