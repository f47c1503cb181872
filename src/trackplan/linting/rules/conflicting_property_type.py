"""The same property name with different types in different events.

## What it does
Groups the properties events send (each event's own properties and `common`) by name and
reports each definition whose type differs from the first one: from the shared
definition when the shared library has one, else from the first event that defines the
name. The finding sits on the differing definition and names where the first one is.

Types are compared as a warehouse stores them: `integer` and `number` are the same
numeric column, and `null` in a list of types (`[string, "null"]`) only makes the value
optional. Traits (`identify`, `group`), pages, screens and nested properties each have
their own names and are not compared with event properties.

## Why
Tools that load events into tables make one column per property name. `amount` as a
string in one event and a number in another makes loads fail, or silently turns the
column into text and breaks every sum.

## Example
```yaml
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      amount: {type: number}
  Order Refunded:
    description: A refund was issued.
    properties:
      amount: {type: string}
```
Use instead:
```yaml
properties:
  amount: {type: number, description: Amount in major units of the currency.}
events:
  Order Completed:
    description: Payment succeeded.
    properties:
      amount: {}
  Order Refunded:
    description: A refund was issued.
    properties:
      amount: {}
```

## How to fix
Use one type for the name everywhere: define the property once under `properties:` and
use it by name, or rename the property that means something else.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.model import Origin, Plan, Property


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each event property whose type differs from the name's first definition."""
    firsts: dict[str, tuple[Property, str]] = {
        p.name: (p, "the shared definition") for p in plan.shared if _column(p)
    }
    own = [(p, "") for p in plan.common] + [(p, e.name) for e in plan.events for p in e.properties]
    for prop, event in own:
        column = _column(prop)
        if prop.origin is not Origin.LOCAL or not column:
            continue
        first = firsts.get(prop.name)
        if first is None:
            firsts[prop.name] = (prop, f'event "{event}"' if event else "`common`")
            continue
        reference, where = first
        if column == _column(reference):
            continue
        loc = plan.locate(reference.pointer)
        at = f" ({loc.file}:{loc.line})" if loc else ""
        shared = where == "the shared definition"
        yield Finding(
            f'property "{prop.name}" is {_show(prop)} here but {_show(reference)} in {where}{at}',
            (*prop.pointer, "type") if "type" in prop.local_keys else prop.pointer,
            "remove the local `type` to use the shared definition, or rename the property"
            if shared
            else f'use one type: define "{prop.name}" once under `properties:` and use it by name',
            event=event,
        )


def _column(prop: Property) -> frozenset[str]:
    """The types as a warehouse column sees them: `null` dropped, `integer` read as `number`."""
    return frozenset("number" if t == "integer" else t for t in prop.types if t != "null")


def _show(prop: Property) -> str:
    return " or ".join(prop.types) if prop.types else "untyped"


RULE = make_rule(codes.CONFLICTING_PROPERTY_TYPE, Group.CONSISTENCY, check, __doc__)
