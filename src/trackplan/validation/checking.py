"""Checking one input: every line of a log range or every message of a fixture → a Tally.

The hot loop asks the fast path first and gives the reference checker only the lines it
cannot vouch for; findings become diagnostics with file, line, column, event and path, take
the configured severities and `--select`/`--ignore`, and are counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

import msgspec

from trackplan import codes
from trackplan.diagnostics import (
    Diagnostic,
    Severity,
    apply_severities,
    select_diagnostics,
)
from trackplan.model import Plan
from trackplan.validation.fastpath import FastChecker
from trackplan.validation.findings import Finding, Verdict
from trackplan.validation.fixtures import (
    FileProblem,
    Fixture,
    FixtureMessage,
    json_problem,
    parse_json,
)
from trackplan.validation.inputs import (
    BOM,
    GZIP_ERRORS,
    MAX_LINE_BYTES,
    Overlong,
    Source,
    iter_lines,
    open_log,
)
from trackplan.validation.positions import locate
from trackplan.validation.reference import ReferenceChecker
from trackplan.validation.schemas import build_schemas
from trackplan.validation.split import Split
from trackplan.validation.tally import Tally

_GENERIC = msgspec.json.Decoder()


@dataclass(frozen=True)
class Rules:
    """How findings are reported: configured severities, `--select`/`--ignore`, examples kept."""

    severities: Mapping[str, Severity] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    max_examples: int = 100
    fast: bool = True
    # Met fixture expectations are shown as info; `check` drops them (nothing to act on).
    show_met_expectations: bool = True


@dataclass(frozen=True)
class Part:
    """What checking one part of one source found."""

    tally: Tally
    lines: int = 0  # lines read, blank ones included (to number the lines of the next part)
    messages: int = 0


class Engine:
    """The checkers of one plan, built once per process."""

    def __init__(self, plan: Plan, rules: Rules) -> None:
        schemas = build_schemas(plan)
        self.rules = rules
        self.reference = ReferenceChecker(plan, schemas, accelerate=rules.fast)
        self.fast = FastChecker(schemas) if rules.fast else None

    def settle(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        rules = self.rules
        if rules.severities:
            diagnostics = apply_severities(diagnostics, rules.severities)
        if rules.select or rules.ignore:
            diagnostics = select_diagnostics(diagnostics, rules.select, rules.ignore)
        return diagnostics

    # -- logs -------------------------------------------------------------------------

    def check_log(
        self, source: Source, split: Split, start: int = 0, end: int | None = None
    ) -> Part:
        """The lines of a log file that start in [start, end); numbered from the range's start."""
        try:
            stream = open_log(source)
        except OSError as exc:
            return unreadable(source, exc, self.rules.max_examples)
        with stream:
            return self.check_stream(source, stream, split, start, end)

    def check_stream(
        self, source: Source, stream: BinaryIO, split: Split, start: int = 0, end: int | None = None
    ) -> Part:
        """The lines of an open log stream (see `check_log`)."""
        tally = Tally(self.rules.max_examples)
        number = 0
        fast_valid = 0
        conforms = self.fast.conforms if self.fast is not None else _never
        write_passed = split.write_passed if split.passed is not None else None
        try:
            for line in iter_lines(stream, start, end):
                number += 1
                if conforms(line):  # type: ignore[arg-type]
                    fast_valid += 1
                    if write_passed is not None:
                        write_passed(line)  # type: ignore[arg-type]
                    continue
                if number == 1 and start == 0 and line[:3] == BOM:  # type: ignore[index]
                    line = line[3:]  # type: ignore[index]
                self.check_line(line, number, source.shown, tally, split)
        except GZIP_ERRORS as exc:
            self._broken_stream(source, number, exc, tally)
        except OSError as exc:
            tally.unreadable += 1
            message = f"cannot read the file past line {number}: {exc.strerror or exc}"
            tally.add(Diagnostic(source.shown, number + 1, 0, codes.INVALID_JSON, message=message))
        tally.messages += fast_valid
        return Part(tally, number, tally.messages)

    def _broken_stream(self, source: Source, number: int, exc: BaseException, tally: Tally) -> None:
        what = "ends early (truncated)" if isinstance(exc, EOFError) else f"is corrupt ({exc})"
        tally.add(
            Diagnostic(
                source.shown, number + 1, 0, codes.INVALID_JSON,
                message=f"the compressed stream {what}; lines after {number} could not be read",
                hint="check the file was copied whole",
            )
        )  # fmt: skip

    def check_line(
        self, line: bytes | Overlong, number: int, shown: str, tally: Tally, split: Split
    ) -> None:
        """A line the fast path did not vouch for: parse it, check it, count it, split it."""
        if isinstance(line, Overlong):
            finding = Finding(
                (), codes.INVALID_JSON,
                f"the line is {line.size:,} bytes long; lines over {MAX_LINE_BYTES:,} bytes are not read",
                hint="Segment refuses messages over 32 KB: split or trim the message",
            )  # fmt: skip
            self._record(Verdict("", (finding,)), line, None, "", number, shown, tally, split)
            return
        if not line.strip():
            return  # blank lines are skipped silently
        try:
            message = self._parse(line)
        except (ValueError, RecursionError) as exc:
            column = (
                getattr(exc, "colno", 0)
                if not isinstance(exc, UnicodeDecodeError)
                else exc.start + 1
            )
            verdict = Verdict(
                "", (Finding((), codes.INVALID_JSON, json_problem(exc), hint=_json_hint(exc)),)
            )
            text = line.rstrip(b"\r\n").decode("utf-8", "replace")
            self._record(verdict, line, None, text, number, shown, tally, split, column)
            return
        verdict = self.reference.check(message)
        text = line.rstrip(b"\r\n").decode("utf-8", "replace") if verdict.findings else ""
        self._record(verdict, line, message, text, number, shown, tally, split)

    def _parse(self, line: bytes) -> Any:
        """The parsed line: msgspec first (fast, exact integers), the standard library for errors."""
        if self.rules.fast:
            try:
                return _GENERIC.decode(line)
            except (msgspec.DecodeError, RecursionError):
                pass  # the standard library decides, and says where the problem is
        return parse_json(line.decode("utf-8"))

    def _record(
        self,
        verdict: Verdict,
        raw: bytes | Overlong | None,
        message: Any,
        text: str,
        number: int,
        shown: str,
        tally: Tally,
        split: Split,
        column: int = 0,
    ) -> None:
        diagnostics = [
            _diagnostic(f, verdict.event, shown, number, column or _column(text, f))
            for f in verdict.findings
        ]
        diagnostics = self.settle(diagnostics)
        invalid = any(d.severity is Severity.ERROR for d in diagnostics)
        tally.message(verdict.event, invalid)
        sample = (
            text
            if text
            else (raw.head.decode("utf-8", "replace") if isinstance(raw, Overlong) else "")
        )
        for diagnostic in diagnostics:
            tally.add(diagnostic)
            tally.add_sample(diagnostic.code, shown, number, sample)
        if invalid:
            split.write_failed(raw, message, diagnostics)
        elif raw is not None and not isinstance(raw, Overlong):
            split.write_passed(raw)

    # -- fixtures -----------------------------------------------------------------------

    def check_fixture(self, source: Source, fixture: Fixture, split: Split) -> Part:
        tally = Tally(self.rules.max_examples)
        for problem in fixture.problems:  # the file, not a message: reported, never split
            tally.add(_file_diagnostic(source.shown, problem))
        for item in fixture.messages:
            self._check_fixture_message(source, item, tally, split)
        return Part(tally, 0, tally.messages)

    def _check_fixture_message(
        self, source: Source, item: FixtureMessage, tally: Tally, split: Split
    ) -> None:
        verdict = self.reference.check(item.message) if item.checkable else Verdict("")
        findings = (*item.problems, *verdict.findings)
        shown = source.shown
        diagnostics = []
        for finding in findings:
            line, column = item.locate(
                finding.where[:-1] if finding.code == codes.MISSING_REQUIRED else finding.where
            )
            diagnostics.append(_diagnostic(finding, verdict.event, shown, line, column))
        diagnostics = self.settle(diagnostics)
        invalid = any(d.severity is Severity.ERROR for d in diagnostics)
        tally.message(verdict.event, invalid)
        if invalid:
            split.write_failed(None, item.message, diagnostics)
        else:
            split.write_passed_message(item.message)
        if item.expect is not None:
            tally.fixtures += 1
            diagnostics = self._expect(item, verdict.event, shown, diagnostics, tally)
        for diagnostic in diagnostics:
            tally.add(diagnostic)
            tally.add_sample(diagnostic.code, shown, diagnostic.line, item.text)

    def _expect(
        self,
        item: FixtureMessage,
        event: str,
        shown: str,
        diagnostics: list[Diagnostic],
        tally: Tally,
    ) -> list[Diagnostic]:
        """Met expectations turn the findings into info; unmet ones add TP311."""
        found = sorted({d.code for d in diagnostics})
        expect = item.expect
        if expect == "valid":
            met, wanted = not found, "no finding (it is under valid/)"
        elif expect == "invalid":
            met, wanted = bool(found), "a finding (it is under invalid/)"
        else:
            met = found == list(expect or ())
            wanted = ", ".join(expect or ()) or "no finding"
            wanted += " (its `expect`)"
        if met:
            if not self.rules.show_met_expectations:
                return []
            return [
                replace(d, severity=Severity.INFO, hint=_expected_hint(d.hint)) for d in diagnostics
            ]
        tally.fixtures_failed += 1
        line, column = item.locate(())
        got = ", ".join(found) or "no finding"
        hint = "fix the message or the plan, or change what the fixture expects"
        failure = Diagnostic(
            shown,
            line,
            column,
            codes.FIXTURE_EXPECTATION,
            Severity.ERROR,
            f"the fixture expects {wanted} but got {got}",
            hint,
            event,
        )
        return [*diagnostics, *self.settle([failure])]


