"""Shared properties that no event, trait or section uses.

## What it does
Reports each property of the shared library (`properties:` at the top of the plan) that
is never used: not by an event, `common`, `identify`, `group`, a page or screen, a
nested property, nor through a bundle some event uses. A property written with its own
`type` under the same name does not use the shared definition.

## Why
An unused definition is either dead (and misleads readers into thinking the data exists)
or a sign that an event forgot to use it and defines its own, diverging copy.

## Example
```yaml
properties:
  coupon: {type: string, description: Discount code.}
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      discount_code: {type: string}
```
Use instead:
```yaml
properties:
  coupon: {type: string, description: Discount code.}
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      coupon: {}
```

## How to fix
Use the property by name in the events that send it, or delete it.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._sites import iter_sites
from trackplan.model import Origin, Plan


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each shared property nothing uses."""
    used = {site.prop.name for site in iter_sites(plan) if site.prop.origin is Origin.SHARED}
    for prop in plan.shared:
        if prop.name in used:
            continue
        message = f'shared property "{prop.name}" is never used'
        listed = sorted(b for b, members in plan.bundles.items() if prop.name in members)
        if listed:
            noun = "bundle" if len(listed) == 1 else "bundles"
            names = ", ".join(f'"{b}"' for b in listed)
            message += f" (it is only listed in {noun} {names}, which adds it to no event)"
        yield Finding(message, prop.pointer, "use it by name in an event, or remove it")


RULE = make_rule(codes.UNUSED_SHARED_PROPERTY, Group.USAGE, check, __doc__)
