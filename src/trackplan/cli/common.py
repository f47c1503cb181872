"""The CLI boundary: turning TrackplanError into one line and exit 2, loading settings and plans."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ParamSpec, TypeVar

import typer

from trackplan.config import Settings, load_settings, split_codes
from trackplan.diagnostics import ExitCode, FailOn, TrackplanError
from trackplan.loading.loader import LoadResult, load_plan
from trackplan.model import Plan

P = ParamSpec("P")
R = TypeVar("R")


def guard(func: Callable[P, R]) -> Callable[P, R]:
    """Run a command body; the project's own error becomes one line on stderr and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except TrackplanError as exc:
            typer.echo(f"trackplan: error: {exc}", err=True)
            raise typer.Exit(ExitCode.UNUSABLE) from None
        except KeyboardInterrupt:
            typer.echo("trackplan: interrupted", err=True)
            raise typer.Exit(130) from None

    return wrapper


def settings_for(
    config: Path | None,
    *,
    plan: Path | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    fail_on: FailOn | None = None,
) -> Settings:
    """The config file's settings with the command line's values on top."""
    settings = load_settings(config)
    return settings.override(
        plan=plan,
        select=split_codes(select),
        ignore=split_codes(ignore),
        fail_on=fail_on,
    )


def load_valid_plan(path: Path) -> Plan:
    """Load a plan that other commands can rely on; a plan with TP1xx errors stops the run."""
    result = load_plan(path)
    require_loadable(result)
    return result.plan


def require_loadable(result: LoadResult) -> None:
    errors = [d for d in result.diagnostics if d.severity.value == "error"]
    if not errors:
        return
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    raise TrackplanError(
        f"{first.location()}: {first.code} {first.message}{more}; run `trackplan lint` for details"
    )


def use_color(err: bool = False) -> bool:
    """Color only on a terminal (stdout, or stderr with `err`), and never with NO_COLOR set."""
    return (sys.stderr if err else sys.stdout).isatty() and not os.environ.get("NO_COLOR")
