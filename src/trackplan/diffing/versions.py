"""The plan's own `version`: the smallest version a set of changes needs, and whether NEW has it.

Semantic versioning as Cargo reads it: below 1.0.0 the minor number plays the major's part, so
on 0.x a breaking change needs 0.(x+1).0 and an addition 0.x.(y+1). Pre-release and build
suffixes are ignored when comparing: `3.0.0-rc.1` counts as 3.0.0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trackplan.diffing.changes import Bump

_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[-+].*)?$")

Version = tuple[int, int, int]


@dataclass(frozen=True)
class VersionCheck:
    """What the version needs: `required` is the smallest good NEW version, `enough` the verdict."""

    old: str
    new: str
    bump: Bump
    required: str
    enough: bool


def parse_version(text: str) -> Version | None:
    """`2.4.1` → (2, 4, 1); None when `text` is not MAJOR.MINOR.PATCH."""
    match = _SEMVER.match(text.strip())
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def bump_version(version: Version, bump: Bump) -> Version:
    """The smallest version after `version` that carries a `bump` (Cargo's rule below 1.0.0)."""
    major, minor, patch = version
    if major == 0:
        bump = {Bump.MAJOR: Bump.MINOR, Bump.MINOR: Bump.PATCH}.get(bump, bump)
    if bump is Bump.MAJOR:
        return major + 1, 0, 0
    if bump is Bump.MINOR:
        return major, minor + 1, 0
    if bump is Bump.PATCH:
        return major, minor, patch + 1
    return version


def check_version(old: str, new: str, bump: Bump) -> VersionCheck | None:
    """Whether NEW's version carries `bump` over OLD's; None when either has no valid version."""
    before, after = parse_version(old), parse_version(new)
    if before is None or after is None:
        return None
    required = bump_version(before, bump)
    return VersionCheck(
        old=old,
        new=new,
        bump=bump,
        required=".".join(str(n) for n in required),
        enough=after >= required,
    )
