"""`trackplan check`: the one command a CI pipeline calls."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackplan.cli.common import guard, settings_for
from trackplan.cli.options import (
    ConfigOpt,
    FailOnOpt,
    FormatOpt,
    IgnoreOpt,
    JobsOpt,
    SelectOpt,
    StatisticsOpt,
)
from trackplan.cli.output import emit, write_report
from trackplan.reporting import OutputFormat


@guard
def check(
    diff_base: Annotated[
        str | None,
        typer.Option(
            "--diff-base",
            help="Git revision to diff the plan against (default: `diff-base` from the config).",
            show_default=False,
        ),
    ] = None,
    jobs: JobsOpt = 0,
    sarif_file: Annotated[
        Path | None,
        typer.Option(
            "--sarif-file",
            help="Also write the report as SARIF to this file (for code scanning uploads).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    statistics: StatisticsOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Run every configured check as one report: lint, compile --check, validate, scan, diff.

    Reads [tool.trackplan]: the plan, the compiled `schemas` folder, `fixtures` and `logs` to
    validate, `sources` to scan and `diff-base` to diff against. A step with nothing configured
    is skipped (the summary says so); without any config, it lints plans/ and checks schemas/
    if that folder exists. One exit code: 0 clean, 1 findings, 2 could not run.

    Example: trackplan check --format github --sarif-file trackplan.sarif --diff-base origin/main
    """
    # Imported here: check pulls in every stage, which other commands should not pay for.
    from trackplan.check import CheckOptions, run_check

    settings = settings_for(config, select=select, ignore=ignore, fail_on=fail_on)
    report = run_check(settings, CheckOptions(diff_base=diff_base or "", jobs=jobs))
    if sarif_file is not None:
        write_report(report, settings, OutputFormat.SARIF, sarif_file)
    raise typer.Exit(emit(report, settings, fmt, statistics))
