"""Annotated typer options shared by the commands, so every command spells them the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackplan.diagnostics import FailOn
from trackplan.reporting import OutputFormat

PlanArg = Annotated[
    Path | None,
    typer.Argument(
        help="Plan file or folder of YAML files. Default: `plan` from the config, else plans/.",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]
FailOnOpt = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help="Lowest severity that makes the exit code 1 (default: error, or the config's).",
        case_sensitive=False,
        show_default=False,
    ),
]
SelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help=(
            "Only report these codes, prefixes, rule names or rule groups (TP2, TP201,"
            " event-naming, naming); repeat or separate with commas."
        ),
        show_default=False,
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        help=(
            "Do not report these codes, prefixes, rule names or rule groups;"
            " repeat or separate with commas."
        ),
        show_default=False,
    ),
]
StatisticsOpt = Annotated[
    bool, typer.Option("--statistics", help="Add a count of findings per code.")
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Config file (trackplan.toml or pyproject.toml). Default: found by walking up.",
        show_default=False,
    ),
]
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per core)."),
]
