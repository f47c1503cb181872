"""Bundles that no event uses.

## What it does
Reports each bundle (`bundles:` at the top of the plan) that no event lists in its own
`bundles:`.

A bundle naming a property the shared library does not define is reported by the
loader, as `TP106` (unknown-reference), with a did-you-mean.

## Why
A bundle exists to add the same properties to several events. One that no event uses is
dead weight, or an event that was meant to use it and does not: its messages then miss
the bundle's properties.

## Example
```yaml
properties:
  revenue: {type: number, description: Amount charged.}
  currency: {type: string, description: ISO 4217 code.}
bundles:
  commerce: [revenue, currency]
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      revenue: {}
      currency: {}
```
Use instead:
```yaml
properties:
  revenue: {type: number, description: Amount charged.}
  currency: {type: string, description: ISO 4217 code.}
bundles:
  commerce: [revenue, currency]
events:
  Order Completed:
    description: Payment succeeded.
    bundles: [commerce]
```

## How to fix
Add the bundle to the events that send its properties, or delete it.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.model import Plan


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each bundle no event lists."""
    used = {bundle for event in plan.events for bundle in event.bundles}
    for name in plan.bundles:
        if name not in used:
            yield Finding(
                f'bundle "{name}" is never used',
                ("bundles", name),
                "add it to the `bundles:` of the events that send its properties, or remove it",
            )


RULE = make_rule(codes.UNUSED_BUNDLE, Group.USAGE, check, __doc__)
