"""Running the checks over all inputs: byte ranges of big logs and whole files, on N processes.

Work is cut into tasks in input order: a plain log larger than a few MiB becomes byte ranges
(each line belongs to the range it starts in), every other file is one task, stdin is read by
the main process. Workers are forked with the plan's checkers already built, write their share
of `--passed`/`--failed` to temporary files, and return a Tally; the main process merges the
tallies and appends the temporary files in task order, so the output does not depend on the
number of processes.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from trackplan.model import Plan
from trackplan.validation.checking import Engine, Part, Rules, unreadable
from trackplan.validation.fixtures import NotAFixture, read_fixture
from trackplan.validation.inputs import InputKind, Source
from trackplan.validation.split import Split
from trackplan.validation.tally import Tally

MIN_RANGE_BYTES = 8 << 20
# Below this much input, starting worker processes costs more than it saves.
MIN_PARALLEL_BYTES = 4 << 20
MAX_RANGE_BYTES = 64 << 20
PROGRESS_MIN_BYTES = 32 << 20

_ENGINE: Engine | None = None  # the worker process's checkers


@dataclass(frozen=True)
class Task:
    """One unit of work: a source, or a byte range of one."""

    order: int
    source: int  # index into the sources
    start: int = 0
    end: int | None = None  # None: to the end of the file


@dataclass(frozen=True)
class Outcome:
    """A task's Part and where a worker left its share of the split outputs."""

    task: Task
    part: Part
    passed: str | None = None
    failed: str | None = None


def plan_tasks(sources: Sequence[Source], jobs: int) -> list[Task]:
    """Tasks in input order; big plain logs are cut into about four ranges per process."""
    tasks: list[Task] = []
    for index, source in enumerate(sources):
        if jobs > 1 and source.kind is InputKind.LOG and source.size > MIN_RANGE_BYTES:
            size = min(MAX_RANGE_BYTES, max(MIN_RANGE_BYTES, source.size // (jobs * 4)))
            starts = list(range(0, source.size, size))
            for number, start in enumerate(starts):
                end = starts[number + 1] if number + 1 < len(starts) else None
                tasks.append(Task(len(tasks), index, start, end))
        else:
            tasks.append(Task(len(tasks), index))
    return tasks


def run_tasks(
    plan: Plan,
    rules: Rules,
    sources: Sequence[Source],
    jobs: int,
    split: Split,
    advance: Callable[[int], None] | None = None,
) -> list[Outcome]:
    """Every task's outcome, in task order; split outputs already written in that order."""
    global _ENGINE
    tasks = plan_tasks(sources, jobs)
    engine = Engine(plan, rules)
    parallel = [t for t in tasks if sources[t.source].kind is not InputKind.STDIN]
    small = sum(sources[t.source].size for t in parallel) < MIN_PARALLEL_BYTES
    if jobs <= 1 or len(parallel) <= 1 or small:
        outcomes = []
        for task in tasks:
            outcomes.append(Outcome(task, run_task(engine, sources, task, split)))
            if advance is not None:
                advance(_task_bytes(sources, task))
        return outcomes
    _ENGINE = engine  # inherited by forked workers
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    workers = min(jobs, len(parallel))
    with ExitStack() as stack:
        folder = stack.enter_context(_scratch_folder(split)) if split.active else ""
        pool = stack.enter_context(context.Pool(workers, _start_worker, (plan, rules)))
        pending = {
            t.order: pool.apply_async(_work, (sources, t, folder, split.passed is not None, split.failed is not None))
            for t in parallel
        }  # fmt: skip
        outcomes = []
        for task in tasks:
            if task.order in pending:
                outcome: Outcome = pending[task.order].get()
                _append(outcome.passed, split.passed)
                _append(outcome.failed, split.failed)
            else:
                outcome = Outcome(task, run_task(engine, sources, task, split))
            outcomes.append(outcome)
            if advance is not None:
                advance(_task_bytes(sources, task))
        pool.close()
        pool.join()
    _ENGINE = None
    return outcomes


def run_task(engine: Engine, sources: Sequence[Source], task: Task, split: Split) -> Part:
    """Check one task in this process."""
    source = sources[task.source]
    if source.kind is InputKind.STDIN:
        return _run_stdin(engine, source, split)
    if source.kind in (InputKind.LOG, InputKind.LOG_GZ):
        return engine.check_log(source, split, task.start, task.end)
    assert source.path is not None
    try:
        raw = source.path.read_bytes()
    except OSError as exc:
        return unreadable(source, exc, engine.rules.max_examples)
    try:
        return engine.check_fixture(source, read_fixture(source, raw), split)
    except NotAFixture:
        return engine.check_log(source, split)


def _run_stdin(engine: Engine, source: Source, split: Split) -> Part:
    stream = sys.stdin.buffer
    head = b""
    while not head.strip():  # blank lines before the first message say nothing
        line = stream.readline()
        if not line:
            break
        head += line
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if first.startswith(b"[") or first == b"{":
        document = Source(None, source.shown, InputKind.JSON)
        return engine.check_fixture(document, read_fixture(document, head + stream.read()), split)
    return engine.check_stream(source, _Prefixed(head, stream), split)  # type: ignore[arg-type]


class _Prefixed:
    """stdin, with the whole lines already read from it given back first."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = io.BytesIO(head)
        self._left = len(head)
        self._stream = stream

    def readline(self, size: int = -1) -> bytes:
        if self._left:
            line = self._head.readline(size)
            self._left -= len(line)
            return line
        return self._stream.readline(size)


def _start_worker(plan: Plan, rules: Rules) -> None:
    global _ENGINE
    if _ENGINE is None:  # spawned rather than forked: build the checkers here
        _ENGINE = Engine(plan, rules)


def _work(
    sources: Sequence[Source], task: Task, folder: str, passed: bool, failed: bool
) -> Outcome:
    assert _ENGINE is not None
    with ExitStack() as stack:
        paths = [os.path.join(folder, f"{task.order}.{name}") if want else None
                 for name, want in (("passed", passed), ("failed", failed))]  # fmt: skip
        streams = [stack.enter_context(open(p, "wb")) if p else None for p in paths]
        part = run_task(_ENGINE, sources, task, Split(streams[0], streams[1]))
    return Outcome(task, part, paths[0], paths[1])


def _append(path: str | None, target: BinaryIO | None) -> None:
    if path is None or target is None:
        return
    with open(path, "rb") as stream:
        shutil.copyfileobj(stream, target, 1 << 20)
    os.unlink(path)


@contextmanager
def _scratch_folder(split: Split) -> Iterator[str]:
    target = split.passed or split.failed
    name = getattr(target, "name", None)
    parent = str(Path(name).parent) if isinstance(name, str) else None
    folder = tempfile.mkdtemp(prefix=".trackplan-split-", dir=parent)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _task_bytes(sources: Sequence[Source], task: Task) -> int:
    size = sources[task.source].size
    return (task.end if task.end is not None else size) - task.start


def merge_outcomes(
    sources: Sequence[Source], outcomes: Sequence[Outcome], max_examples: int
) -> tuple[Tally, list[int]]:
    """One tally for the run (line numbers made absolute) and the messages found per source."""
    total = Tally(max_examples)
    lines_before = [0] * len(sources)
    messages = [0] * len(sources)
    for outcome in outcomes:
        index = outcome.task.source
        total.merge(outcome.part.tally.shifted(lines_before[index]))
        lines_before[index] += outcome.part.lines
        messages[index] += outcome.part.messages
    total.files = len(sources)
    return total, messages