def unreadable(source: Source, exc: OSError, max_examples: int) -> Part:
    """A file that cannot be opened or read: TP308, counted as unreadable."""
    tally = Tally(max_examples)
    tally.unreadable += 1
    message = f"cannot read the file: {exc.strerror or exc}"
    tally.add(
        Diagnostic(
            source.shown,
            code=codes.INVALID_JSON,
            message=message,
            hint="check the path and its permissions",
        )
    )
    return Part(tally)


def _never(_: object) -> bool:
    return False


def _diagnostic(finding: Finding, event: str, shown: str, line: int, column: int) -> Diagnostic:
    return Diagnostic(
        file=shown,
        line=line,
        column=column,
        code=finding.code,
        severity=finding.severity,
        message=finding.message,
        hint=finding.hint,
        event=event,
        path=finding.path,
    )


def _file_diagnostic(shown: str, problem: FileProblem) -> Diagnostic:
    return Diagnostic(
        shown,
        problem.line,
        problem.column,
        problem.code,
        Severity.ERROR,
        problem.message,
        problem.hint,
    )


def _column(text: str, finding: Finding) -> int:
    """1-based column of the finding's value in a one-line message (its parent for TP302)."""
    if not text:
        return 0
    where: Sequence[Any] = (
        finding.where[:-1] if finding.code == codes.MISSING_REQUIRED else finding.where
    )
    return locate(text, where) + 1


def _json_hint(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "write logs as UTF-8"
    if isinstance(exc, RecursionError):
        return "flatten the message"
    return "send one JSON object per line"


def _expected_hint(hint: str) -> str:
    note = "expected by the fixture"
    return f"{note}; {hint}" if hint else note
