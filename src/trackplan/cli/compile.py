"""`trackplan compile`: the plan as per-event JSON Schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackplan.cli.common import guard, load_valid_plan, settings_for
from trackplan.cli.options import ConfigOpt, FormatOpt, PlanArg
from trackplan.reporting import OutputFormat


@guard
def compile(
    plan: PlanArg = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write to. Default: `schemas` from the config, else schemas/.",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 if the folder is stale, missing or extra files."
        ),
    ] = False,
    fmt: FormatOpt = OutputFormat.TEXT,
    config: ConfigOpt = None,
) -> None:
    """Write one draft-07 JSON Schema per event, identify, group, page and screen, plus index.json.

    Each schema validates a whole Segment-spec message, so any JSON Schema validator can use it.
    The same plan always gives the same bytes: commit the folder and guard it with --check.

    Example: trackplan compile plans/ --out schemas/ --check
    """
    from trackplan.cli.output import emit
    from trackplan.compiling.output import check_schema_files, write_schema_files
    from trackplan.compiling.schemas import compiled_files
    from trackplan.diagnostics import Report
    from trackplan.files import display_path

    settings = settings_for(config, plan=plan).override(schemas=out)
    files = compiled_files(load_valid_plan(settings.plan))
    shown = display_path(settings.schemas)
    if check:
        found = check_schema_files(files, settings.schemas, shown)
        summary = {"schemas": len(files), "out_of_date": len(found)}
        raise typer.Exit(emit(Report.build("compile", found, summary), settings, fmt))
    written, removed = write_schema_files(files, settings.schemas)
    typer.echo(
        f"{shown}: {len(files)} schemas; {len(written)} written, {len(removed)} removed,"
        f" {len(files) - len(written)} unchanged",
        err=True,
    )
