"""`trackplan validate`: check event messages (fixtures, NDJSON logs, stdin) against the plan."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trackplan.cli.common import guard, load_valid_plan, settings_for
from trackplan.cli.options import (
    ConfigOpt,
    FailOnOpt,
    FormatOpt,
    IgnoreOpt,
    JobsOpt,
    SelectOpt,
    StatisticsOpt,
)
from trackplan.diagnostics import TrackplanError
from trackplan.reporting import OutputFormat

if TYPE_CHECKING:
    from trackplan.config import Settings

_PLAN_KEY = re.compile(
    r"^(events|plan|conventions|policy|properties|common|bundles):", re.MULTILINE
)
Starter = Callable[[int], Callable[[int], None]]


@guard
def validate(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PLAN] PATH...",
            help="The plan (optional, first), then message files, folders, globs or - for stdin."
            " Default: `fixtures` and `logs` from the config.",
            show_default=False,
        ),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan", help="The plan, when every argument is messages.", show_default=False
        ),
    ] = None,
    jobs: JobsOpt = 0,
    max_examples: Annotated[
        int,
        typer.Option(
            "--max-examples", min=0, help="Findings shown per code; all are counted (0: all)."
        ),
    ] = 100,
    passed: Annotated[
        Path | None,
        typer.Option(
            "--passed", help="Write the conforming messages here (NDJSON).", show_default=False
        ),
    ] = None,
    failed: Annotated[
        Path | None,
        typer.Option(
            "--failed",
            help="Write the violating messages here, with their findings under `_trackplan`.",
            show_default=False,
        ),
    ] = None,
    reference_only: Annotated[
        bool,
        typer.Option(
            "--reference-only", help="Check every message with jsonschema alone (slow; to compare)."
        ),
    ] = False,
    fmt: FormatOpt = OutputFormat.TEXT,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    statistics: StatisticsOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Check Segment-spec messages against the plan: fixtures, NDJSON logs (.gz too), stdin.

    Findings are TP301-TP312 with the file, line, event and JSON path of each. Fixtures under a
    valid/ or invalid/ folder, or wrapped as {"expect": [codes], "message": ...}, must produce
    what they expect (TP311 when not). Exit 2 when an input cannot be read.

    Example: trackplan validate plans logs/2024-03-*.ndjson.gz --failed quarantine.ndjson
    """
    # Imported here: the checkers' libraries (msgspec) cost every other command start-up time
    # and memory; the report's renderers are needed only once the checking is done.
    from trackplan.cli.output import emit
    from trackplan.validation import ValidateOptions, validate_inputs

    settings = settings_for(config, select=select, ignore=ignore, fail_on=fail_on)
    settings, inputs = _split_arguments(list(arguments or ()), plan, settings)
    with _progress_bar() as starter:
        options = ValidateOptions(jobs, max_examples, passed, failed, not reference_only, starter)
        report = validate_inputs(load_valid_plan(settings.plan), inputs, settings, options)
    raise typer.Exit(emit(report, settings, fmt, statistics))


def _split_arguments(
    arguments: list[str], plan: Path | None, settings: Settings
) -> tuple[Settings, Sequence[str]]:
    """The plan and the inputs: the first of two or more arguments is the plan if it is one."""
    if plan is None and len(arguments) >= 2 and looks_like_plan(Path(arguments[0])):
        plan, arguments = Path(arguments[0]), arguments[1:]
    settings = settings.override(plan=plan)
    if not arguments:
        arguments = [str(p) for p in (*settings.fixtures, *settings.logs)]
    if not arguments:
        raise TrackplanError(
            "give the messages to check (files, folders, globs or - for stdin),"
            " or set `fixtures`/`logs` under [tool.trackplan]"
        )
    return settings, arguments


def looks_like_plan(path: Path) -> bool:
    """A YAML file with a plan's top-level keys (`events:`, `plan:`...), or a folder holding one."""
    if path.is_file():
        files = [path] if path.suffix.lower() in (".yaml", ".yml") else []
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".yaml", ".yml"))[:200]
    else:
        return False
    for file in files:
        try:
            text = file.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            continue
        if _PLAN_KEY.search(text):
            return True
    return False


@contextmanager
def _progress_bar() -> Iterator[Starter | None]:
    """A progress bar on stderr, only when stderr is a terminal (refreshed by hand: no thread)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("validating"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True, auto_refresh=False,
    )  # fmt: skip

    def start(total: int) -> Callable[[int], None]:
        task = progress.add_task("validate", total=total)
        progress.start()

        def advance(done: int) -> None:
            progress.advance(task, done)
            progress.refresh()

        return advance

    try:
        yield start
    finally:
        progress.stop()
