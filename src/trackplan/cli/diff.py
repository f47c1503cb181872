"""`trackplan diff OLD [NEW]`: classify every change between two plans as breaking or not."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from trackplan.cli.common import guard, settings_for
from trackplan.cli.options import ConfigOpt, FailOnOpt, IgnoreOpt, SelectOpt, StatisticsOpt
from trackplan.reporting import OutputFormat


class DiffFormat(StrEnum):
    """`--format` of diff: the shared formats, plus `markdown` for pull-request comments."""

    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    MARKDOWN = "markdown"


@guard
def diff(
    old: Annotated[
        str,
        typer.Argument(
            help="The plan before: a plan file or folder, or a git revision (main, HEAD~1, v2.3.0).",
            show_default=False,
        ),
    ],
    new: Annotated[
        str | None,
        typer.Argument(
            help="The plan after (same kinds). Default: the configured plan in the working tree.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = DiffFormat.TEXT,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    statistics: StatisticsOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Compare two plans and classify each change: breaking (TP501–TP509, errors) or compatible.

    A revision is read from git at the configured plan path, without a checkout. The report
    says which version bump the changes need, and TP509 fails when the plan's own `version`
    was not bumped enough. Exit 1 when a breaking change is found.

    Example: trackplan diff origin/main --format markdown > plan-changes.md
    """
    from trackplan.cli.output import emit, settle
    from trackplan.diffing import diff_paths, render_markdown

    settings = settings_for(config, select=select, ignore=ignore, fail_on=fail_on)
    report = diff_paths(old, new, settings.plan)
    if fmt is DiffFormat.MARKDOWN:
        settled = settle(report, settings)
        typer.echo(render_markdown(settled), nl=False)
        raise typer.Exit(settled.exit_code(settings.fail_on))
    raise typer.Exit(emit(report, settings, OutputFormat(fmt.value), statistics))
