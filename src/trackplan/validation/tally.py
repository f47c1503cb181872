"""Counting what a run found in constant memory: every finding counted, a few kept as examples.

A Tally is filled by one worker over one part of the input and merged with the others. Merging
is independent of how the input was split: counts add up, and the examples kept per code are
the `max_examples` smallest diagnostics in report order, so `--jobs 1` and `--jobs 8` print the
same bytes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from trackplan.diagnostics import Diagnostic

UNKNOWN_EVENT = "(unknown)"
TOP_EVENTS = 10
SAMPLE_CHARS = 240


@dataclass
class Tally:
    """Counts and kept examples of one part of a run (or of all of it, once merged)."""

    max_examples: int = 100  # 0 keeps every diagnostic
    messages: int = 0
    invalid: int = 0
    files: int = 0
    unreadable: int = 0
    fixtures: int = 0
    fixtures_failed: int = 0
    by_event_code: Counter[tuple[str, str]] = field(default_factory=Counter)
    invalid_by_event: Counter[str] = field(default_factory=Counter)
    kept: dict[str, list[Diagnostic]] = field(default_factory=dict)
    samples: dict[str, tuple[str, int, str]] = field(
        default_factory=dict
    )  # code → file, line, text

    def add(self, diagnostic: Diagnostic) -> None:
        """Count a diagnostic and keep it if it is among the first of its code."""
        self.by_event_code[(diagnostic.event or UNKNOWN_EVENT, diagnostic.code)] += 1
        kept = self.kept.setdefault(diagnostic.code, [])
        kept.append(diagnostic)
        if self.max_examples and len(kept) > 2 * self.max_examples:
            kept.sort()
            del kept[self.max_examples :]

    def add_sample(self, code: str, file: str, line: int, text: str) -> None:
        """Remember `text` as the sample message of `code` if it comes first."""
        current = self.samples.get(code)
        if current is None or (file, line) < current[:2]:
            self.samples[code] = (file, line, _shorten(text))

    def message(self, event: str, invalid: bool) -> None:
        self.messages += 1
        if invalid:
            self.invalid += 1
            self.invalid_by_event[event or UNKNOWN_EVENT] += 1

    def shifted(self, lines: int) -> Tally:
        """The same tally with every line number moved down by `lines` (for later byte ranges)."""
        if not lines:
            return self
        kept = {
            code: [replace(d, line=d.line + lines) if d.line else d for d in diagnostics]
            for code, diagnostics in self.kept.items()
        }
        samples = {c: (f, n + lines if n else n, t) for c, (f, n, t) in self.samples.items()}
        return replace(self, kept=kept, samples=samples)

    def merge(self, other: Tally) -> None:
        for name in ("messages", "invalid", "files", "unreadable", "fixtures", "fixtures_failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.by_event_code.update(other.by_event_code)
        self.invalid_by_event.update(other.invalid_by_event)
        for code, diagnostics in other.kept.items():
            kept = self.kept.setdefault(code, [])
            kept.extend(diagnostics)
            if self.max_examples:
                kept.sort()
                del kept[self.max_examples :]
        for code, (file, line, text) in other.samples.items():
            self.add_sample(code, file, line, text)

    def diagnostics(self) -> list[Diagnostic]:
        """The kept diagnostics, `max_examples` per code at most."""
        out: list[Diagnostic] = []
        for diagnostics in self.kept.values():
            diagnostics.sort()
            out.extend(diagnostics[: self.max_examples] if self.max_examples else diagnostics)
        return sorted(out)

    def summary(self) -> dict[str, Any]:
        """The figures of the report, in the order a person reads them."""
        found = sum(self.by_event_code.values())
        shown = len(self.diagnostics())
        summary: dict[str, Any] = {
            "files": self.files,
            "messages": self.messages,
            "valid": self.messages - self.invalid,
            "invalid": self.invalid,
        }
        if self.fixtures:
            summary["fixtures_with_expectations"] = self.fixtures
            summary["fixtures_not_as_expected"] = self.fixtures_failed
        if self.unreadable:
            summary["unreadable_files"] = self.unreadable
        if found > shown:
            summary["findings_not_shown"] = found - shown
        summary["findings_by_event_and_code"] = {
            f"{event} · {code}": count
            for (event, code), count in sorted(self.by_event_code.items())
        }
        top = sorted(self.invalid_by_event.items(), key=lambda item: (-item[1], item[0]))
        summary["top_offending_events"] = dict(top[:TOP_EVENTS])
        for code, (file, line, text) in sorted(self.samples.items()):
            where = f"{file}:{line}" if line else file
            summary[f"sample_{code}"] = f"{where} {text}"
        return summary


def _shorten(text: str) -> str:
    text = text.replace("\r", " ").replace("\n", " ")
    return text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1] + "…"
