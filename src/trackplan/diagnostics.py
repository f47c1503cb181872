"""The diagnostic model every command produces: Severity, Diagnostic, Report and exit codes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class FailOn(StrEnum):
    """The lowest severity that makes a command exit 1 (`--fail-on`)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"


class ExitCode:
    """The three exit codes of the CLI contract."""

    OK = 0
    FINDINGS = 1
    UNUSABLE = 2


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding: a stable code, a severity, a one-line message and where it applies.

    Field order is the sort order, so sorted diagnostics are stable output.
    """

    file: str = ""
    line: int = 0
    column: int = 0
    code: str = ""
    severity: Severity = Severity.ERROR
    message: str = ""
    hint: str = ""
    event: str = ""
    path: str = ""

    def location(self) -> str:
        """`file:line:column`, dropping the parts that are unknown."""
        parts = [self.file or "<input>"]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint or None,
            "file": self.file or None,
            "line": self.line or None,
            "column": self.column or None,
            "event": self.event or None,
            "path": self.path or None,
        }


class TrackplanError(Exception):
    """The one exception users see: the job cannot be done (exit 2).

    The message names what and where (`plans/a.yaml:3:1: ...`). It is caught once, at the
    CLI boundary, and printed as one line.
    """


def code_matches(code: str, selectors: Iterable[str]) -> bool:
    """True when `code` equals or starts with one of `selectors` (`TP2`, `TP201`, `ALL`)."""
    for selector in selectors:
        sel = selector.strip().upper()
        if sel == "ALL" or (sel and code.upper().startswith(sel)):
            return True
    return False


def select_diagnostics(
    diagnostics: Iterable[Diagnostic],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Diagnostic]:
    """Keep the diagnostics whose code is selected (all when `select` is empty) and not ignored.

    The more specific selector wins, as in ruff: `--select TP2 --ignore TP201` drops TP201,
    `--ignore TP2 --select TP201` keeps it.
    """
    kept = []
    for diag in diagnostics:
        sel_len = _longest_match(diag.code, select) if select else 0
        if select and sel_len < 0:
            continue
        ign_len = _longest_match(diag.code, ignore)
        if ign_len >= 0 and ign_len >= sel_len:
            continue
        kept.append(diag)
    return kept


def _longest_match(code: str, selectors: Sequence[str]) -> int:
    best = -1
    for selector in selectors:
        sel = selector.strip().upper()
        if sel == "ALL":
            best = max(best, 0)
        elif sel and code.upper().startswith(sel):
            best = max(best, len(sel))
    return best


def apply_severities(
    diagnostics: Iterable[Diagnostic], severities: Mapping[str, Severity]
) -> list[Diagnostic]:
    """Override severities by code or prefix (the longest matching key wins)."""
    if not severities:
        return list(diagnostics)
    out = []
    for diag in diagnostics:
        best = ""
        for key in severities:
            if diag.code.upper().startswith(key.upper()) and len(key) > len(best):
                best = key
        out.append(replace(diag, severity=severities[best]) if best else diag)
    return out


def fails(severity: Severity, fail_on: FailOn) -> bool:
    """True when a finding of `severity` reaches the `--fail-on` level."""
    if fail_on is FailOn.NEVER:
        return False
    return severity.rank >= Severity(fail_on.value).rank


@dataclass(frozen=True)
class Report:
    """What a command found: sorted diagnostics, a command-specific summary of figures, and the
    typed outcomes that decide the exit code beyond the findings.

    `unreadable` counts inputs that could not be read at all (a missing or undecodable file):
    the job was not fully done, so the exit code is 2 whatever the findings. `summary` holds
    figures for people and machine formats only (snake_case keys; a command that counts
    unreadable inputs shows the figure as `unreadable_files`); nothing reads it to decide.
    """

    command: str
    diagnostics: tuple[Diagnostic, ...] = ()
    summary: Mapping[str, Any] = field(default_factory=dict)
    unreadable: int = 0

    @classmethod
    def build(
        cls,
        command: str,
        diagnostics: Iterable[Diagnostic],
        summary: Mapping[str, Any] | None = None,
        *,
        unreadable: int = 0,
    ) -> Report:
        return cls(command, tuple(sorted(diagnostics)), dict(summary or {}), unreadable)

    def with_diagnostics(self, diagnostics: Iterable[Diagnostic]) -> Report:
        """The same report (summary and outcomes) with other diagnostics."""
        return replace(self, diagnostics=tuple(sorted(diagnostics)))

    @property
    def complete(self) -> bool:
        """Whether every input was read (else the exit code is 2)."""
        return not self.unreadable

    def counts(self) -> dict[str, int]:
        """How many diagnostics of each severity (every severity present, zero included)."""
        counter = Counter(d.severity for d in self.diagnostics)
        return {sev.value: counter.get(sev, 0) for sev in Severity}

    def code_counts(self) -> dict[str, int]:
        """How many diagnostics per code, sorted by code (`--statistics`)."""
        return dict(sorted(Counter(d.code for d in self.diagnostics).items()))

    def exit_code(self, fail_on: FailOn = FailOn.ERROR) -> int:
        """2 when an input could not be read, else 1 for findings at `fail_on` or above, else 0."""
        if self.unreadable:
            return ExitCode.UNUSABLE
        failed = any(fails(d.severity, fail_on) for d in self.diagnostics)
        return ExitCode.FINDINGS if failed else ExitCode.OK

    def full_summary(self) -> dict[str, Any]:
        """The summary object of machine formats: severity counts, then command figures."""
        counts = self.counts()
        summary: dict[str, Any] = {
            "command": self.command,
            "total": len(self.diagnostics),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "by_code": self.code_counts(),
        }
        summary.update(self.summary)
        return summary
