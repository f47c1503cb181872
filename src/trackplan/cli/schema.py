"""`trackplan schema plan`: the JSON Schema of the plan format, for editors."""

from __future__ import annotations

from importlib import resources

import typer

schema_app = typer.Typer(
    name="schema",
    help="Print JSON Schemas that describe trackplan's own formats.",
    no_args_is_help=True,
)


@schema_app.command("plan")
def plan_schema() -> None:
    """Print the JSON Schema of plan files, for YAML language servers in editors.

    Example: trackplan schema plan > .trackplan/plan.schema.json, then start each plan file with
    `# yaml-language-server: $schema=.trackplan/plan.schema.json`
    """
    text = resources.files("trackplan.data").joinpath("plan.schema.json").read_text("utf-8")
    typer.echo(text, nl=not text.endswith("\n"))
