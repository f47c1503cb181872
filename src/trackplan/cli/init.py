"""`trackplan init`: a starter plan and a config block, never overwriting anything."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from trackplan.cli.common import guard
from trackplan.diagnostics import TrackplanError

CONFIG_BLOCK = """
[tool.trackplan]
plan = "plans"          # the plan file or folder
schemas = "schemas"     # where `trackplan compile` writes JSON Schemas
fail-on = "error"
"""


@guard
def init(
    folder: Annotated[
        Path, typer.Argument(help="Project folder to set up.", show_default="the current folder")
    ] = Path("."),
) -> None:
    """Create plans/plan.yaml and a [tool.trackplan] config block, refusing to overwrite.

    The block goes into pyproject.toml when there is one, else into a new trackplan.toml.

    Example: trackplan init && trackplan lint
    """
    plans = folder / "plans"
    target = plans / "plan.yaml"
    if plans.exists() and any(plans.rglob("*.y*ml")):
        raise TrackplanError(f"{plans.as_posix()}: already holds a plan; nothing was written")
    config_path, config_text = _config_target(folder)
    from trackplan.files import write_atomic
    from trackplan.formatting import format_text

    starter = resources.files("trackplan.data").joinpath("starter_plan.yaml").read_text("utf-8")
    write_atomic(target, format_text(starter, target.as_posix()))
    write_atomic(config_path, config_text)
    typer.echo(f"wrote {target.as_posix()} and [tool.trackplan] in {config_path.as_posix()}")
    typer.echo("next steps:")
    typer.echo("  trackplan lint       # check the plan; edit it until this is clean")
    typer.echo("  trackplan compile    # write the JSON Schemas that `trackplan check` compares")
    typer.echo("  trackplan check      # what CI runs: lint, compiled schemas, fixtures, fmt")


def _config_target(folder: Path) -> tuple[Path, str]:
    """Where the config block goes and the file's new text; refuses an existing block."""
    pyproject = folder / "pyproject.toml"
    standalone = folder / "trackplan.toml"
    if standalone.exists():
        raise TrackplanError(f"{standalone.as_posix()}: already exists; nothing was written")
    if pyproject.is_file():
        try:
            text = pyproject.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TrackplanError(f"{pyproject.as_posix()}: cannot read ({exc})") from exc
        if "[tool.trackplan" in text:
            raise TrackplanError(
                f"{pyproject.as_posix()}: already has [tool.trackplan]; nothing was written"
            )
        joiner = "" if text.endswith("\n") or not text else "\n"
        return pyproject, text + joiner + CONFIG_BLOCK
    return standalone, CONFIG_BLOCK.lstrip("\n")
