"""`trackplan fmt [PLAN]`: rewrite plan files in canonical form, keeping every comment."""

from __future__ import annotations

from typing import Annotated

import typer

from trackplan.cli.common import guard, settings_for
from trackplan.cli.options import ConfigOpt, FormatOpt, PlanArg
from trackplan.reporting import OutputFormat


@guard
def fmt(
    plan: PlanArg = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 and list the files that would change."),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Write nothing; print a unified diff of the changes."),
    ] = False,
    sort: Annotated[
        bool,
        typer.Option(
            "--sort",
            help="Also sort events, shared properties, bundles, pages and screens by name.",
        ),
    ] = False,
    output_format: FormatOpt = OutputFormat.TEXT,
    config: ConfigOpt = None,
) -> None:
    """Rewrite plan files in one canonical form: key order, indentation, quoting.

    Every comment is kept and moves with its key. A plan that does not load is never
    rewritten (exit 2). With --check, exit 1 when a file would change; --diff shows how.

    Example: trackplan fmt plans/ --check --diff
    """
    from trackplan.cli.output import emit
    from trackplan.diagnostics import ExitCode
    from trackplan.formatting import check_formatting, format_plan, render_diff, write_formatted

    settings = settings_for(config, plan=plan)
    files = format_plan(settings.plan, sort=sort)
    if diff:
        typer.echo(render_diff(files), nl=False)
    if check:
        report = check_formatting(files)
        if diff:
            raise typer.Exit(report.exit_code(settings.fail_on))
        raise typer.Exit(emit(report, settings, output_format))
    if diff:
        raise typer.Exit(ExitCode.OK)
    written = write_formatted(files)
    for shown in written:
        typer.echo(f"reformatted {shown}", err=True)
    typer.echo(
        f"{len(written)} file{'s' if len(written) != 1 else ''} reformatted,"
        f" {len(files) - len(written)} unchanged",
        err=True,
    )
