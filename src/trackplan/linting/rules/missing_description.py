"""Events and shared properties without a `description`.

## What it does
Reports every event, and every property of the shared library (`properties:` at the top
of the plan), that has no `description` or an empty one.

Properties written inside one event are not required to have one: their meaning often
follows from the event. Describe them anyway when it does not.

## Why
The plan is the documentation people read when they build a report. An event without a
description is guessed at ("is Order Completed sent on payment or on delivery?"), and
two teams guess differently.

## Example
```yaml
properties:
  revenue: {type: number}
events:
  Order Completed:
    properties:
      revenue: {required: true}
```
Use instead:
```yaml
properties:
  revenue:
    type: number
    description: Amount charged, in major units of `currency`.
events:
  Order Completed:
    description: Payment succeeded (server-side).
    properties:
      revenue: {required: true}
```

## How to fix
Add a `description:`: one sentence on when the event is sent, or what the value means
and in which unit.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.model import Plan


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each event and shared property without a description."""
    for event in plan.events:
        if not event.description.strip():
            yield Finding(
                f'event "{event.name}" has no description',
                event.pointer,
                "add a description: one sentence on when the event is sent",
                event=event.name,
            )
    for prop in plan.shared:
        if not prop.description.strip():
            yield Finding(
                f'shared property "{prop.name}" has no description',
                prop.pointer,
                "add a description: what the value means, and its unit",
            )


RULE = make_rule(codes.MISSING_DESCRIPTION, Group.DOCUMENTATION, check, __doc__)
