"""Validating event messages against a plan: `validate_inputs` → a Report (the `validate` command).

The pipeline: `inputs` finds and reads the files, `runner` cuts them into tasks for worker
processes, `checking` runs each line through `fastpath` (a typed msgspec decode that can only
say "conforms") and, when it cannot, through `reference` (jsonschema draft-07 on the compiled
schemas, the definition of every verdict), `tally` counts in constant memory and `split`
writes `--passed`/`--failed`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from trackplan import codes
from trackplan.config import Settings
from trackplan.diagnostics import Diagnostic, Report, Severity, TrackplanError, select_diagnostics
from trackplan.model import Plan
from trackplan.validation.checking import Rules
from trackplan.validation.inputs import Source, collect_sources
from trackplan.validation.runner import PROGRESS_MIN_BYTES, merge_outcomes, run_tasks
from trackplan.validation.split import Split

__all__ = ["ValidateOptions", "validate_inputs"]

DEFAULT_MAX_EXAMPLES = 100


@dataclass(frozen=True)
class ValidateOptions:
    """What `validate` does beyond the settings: processes, examples kept, split outputs."""

    jobs: int = 0  # worker processes; 0 means one per core
    max_examples: int = DEFAULT_MAX_EXAMPLES  # diagnostics kept per code; 0 keeps all
    passed: Path | None = None
    failed: Path | None = None
    fast: bool = True  # False: every message through the reference checker (for comparisons)
    progress: Callable[[int], Callable[[int], None] | None] | None = None  # total bytes → advance
    show_met_expectations: bool = True  # findings of fixtures that fail as expected, as info


def validate_inputs(
    plan: Plan,
    arguments: Sequence[str],
    settings: Settings,
    options: ValidateOptions | None = None,
) -> Report:
    """Check every message the arguments name (files, folders, globs, `-`) against `plan`."""
    options = options or ValidateOptions()
    if options.max_examples < 0:
        raise TrackplanError("--max-examples must be 0 (keep all) or more")
    collected = collect_sources(arguments)
    _refuse_overwrite(collected.sources, options)
    jobs = options.jobs if options.jobs > 0 else (os.cpu_count() or 1)
    rules = Rules(
        severities=settings.severity,
        select=settings.select,
        ignore=settings.ignore,
        max_examples=options.max_examples,
        fast=options.fast,
        show_met_expectations=options.show_met_expectations,
    )
    total = sum(s.size for s in collected.sources)
    advance = options.progress(total) if options.progress and total >= PROGRESS_MIN_BYTES else None
    with ExitStack() as stack:
        split = Split(
            _open_output(stack, options.passed, "--passed"),
            _open_output(stack, options.failed, "--failed"),
        )
        outcomes = run_tasks(plan, rules, collected.sources, jobs, split, advance)
    tally, messages = merge_outcomes(collected.sources, outcomes, options.max_examples)
    extra = [_no_messages(argument, "no message files") for argument in collected.empty]
    for source, count in zip(collected.sources, messages, strict=True):
        if count == 0 and not any(d.file == source.shown for d in tally.diagnostics()):
            extra.append(_no_messages(source.shown, "no messages"))
    for diagnostic in select_diagnostics(extra, settings.select, settings.ignore):
        tally.add(diagnostic)
    return Report.build(
        "validate", tally.diagnostics(), tally.summary(), unreadable=tally.unreadable
    )


def _no_messages(where: str, what: str) -> Diagnostic:
    return Diagnostic(
        where, code=codes.NO_MESSAGES, severity=Severity.WARNING, message=f"{what} to check here",
        hint="check the path; logs are .ndjson/.jsonl(.gz), fixtures .json/.yaml",
    )  # fmt: skip


def _refuse_overwrite(sources: Sequence[Source], options: ValidateOptions) -> None:
    inputs = {s.path.resolve() for s in sources if s.path is not None}
    for flag, path in (("--passed", options.passed), ("--failed", options.failed)):
        if path is not None and path.resolve() in inputs:
            raise TrackplanError(
                f"{path.as_posix()}: {flag} would overwrite an input; choose another file"
            )
    both = options.passed is not None and options.failed is not None
    if both and options.passed.resolve() == options.failed.resolve():  # type: ignore[union-attr]
        raise TrackplanError("--passed and --failed must be different files")


def _open_output(stack: ExitStack, path: Path | None, flag: str) -> BinaryIO | None:
    if path is None:
        return None
    try:
        stream: Any = stack.enter_context(path.open("wb"))
    except OSError as exc:
        raise TrackplanError(
            f"{path.as_posix()}: cannot write {flag}: {exc.strerror or exc}"
        ) from exc
    return stream  # type: ignore[no-any-return]
