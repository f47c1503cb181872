"""Constraints no value can meet, or that can never apply to the property's type.

## What it does
Checks the constraints of every property, at every depth:

- `minimum` greater than `maximum`, `min_length` greater than `max_length`,
  `min_items` greater than `max_items`: no value can match, so every message fails;
- a bound of `.nan` or `.inf`, which JSON Schema cannot hold;
- a constraint for another type: `minimum`/`maximum` on a property that is not a
  number, `min_length`/`max_length`/`pattern`/`format` on one that is not a string,
  `min_items`/`max_items`/`items` on one that is not an array, nested `properties` on one
  that is not an object. JSON Schema ignores such a constraint, so it checks nothing.

A shared definition is checked where it is written; a use that overrides some of its
keys is checked where the override is.

Related findings: enum values (`invalid-enum`), patterns (`invalid-pattern`,
`backtracking-pattern`). An unknown `format` is a load error (`TP107`).

## Why
A contradiction is a typo that rejects every real message, or a constraint someone
believes is checked and is not.

## Example
```yaml
properties:
  seats: {type: integer, minimum: 10, maximum: 1, description: Paid seats.}
  plan: {type: string, minimum: 1, description: Subscription tier.}
```
Use instead:
```yaml
properties:
  seats: {type: integer, minimum: 1, maximum: 10, description: Paid seats.}
  plan: {type: string, min_length: 1, description: Subscription tier.}
```

## How to fix
Correct the bounds, or remove the constraint, or change the property's `type`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._sites import Site, iter_sites, unique_sites
from trackplan.model import Plan, Property

_BOUNDS = (
    ("minimum", "maximum", "no value"),
    ("min_length", "max_length", "no text"),
    ("min_items", "max_items", "no list"),
)
# Constraint → (the types it applies to, how to say them).
_APPLIES_TO = {
    "minimum": (("number", "integer"), "numbers"),
    "maximum": (("number", "integer"), "numbers"),
    "min_length": (("string",), "strings"),
    "max_length": (("string",), "strings"),
    "pattern": (("string",), "strings"),
    "format": (("string",), "strings"),
    "min_items": (("array",), "arrays"),
    "max_items": (("array",), "arrays"),
    "items": (("array",), "arrays"),
    "properties": (("object",), "objects"),
}


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each impossible bound and each constraint for another type."""
    for site in unique_sites(iter_sites(plan)):
        yield from _bounds(site)
        yield from _misplaced(site)


def _bounds(site: Site) -> Iterator[Finding]:
    prop = site.prop
    for key in ("minimum", "maximum"):
        value = getattr(prop, key)
        if value is not None and key in prop.local_keys and not _finite(value):
            yield Finding(
                f"{site.describe()}: `{key}` is {value}, which JSON Schema cannot hold",
                (*prop.pointer, key),
                f"write a finite number, or remove `{key}`",
                event=site.event,
            )
    for low_key, high_key, nothing in _BOUNDS:
        low, high = getattr(prop, low_key), getattr(prop, high_key)
        written = {low_key, high_key} & prop.local_keys
        if low is None or high is None or not written or not _finite(low, high) or low <= high:
            continue
        at = high_key if high_key in written else low_key
        yield Finding(
            f"{site.describe()}: `{low_key}` {_number(low)} is greater than `{high_key}`"
            f" {_number(high)}, so {nothing} can match",
            (*prop.pointer, at),
            f"correct the bounds: `{low_key}` must not exceed `{high_key}`",
            event=site.event,
        )


def _misplaced(site: Site) -> Iterator[Finding]:
    prop = site.prop
    if not prop.types:
        return
    for key, (types, noun) in _APPLIES_TO.items():
        if not _has(prop, key) or (key not in prop.local_keys and "type" not in prop.local_keys):
            continue
        if any(t in prop.types for t in types):
            continue
        shown = " or ".join(prop.types)
        yield Finding(
            f"{site.describe()}: `{key}` applies to {noun}, but the property is {shown},"
            " so it is never checked",
            (*prop.pointer, key) if key in prop.local_keys else (*prop.pointer, "type"),
            f"remove `{key}`, or change the `type`",
            event=site.event,
        )


def _has(prop: Property, key: str) -> bool:
    if key == "properties":
        return bool(prop.properties)
    return getattr(prop, key) is not None


def _finite(*values: float) -> bool:
    return all(math.isfinite(v) for v in values)


def _number(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


RULE = make_rule(codes.CONTRADICTORY_CONSTRAINT, Group.CONSTRAINTS, check, __doc__)
