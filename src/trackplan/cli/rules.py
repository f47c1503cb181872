"""`trackplan rules` and `trackplan rule CODE`: every diagnostic code, and one rule's documentation."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from trackplan.cli.common import guard, use_color


class RulesFormat(StrEnum):
    """The `trackplan rules --format` choices."""

    TEXT = "text"
    JSON = "json"


@guard
def rules(
    fmt: Annotated[
        RulesFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = RulesFormat.TEXT,
) -> None:
    """List every diagnostic code: the lint rules (TP2xx) with their group and default
    severity, and the fixed codes of the other families.

    Example: trackplan rules --format json
    """
    from trackplan.linting.ruledocs import render_rule_json, render_rule_list

    typer.echo(render_rule_json() if fmt is RulesFormat.JSON else render_rule_list(), nl=False)


@guard
def rule(
    code: Annotated[str, typer.Argument(help="A code (TP201) or rule name (event-naming).")],
) -> None:
    """Print a rule's documentation: what it checks, why, an example and how to fix it.

    Example: trackplan rule TP201
    """
    from trackplan.linting.ruledocs import render_rule_page

    page = render_rule_page(code)
    if use_color():
        from rich.console import Console
        from rich.markdown import Markdown

        Console(highlight=False).print(Markdown(page))
    else:
        typer.echo(page, nl=False)
