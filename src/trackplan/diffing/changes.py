"""What a plan change is: its TP5xx code, the version bump it needs, and where it happened."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from trackplan import codes
from trackplan.model import Location


class Bump(StrEnum):
    """The part of a semantic version a change needs bumped (`none` when nothing changed)."""

    NONE = "none"
    PATCH = "patch"
    MINOR = "minor"
    MAJOR = "major"

    @property
    def rank(self) -> int:
        return _BUMP_RANK[self]


_BUMP_RANK = {Bump.NONE: 0, Bump.PATCH: 1, Bump.MINOR: 2, Bump.MAJOR: 3}


# The bump each change code needs; names and summaries are in `trackplan.codes`.
BUMPS: dict[str, Bump] = {
    codes.EVENT_REMOVED: Bump.MAJOR,
    codes.PROPERTY_REMOVED: Bump.MAJOR,
    codes.PROPERTY_NOW_REQUIRED: Bump.MAJOR,
    codes.TYPE_CHANGED: Bump.MAJOR,
    codes.ENUM_NARROWED: Bump.MAJOR,
    codes.CONSTRAINT_TIGHTENED: Bump.MAJOR,
    codes.POLICY_STRICTER: Bump.MAJOR,
    codes.DEPRECATED_WITHOUT_REPLACEMENT_CHANGE: Bump.MAJOR,
    codes.ADDED: Bump.MINOR,
    codes.RELAXED: Bump.MINOR,
    codes.DEPRECATION: Bump.MINOR,
    codes.DOCUMENTATION: Bump.PATCH,
    codes.LIBRARY: Bump.PATCH,
}

BREAKING_CODES = frozenset(code for code, bump in BUMPS.items() if bump is Bump.MAJOR)


@dataclass(frozen=True)
class Change:
    """One difference between two plans, classified by its code.

    `group` is what the change belongs to for reports: an event name, or `identify`, `group`,
    `page`, `screen`, `page Pricing`, `common`, `plan`. `path` is the dotted plan path, inside
    the event when `event` is set (`properties.revenue.minimum`), else from the plan's root.
    """

    code: str
    group: str
    path: str
    message: str
    location: Location
    hint: str = ""
    event: str = ""

    @property
    def bump(self) -> Bump:
        return BUMPS[self.code]

    @property
    def breaking(self) -> bool:
        return self.code in BREAKING_CODES

    def to_dict(self) -> dict[str, Any]:
        """The change as the `changes` list of the JSON summary shows it."""
        return {
            "code": self.code,
            "kind": "breaking" if self.breaking else "compatible",
            "bump": self.bump.value,
            "group": self.group,
            "event": self.event or None,
            "path": self.path,
            "message": self.message,
            "hint": self.hint or None,
            "file": self.location.file,
            "line": self.location.line or None,
        }


def highest_bump(changes: list[Change] | tuple[Change, ...]) -> Bump:
    """The largest bump any of `changes` needs (`none` for no changes)."""
    best = Bump.NONE
    for change in changes:
        if change.bump.rank > best.rank:
            best = change.bump
    return best
