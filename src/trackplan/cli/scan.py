"""`trackplan scan`: find analytics calls in source code and check them against the plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackplan.cli.common import guard, load_valid_plan, settings_for
from trackplan.cli.options import (
    ConfigOpt,
    FailOnOpt,
    FormatOpt,
    IgnoreOpt,
    JobsOpt,
    PlanArg,
    SelectOpt,
    StatisticsOpt,
)
from trackplan.reporting import OutputFormat

# The presets of `trackplan.scanning.sdks.SDKS`, spelled out so that loading the command line
# does not load the parsers (tests/test_cli_imports.py keeps the two equal).
SDK_NAMES = ("segment", "rudderstack", "posthog", "mixpanel", "amplitude")


@guard
def scan(
    plan: PlanArg = None,
    sources: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to scan. Default: `sources` from the config, else the"
            " project folder.",
            metavar="SRC...",
            show_default=False,
        ),
    ] = None,
    sdk: Annotated[
        list[str] | None,
        typer.Option(
            "--sdk",
            help=f"Only these SDK presets ({', '.join(SDK_NAMES)}); repeat. Default: `scan.sdks`"
            " from the config, else all.",
            metavar="NAME",
            show_default=False,
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            help="Skip files matching this gitignore-style pattern (on top of `scan.exclude`);"
            " repeat.",
            metavar="PATTERN",
            show_default=False,
        ),
    ] = None,
    jobs: JobsOpt = 0,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    statistics: StatisticsOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Find Segment-style calls (track, identify, page, group, screen) and check them (TP4xx).

    Reads JavaScript, TypeScript, TSX and Python with real parsers, respects .gitignore and
    skips vendored folders. Reports unknown events, missing or unplanned properties, wrong
    literal values, and planned events no code calls. `--format json` lists every call site
    in summary.calls. Silence one line with a trailing `// trackplan: ignore[TP401]`.

    Example: trackplan scan plans/ src/ web/ --format github
    """
    from trackplan.cli.output import emit
    from trackplan.scanning import scan_code

    settings = settings_for(config, plan=plan, select=select, ignore=ignore, fail_on=fail_on)
    settings = settings.override(
        sdks=tuple(sdk or ()), exclude=settings.exclude + tuple(exclude or ())
    )
    report = scan_code(load_valid_plan(settings.plan), settings, sources or (), jobs or None)
    raise typer.Exit(emit(report, settings, fmt, statistics))
