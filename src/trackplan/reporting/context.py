"""What every renderer is given: the RenderContext, RuleInfo, and the one-line message."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from trackplan import __version__
from trackplan.diagnostics import Diagnostic


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule: its code, short name and one-line summary."""

    code: str
    name: str
    summary: str


@dataclass(frozen=True, kw_only=True)
class RenderContext:
    """Everything a render function needs beyond the report itself."""

    color: bool = False
    statistics: bool = False
    # Returns a file's lines by its relative path, or None when it cannot be read.
    read_source: Callable[[str], Sequence[str] | None] | None = None
    rule_docs: Mapping[str, RuleInfo] = field(default_factory=dict)
    tool_version: str = __version__
    width: int = 100


def describe(diag: Diagnostic) -> str:
    """The message with its hint, for one-line formats: `message (hint)`."""
    return f"{diag.message} ({diag.hint})" if diag.hint else diag.message
