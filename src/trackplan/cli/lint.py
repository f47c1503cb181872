"""`trackplan lint`: check the plan itself."""

from __future__ import annotations

import typer

from trackplan.cli.common import guard, settings_for
from trackplan.cli.options import (
    ConfigOpt,
    FailOnOpt,
    FormatOpt,
    IgnoreOpt,
    PlanArg,
    SelectOpt,
    StatisticsOpt,
)
from trackplan.cli.output import emit
from trackplan.linting import lint_plan
from trackplan.loader import load_plan
from trackplan.reporting import OutputFormat


@guard
def lint(
    plan: PlanArg = None,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    statistics: StatisticsOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Check the plan: structure (TP1xx), naming, near-duplicates, descriptions, unused definitions.

    Example: trackplan lint plans/ --format github
    """
    settings = settings_for(config, plan=plan, select=select, ignore=ignore, fail_on=fail_on)
    report = lint_plan(load_plan(settings.plan))
    raise typer.Exit(emit(report, settings, fmt, statistics))
