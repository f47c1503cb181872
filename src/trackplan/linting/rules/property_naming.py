"""Property and trait names follow the plan's convention (`snake_case` or `camelCase`), at every depth.

## What it does
Checks the name of every property the plan defines against `conventions.properties`:
shared properties, `common`, event properties, `identify` and `group` traits, page and
screen properties, and the properties nested inside objects and array items.

- `snake_case` (the default): lower-case ASCII words joined by single underscores,
  starting with a letter ("order_id", "address_line_2").
- `camelCase`: ASCII letters and digits starting with a lower-case letter ("orderId").
- `any`: only empty names and stray whitespace are findings.

A name starting with `$` ("$set") belongs to a destination's reserved vocabulary and is
never a finding. A property used by name from the shared library is checked once, where
it is defined.

## Why
Warehouses and analytics tools turn property names into column names. "orderId" next to
"order_id" makes two columns for one fact, and queries miss half the data.

## Example
```yaml
conventions: {properties: snake_case}
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      orderId: {type: string}
      Total Amount: {type: number}
```
Use instead:
```yaml
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      order_id: {type: string}
      total_amount: {type: number}
```

## How to fix
Rename the property as the hint says, in the plan and in the code that sends it.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._sites import definitions
from trackplan.model import Plan
from trackplan.naming import check_property_name


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each defined property whose name breaks `conventions.properties`."""
    convention = plan.conventions.properties.value
    for site in definitions(plan):
        if site.is_items:
            continue
        problem = check_property_name(site.prop.name, convention)
        if problem is not None:
            yield Finding(problem.message, site.prop.pointer, problem.hint, event=site.event)


RULE = make_rule(codes.PROPERTY_NAMING, Group.NAMING, check, __doc__)
