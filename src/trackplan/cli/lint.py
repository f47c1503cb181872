"""`trackplan lint`: check the plan itself (TP1xx structure, TP2xx governance rules)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackplan.cli.common import guard, settings_for
from trackplan.cli.options import ConfigOpt, FailOnOpt, FormatOpt, PlanArg, StatisticsOpt
from trackplan.reporting import OutputFormat

RuleSelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help="Only report these codes, prefixes or rule names (TP2, TP201, event-naming);"
        " repeat or separate with commas.",
        show_default=False,
    ),
]
RuleIgnoreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        help="Do not report these codes, prefixes or rule names; repeat or separate with commas.",
        show_default=False,
    ),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        help="Drop the findings recorded in this baseline file (default: `baseline` from the"
        " config), so only new findings count.",
        show_default=False,
    ),
]
WriteBaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--write-baseline",
        help="Record today's findings in this file (JSON) and exit 0, instead of reporting them.",
        show_default=False,
    ),
]


@guard
def lint(
    plan: PlanArg = None,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    select: RuleSelectOpt = None,
    ignore: RuleIgnoreOpt = None,
    statistics: StatisticsOpt = False,
    baseline: BaselineOpt = None,
    write_baseline_to: WriteBaselineOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Check the plan: structure (TP1xx), naming, near-duplicates, descriptions, unused definitions.

    `trackplan rules` lists the rules and `trackplan rule TP201` explains one. A YAML comment
    `# trackplan: ignore[TP201]` silences a finding on its line.

    Example: trackplan lint plans/ --format github

    Example: trackplan lint --write-baseline lint-baseline.json, then
    trackplan lint --baseline lint-baseline.json (only new findings fail)
    """
    from trackplan.cli.output import emit
    from trackplan.files import display_path
    from trackplan.linting.baseline import write_baseline
    from trackplan.linting.engine import lint_options, lint_plan, resolve_rule_names
    from trackplan.loading.loader import load_plan

    settings = settings_for(config, plan=plan, select=select, ignore=ignore, fail_on=fail_on)
    settings = resolve_rule_names(settings.override(baseline=baseline))
    result = load_plan(settings.plan)
    if write_baseline_to is not None:
        report = lint_plan(result, lint_options(settings, use_baseline=False))
        count = write_baseline(write_baseline_to, report.diagnostics)
        typer.echo(f"{display_path(write_baseline_to)}: recorded {count} findings", err=True)
        return
    report = lint_plan(result, lint_options(settings))
    raise typer.Exit(emit(report, settings, fmt, statistics))
