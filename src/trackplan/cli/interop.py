"""`trackplan import` and `trackplan export`: Segment, RudderStack and JSON Schema ⇄ YAML plans.

The converted plan or JSON goes to `--out`, or to stdout without it (or with `-`). What could not
be carried over is reported as TP7xx warnings on stderr, in `--format`, so that stdout stays
the converted document; warnings alone exit 0.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trackplan.cli.common import guard, load_valid_plan, settings_for
from trackplan.cli.options import ConfigOpt, FailOnOpt, FormatOpt, PlanArg
from trackplan.cli.output import Stream, emit
from trackplan.reporting import OutputFormat

if TYPE_CHECKING:
    from trackplan.config import Settings
    from trackplan.interop.importing import Source

import_app = typer.Typer(
    name="import",
    help="Convert a Segment or RudderStack tracking plan, or JSON Schemas, into a YAML plan.",
    no_args_is_help=True,
)
export_app = typer.Typer(
    name="export",
    help="Convert the YAML plan into a Segment tracking plan or JSON Schemas.",
    no_args_is_help=True,
)

InputArg = Annotated[
    Path,
    typer.Argument(
        help="The JSON file to import; `-` reads stdin.", metavar="FILE", show_default=False
    ),
]
PlanOutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="A .yaml file, or a folder that gets plan.yaml. Default (or `-`): stdout.",
        show_default=False,
    ),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Overwrite an existing file; write into a plan folder.")
]


def register_interop(app: typer.Typer) -> None:
    """Add `import` and `export` to the main app."""
    app.add_typer(import_app)
    app.add_typer(export_app)


@import_app.command("segment")
@guard
def import_segment(
    source: InputArg,
    out: PlanOutOpt = None,
    force: ForceOpt = False,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Import a Segment Protocols tracking plan: Public API, Config API or Typewriter plan.json.

    The shape is detected. What a YAML plan cannot express is reported as a TP701 warning.

    Example: trackplan import segment tracking-plan.json --out plans/
    """
    from trackplan.interop.importing import Source

    _import(Source.SEGMENT, [source], out, force, fmt, settings_for(config, fail_on=fail_on))


@import_app.command("rudderstack")
@guard
def import_rudderstack(
    source: InputArg,
    out: PlanOutOpt = None,
    force: ForceOpt = False,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Import a RudderStack tracking plan (RudderTyper's plan.json, with or without eventType).

    Example: trackplan import rudderstack plan.json --out plans/plan.yaml
    """
    from trackplan.interop.importing import Source

    _import(Source.RUDDERSTACK, [source], out, force, fmt, settings_for(config, fail_on=fail_on))


@import_app.command("jsonschema")
@guard
def import_jsonschema(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="JSON Schema files or folders (Iglu folders too).",
            metavar="PATH",
            show_default=False,
        ),
    ],
    out: PlanOutOpt = None,
    force: ForceOpt = False,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Import a folder of per-event JSON Schemas, Snowplow Iglu schemas or `compile` output.

    Each schema is one event, named by Iglu's `self.name`, else its `title`, else its file name.

    Example: trackplan import jsonschema iglu/schemas/com.acme --out plans/
    """
    from trackplan.interop.importing import Source

    _import(Source.JSONSCHEMA, paths, out, force, fmt, settings_for(config, fail_on=fail_on))


@export_app.command("segment")
@guard
def export_segment(
    plan: PlanArg = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="The JSON file to write. Default (or `-`): stdout.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write the plan as a Segment Public API tracking plan, ready to upload.

    `rules` is the body of "Replace Rules in Tracking Plan"; `name` and `type` are those of
    "Create Tracking Plan". What Segment cannot hold (pii, the plan's version, …) is a TP701
    warning.

    Example: trackplan export segment plans/ --out tracking-plan.json
    """
    from trackplan.interop.exporting import STDOUT, export_segment_plan, write_export

    settings = settings_for(config, plan=plan, fail_on=fail_on)
    outcome = export_segment_plan(load_valid_plan(settings.plan))
    if out is None or str(out) == STDOUT:
        typer.echo(outcome.text, nl=False)
    else:
        typer.echo(f"wrote {write_export(outcome.text, out)}", err=True)
    raise typer.Exit(emit(outcome.report, settings, fmt, stream=Stream.STDERR))


@export_app.command("jsonschema")
@guard
def export_jsonschema(
    plan: PlanArg = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write to. Default: `schemas` from the config.",
            show_default=False,
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Write one draft-07 JSON Schema per event, identify, group, page and screen: `compile`.

    Example: trackplan export jsonschema plans/ --out schemas/
    """
    from trackplan.compiling.output import write_schema_files
    from trackplan.compiling.schemas import compiled_files
    from trackplan.files import display_path

    settings = settings_for(config, plan=plan).override(schemas=out)
    files = compiled_files(load_valid_plan(settings.plan))
    written, removed = write_schema_files(files, settings.schemas)
    typer.echo(
        f"{display_path(settings.schemas)}: {len(files)} schemas; {len(written)} written,"
        f" {len(removed)} removed, {len(files) - len(written)} unchanged",
        err=True,
    )


def _import(
    source: Source,
    paths: list[Path],
    out: Path | None,
    force: bool,
    fmt: OutputFormat,
    settings: Settings,
) -> None:
    from trackplan.files import display_path
    from trackplan.interop.exporting import STDOUT
    from trackplan.interop.importing import import_plan, write_plan

    outcome = import_plan(source, paths)
    if out is None or str(out) == STDOUT:
        typer.echo(outcome.text, nl=False)
    else:
        target = write_plan(outcome.text, out, force=force)
        typer.echo(f"wrote {display_path(target)}", err=True)
    raise typer.Exit(emit(outcome.report, settings, fmt, stream=Stream.STDERR))
