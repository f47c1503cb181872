"""Reading and prefiltering source files, then parsing the few that matter, in worker processes.

The main process reads each file as bytes and keeps it only if it names an SDK object or a
wrapper (`analytics`, `posthog`, `trackEvent`, ...) as a whole word: most files of a code
base never do, and are never decoded or parsed (reading is cheap, parsing is not). The
files kept are parsed in a pool of worker processes when there are enough of them to pay
for starting it. Results keep the files' sorted order whatever the number of workers, so
the output is the same with `--jobs 1` or `--jobs 8`.

Workers start from a fork server that has already imported the parsers (`forkserver`, not
`fork`: the worker never inherits the parent's threads or locks), or by `spawn` where there
is no fork server.

Constants imported from another file are resolved where the call is parsed: each process
(the main one, each worker) keeps its own `ModuleCache` for the scan and reads a constants
module only when a call needs it, so the result never depends on which worker saw what.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity, TrackplanError
from trackplan.model import Plan
from trackplan.scanning.checks import check_file
from trackplan.scanning.files import SourceFile
from trackplan.scanning.javascript import extract_javascript
from trackplan.scanning.languages import Language
from trackplan.scanning.modules import ModuleCache
from trackplan.scanning.python import extract_python
from trackplan.scanning.sdks import Matchers
from trackplan.scanning.sites import FileOutcome, FileScan
from trackplan.scanning.suppression import find_markers

# Parsing fewer files than this in-process is faster than starting workers (~0.3 s).
POOL_THRESHOLD = 200
_BOM = b"\xef\xbb\xbf"

# A file that passed the prefilter, with the bytes already read.
Candidate = tuple[SourceFile, bytes]

# Set in each worker process by its initializer.
_worker_state: tuple[Matchers, Plan, ModuleCache] | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def scan_files(
    files: Sequence[SourceFile],
    matchers: Matchers,
    plan: Plan,
    jobs: int,
    roots: Sequence[str] = (),
) -> list[FileOutcome]:
    """The outcome of every file that mentions an SDK or could not be read, in `files` order.

    Workers check the calls against the plan themselves and send back only findings and
    inventory rows: sending every parsed value back would cost more than parsing it.
    `roots` are the folders where Python's absolute imports (`from app.events import X`) are
    looked for.
    """
    outcomes: list[FileOutcome] = []
    candidates: list[Candidate] = []
    for item in _prefilter(files, matchers):
        if isinstance(item, FileScan):
            outcomes.append(check_file(plan, item))
        else:
            candidates.append(item)
    if jobs <= 1 or len(candidates) < POOL_THRESHOLD:
        modules = ModuleCache(roots)
        outcomes += [
            check_file(plan, parse_file(file, data, matchers, modules)) for file, data in candidates
        ]
    else:
        outcomes += _parse_in_pool(candidates, matchers, plan, jobs, roots)
    return sorted(outcomes, key=lambda outcome: outcome.file)


def parse_file(
    file: SourceFile, data: bytes, matchers: Matchers, modules: ModuleCache | None = None
) -> FileScan:
    """Decode and parse one file's bytes into its calls, problems and suppression comments.

    With `modules`, constants imported from other files resolve (read through that cache).
    """
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        reason = f"it is not valid UTF-8 (byte 0x{data[exc.start]:02x})"
        return FileScan(file.shown, problems=(_unreadable(file, reason, line, column),))
    if file.language is Language.PYTHON:
        calls, problems = extract_python(text, matchers, file.shown, file.path, modules)
    else:
        calls, problems = extract_javascript(
            data, file.language, matchers, file.shown, file.path, modules
        )
    return FileScan(file.shown, tuple(calls), tuple(problems), find_markers(text), parsed=True)


def _prefilter(files: Sequence[SourceFile], matchers: Matchers) -> Iterator[FileScan | Candidate]:
    """Each file worth parsing with its bytes, or a FileScan with the reason it is unreadable."""
    patterns = matchers.patterns
    anchors = matchers.anchor_bytes
    for file in files:
        try:
            data = read_bytes(file.path)
        except FileNotFoundError:
            continue  # listed by the git index, deleted from the work tree
        except OSError as exc:
            reason = f"cannot read it ({exc.strerror or exc})"
            yield FileScan(file.shown, problems=(_unreadable(file, reason),))
            continue
        family = file.language.family
        # A plain substring test first (fast), then the whole-word check.
        if any(anchor in data for anchor in anchors[family]) and patterns[family].search(data):
            yield file, data


def read_bytes(path: str) -> bytes:
    """A file's bytes with plain system calls (half the cost of `open().read()`)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = []
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def _parse_in_pool(
    candidates: Sequence[Candidate],
    matchers: Matchers,
    plan: Plan,
    jobs: int,
    roots: Sequence[str],
) -> list[FileOutcome]:
    workers = min(jobs, len(candidates))
    size = max(4, min(64, len(candidates) // (workers * 4)))
    chunks = [candidates[i : i + size] for i in range(0, len(candidates), size)]
    results: list[FileOutcome] = []
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(matchers, plan, tuple(roots)),
        ) as pool:
            for part in pool.map(_parse_chunk, chunks):
                results.extend(part)
    except BrokenProcessPool as exc:
        raise TrackplanError(
            f"a scan worker process stopped ({exc}); run again with --jobs 1"
        ) from exc
    return results


def _unreadable(file: SourceFile, reason: str, line: int = 0, column: int = 0) -> Diagnostic:
    return Diagnostic(
        file=file.shown,
        line=line,
        column=column,
        code=codes.UNREADABLE_SOURCE,
        severity=Severity.WARNING,
        message=f"the file was not scanned: {reason}",
        hint="save it as UTF-8, or exclude it with `scan.exclude`",
    )


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        # Takes effect when the fork server starts (once per process): workers forked from
        # it have the grammars loaded already.
        multiprocessing.set_forkserver_preload([__name__])
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _start_worker(matchers: Matchers, plan: Plan, roots: tuple[str, ...]) -> None:
    global _worker_state
    _worker_state = (matchers, plan, ModuleCache(roots))


def _parse_chunk(chunk: Sequence[Candidate]) -> list[FileOutcome]:
    if _worker_state is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("scan worker started without its matchers")
    matchers, plan, modules = _worker_state
    return [check_file(plan, parse_file(file, data, matchers, modules)) for file, data in chunk]
