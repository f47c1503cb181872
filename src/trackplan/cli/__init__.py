"""The `trackplan` command line: one thin module per command, registered here."""

from __future__ import annotations

from typing import Annotated

import typer

from trackplan import __version__
from trackplan.cli.check import check
from trackplan.cli.compile import compile
from trackplan.cli.diff import diff
from trackplan.cli.docs import docs
from trackplan.cli.fmt import fmt
from trackplan.cli.infer import infer
from trackplan.cli.init import init
from trackplan.cli.interop import register_interop
from trackplan.cli.lint import lint
from trackplan.cli.rules import rule, rules
from trackplan.cli.scan import scan
from trackplan.cli.schema import schema_app
from trackplan.cli.validate import validate

app = typer.Typer(
    name="trackplan",
    help=(
        "Govern your analytics tracking plan: lint the YAML plan, compile it to JSON Schemas, "
        "validate events and scan code.\n\nExit codes: 0 clean, 1 findings at or above "
        "--fail-on, 2 the job could not be done."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"trackplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """trackplan: tracking-plan governance."""


app.command()(check)
app.command()(init)
app.command()(lint)
app.command()(rules)
app.command()(rule)
app.command()(compile)
app.command()(validate)
app.command()(scan)
app.command()(diff)
app.command()(fmt)
app.add_typer(schema_app)
register_interop(app)
app.command()(infer)
app.command()(docs)


def main() -> None:
    """The console script."""
    app()
