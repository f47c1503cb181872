"""What a lint rule is: a code, a name, a group and a check that yields findings (what and where)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from trackplan.codes import CODES
from trackplan.diagnostics import Severity
from trackplan.model import Plan, Pointer

# The sections every rule's docstring has, in this order (`trackplan rule CODE` prints them).
DOC_SECTIONS = ("## What it does", "## Why", "## Example", "## How to fix")


class Group(StrEnum):
    """What a rule is about; `trackplan rules` lists rules by group."""

    NAMING = "naming"
    DUPLICATES = "duplicates"
    DOCUMENTATION = "documentation"
    USAGE = "usage"
    CONSISTENCY = "consistency"
    DEPRECATION = "deprecation"
    CONSTRAINTS = "constraints"
    PRIVACY = "privacy"
    SUPPRESSION = "suppression"


@dataclass(frozen=True)
class Finding:
    """What a rule found and where: the engine adds the code, severity, line and column."""

    message: str
    pointer: Pointer
    hint: str = ""
    event: str = ""


Check = Callable[[Plan], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A lint rule. `check` is None for findings the engine itself makes (unused suppressions)."""

    code: str
    name: str
    group: Group
    severity: Severity
    check: Check | None
    doc: str

    @property
    def summary(self) -> str:
        """The docstring's first line."""
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def body(self) -> str:
        """The docstring without its first line, dedented."""
        lines = self.doc.strip().splitlines()[1:]
        return "\n".join(line.rstrip() for line in lines).strip()


def make_rule(code: str, group: Group, check: Check | None, doc: str | None) -> Rule:
    """A rule whose name and default severity come from the code table, its documentation from its module's docstring."""
    info = CODES[code]
    return Rule(code, info.name, group, Severity(info.severity), check, doc or "")
