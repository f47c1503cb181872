"""Scanning source code for analytics calls: files → call sites → TP4xx diagnostics (`trackplan scan`).

The pipeline: `find_sources` (git-aware file listing) → `scan_files` (a byte prefilter, then
tree-sitter or `ast`, each file → a FileScan of CallSites → `check_file`: the plan's verdict
on each call, suppression comments applied; in worker processes when there are many) →
`check_coverage` (planned events never called) → a Report whose summary holds the
inventory of every call (`summary["calls"]`). Constants imported from another file
(`import { EVENTS } from './events'`) are read lazily, one hop, through a per-process
`modules.ModuleCache`.

`scan_code` is the one entry point: `trackplan scan` and `trackplan check` both call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from trackplan.config import Settings
from trackplan.diagnostics import Report, TrackplanError
from trackplan.linting.suppressions import suppress_in_plan
from trackplan.model import Plan
from trackplan.scanning.checks import check_call, check_coverage, check_file, coverage_figures
from trackplan.scanning.files import SourceFile, find_sources
from trackplan.scanning.languages import EXTENSIONS, Language
from trackplan.scanning.pool import default_jobs, parse_file, scan_files
from trackplan.scanning.sdks import SDKS, Matchers, build_matchers
from trackplan.scanning.sites import CallKind, CallSite, FileOutcome, FileScan, Value, ValueKind

__all__ = [
    "SDKS",
    "CallKind",
    "CallSite",
    "FileOutcome",
    "FileScan",
    "Language",
    "Matchers",
    "SourceFile",
    "Value",
    "ValueKind",
    "build_matchers",
    "check_call",
    "check_coverage",
    "check_file",
    "find_sources",
    "parse_file",
    "scan_code",
    "scan_files",
]


def scan_code(
    plan: Plan,
    settings: Settings,
    sources: Sequence[Path] = (),
    jobs: int | None = None,
) -> Report:
    """Scan `sources` (default: the configured `sources`, else the project folder) against `plan`.

    Raises TrackplanError (exit 2) for a missing path, a named file scan cannot read, an
    unknown SDK preset, a bad wrapper, or folders holding no source file at all.
    """
    paths = list(sources) or list(settings.sources) or [settings.root]
    try:
        matchers = build_matchers(settings.sdks, settings.wrappers)
    except TrackplanError as exc:
        where = f"{settings.config_file}: " if settings.config_file and settings.wrappers else ""
        raise TrackplanError(f"{where}{exc}") from exc
    files = find_sources(paths, settings.exclude, settings.root)
    if not files:
        where = ", ".join(p.as_posix() for p in paths)
        kinds = ", ".join(sorted(EXTENSIONS))
        raise TrackplanError(
            f"{where}: no source files to scan (scan reads {kinds}; it skips what git"
            " ignores and dependency or build folders)"
        )
    roots = [p.resolve().as_posix() for p in (*paths, settings.root) if p.is_dir()]
    outcomes = scan_files(files, matchers, plan, jobs or default_jobs(), roots)
    called = frozenset().union(*(outcome.events for outcome in outcomes))
    diagnostics = [d for outcome in outcomes for d in outcome.diagnostics]
    diagnostics += suppress_in_plan(plan.files, check_coverage(plan, called))
    calls = [row for outcome in outcomes for row in outcome.calls]
    summary = {
        "files": len(files),
        "files_parsed": sum(1 for outcome in outcomes if outcome.parsed),
        "calls_found": len(calls),
        **coverage_figures(plan, called),
        "calls": calls,
    }
    return Report.build("scan", diagnostics, summary)
