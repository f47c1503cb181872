"""`trackplan docs`: the plan as a catalog for people, in Markdown and one HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackplan.cli.common import guard, load_valid_plan, settings_for
from trackplan.cli.options import ConfigOpt, FormatOpt, PlanArg
from trackplan.reporting import OutputFormat

DEFAULT_OUT = "catalog"


@guard
def docs(
    plan: PlanArg = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help=f"Folder to write README.md and index.html to. Default: {DEFAULT_OUT}/ beside the config.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Overwrite a README.md or index.html that trackplan did not write."
        ),
    ] = False,
    fmt: FormatOpt = OutputFormat.TEXT,
    config: ConfigOpt = None,
) -> None:
    """Write a catalog of the plan for people: README.md (Markdown) and index.html, one
    self-contained page (no network) with a search box over events, properties, tags and owners.

    Each event shows its properties (type, required, allowed values, description, PII), owner,
    tags and deprecation with its replacement; shared properties list where they are used.
    The same plan always gives the same bytes.

    Example: trackplan docs plans/ --out site/tracking-plan
    """
    from trackplan.catalog import write_catalog
    from trackplan.cli.output import emit
    from trackplan.files import display_path

    settings = settings_for(config, plan=plan)
    target = out if out is not None else settings.root / DEFAULT_OUT
    report = write_catalog(load_valid_plan(settings.plan), target, force)
    typer.echo(f"catalog in {display_path(target)}: README.md, index.html", err=True)
    raise typer.Exit(emit(report, settings, fmt))
