"""`trackplan infer`: a draft plan from observed messages."""

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
    SelectOpt,
    StatisticsOpt,
)
from trackplan.model import EventNaming, PropertyNaming
from trackplan.reporting import OutputFormat


@guard
def infer(
    logs: Annotated[
        list[str],
        typer.Argument(
            help="NDJSON logs of Segment-spec messages: files, folders, `-` for stdin; gzip too.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write the draft to this file. Default: stdout.", show_default=False
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --out file if it exists.")
    ] = False,
    event_convention: Annotated[
        EventNaming,
        typer.Option(
            "--event-convention",
            help="Event naming convention to check names against.",
            case_sensitive=False,
        ),
    ] = EventNaming.OBJECT_ACTION,
    property_convention: Annotated[
        PropertyNaming | None,
        typer.Option(
            "--property-convention",
            help="Property naming convention. Default: the one most names in the data follow.",
            case_sensitive=False,
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
    """Draft a YAML plan from NDJSON messages: events with counts, types, required properties,
    enums, formats, nested objects and arrays, identify/group traits, pages and screens.

    Names that break the conventions (TP310, TP801) and near-duplicate names (TP802) are
    reported as warnings, with unusable lines (TP307, TP308). The report always goes to
    stderr, so stdout holds only the draft. Warnings alone exit 0.

    Example: trackplan infer logs/2024-03-*.ndjson.gz --out plans/draft.yaml
    """
    from trackplan.cli.output import Stream, emit
    from trackplan.inferring import check_draft_target, find_sources, infer_plan, write_draft

    settings = settings_for(config, select=select, ignore=ignore, fail_on=fail_on)
    if out is not None:
        check_draft_target(out, force)
    inference = infer_plan(find_sources(logs), event_convention, property_convention)
    if out is None:
        typer.echo(inference.yaml, nl=False)
    else:
        write_draft(out, inference.yaml)
    # The report goes to stderr (stdout is the draft), without echoing log lines back.
    raise typer.Exit(
        emit(inference.report, settings, fmt, statistics, stream=Stream.STDERR, show_source=False)
    )
