"""Two property names that look like one property written twice ("order_id" / "orderId").

## What it does
Collects the names of every property and trait the plan defines, at every depth, and
reports a name when it resembles another one: equal after normalising case and
separators ("order_id", "orderId", "OrderID"), differing only in British/American
spelling ("colour", "color"), or one edit apart ("referrer", "referer"). The finding
sits on the first place the later name is defined and names the file and line of the
first.

The same name used in many places is not a near-duplicate (see `conflicting-property-type`
for the same name with different types). Names one edit apart are left alone when the
difference is a number ("address_line_1", "address_line_2") or inside a word shorter
than four letters.

## Why
Two spellings of one property become two warehouse columns; each query then reads only
the events that happened to use its spelling.

## Example
```yaml
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      order_id: {type: string}
  Order Refunded:
    description: A refund was issued.
    properties:
      orderId: {type: string}
```
Use instead:
```yaml
properties:
  order_id: {type: string, description: Order identifier from the billing system.}
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      order_id: {}
  Order Refunded:
    description: A refund was issued.
    properties:
      order_id: {}
```

## How to fix
Pick one spelling, rename the other everywhere, and consider defining the property once
under `properties:` so every event uses the same definition.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._similar import near_duplicate_pairs
from trackplan.linting.rules._sites import Site, definitions
from trackplan.model import Plan


def check(plan: Plan) -> Iterator[Finding]:
    """A finding on each property name that resembles an earlier one."""
    first_sites: dict[str, Site] = {}
    for site in definitions(plan):
        if not site.is_items:
            first_sites.setdefault(site.prop.name, site)
    sites = list(first_sites.values())
    for later, earlier, reason in near_duplicate_pairs([s.prop.name for s in sites]):
        first, second = sites[earlier], sites[later]
        where = plan.locate(first.prop.pointer)
        at = f" ({where.file}:{where.line})" if where else ""
        yield Finding(
            f'property "{second.prop.name}" looks like a duplicate of'
            f' "{first.prop.name}"{at}: {reason}',
            second.prop.pointer,
            f'use one name: rename "{second.prop.name}" to "{first.prop.name}" or the reverse',
            event=second.event,
        )


RULE = make_rule(codes.NEAR_DUPLICATE_PROPERTY, Group.DUPLICATES, check, __doc__)
