"""Recording changes: a Scope knows the two plans, the report group and the path prefix."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from trackplan.diffing.changes import Change
from trackplan.diffing.sides import PlanSide
from trackplan.model import Location, Pointer


@dataclass(frozen=True)
class Scope:
    """Where changes are being found: an event (`event` set), a section, or the whole plan.

    `prefix` is the dotted path that `add` puts before a change's own path; `noun` names what
    the scope's properties are called in messages (`property`, `trait`).
    """

    old: PlanSide
    new: PlanSide
    out: list[Change]
    group: str
    event: str = ""
    prefix: str = ""
    noun: str = "property"

    def within(self, prefix: str, noun: str | None = None) -> Scope:
        """The same scope, deeper in the plan (`properties.products.items`)."""
        return replace(self, prefix=self.path(prefix), noun=noun or self.noun)

    def path(self, *parts: str) -> str:
        return ".".join(p for p in (self.prefix, *parts) if p)

    def add(
        self, code: str, path: str, message: str, where: Pointer | Location, hint: str = ""
    ) -> None:
        """Record a change at `where`: a Location, or a pointer into NEW (nearest ancestor)."""
        location = where if isinstance(where, Location) else self.new.locate(where)
        change = Change(code, self.group, self.path(path), message, location, hint, self.event)
        self.out.append(change)

    def was_at(self, old_pointer: Pointer, placed: Pointer | Location | None = None) -> str:
        """` (it was at main:plans/a.yaml:12)`, unless the change is reported right there."""
        before = self.old.locate(old_pointer)
        if isinstance(placed, tuple):
            placed = self.new.locate(placed)
        if placed is not None and not self.old.revision and placed == before:
            return ""
        return f" (it was at {self.old.show(before)})"


def quote(text: str | None) -> str:
    """A name or value in a message: JSON-quoted, so spaces and quotes stay visible."""
    return json.dumps(text or "", ensure_ascii=False)
