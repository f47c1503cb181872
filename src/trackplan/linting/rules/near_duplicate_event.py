"""Two event names that look like one event written twice ("Order Completed" / "order_completed").

## What it does
Compares every pair of event names and reports the later one when the two are equal
after normalising case, separators and spacing ("Order Completed", "order_completed",
"OrderCompleted"), differ only in British/American spelling ("Order Cancelled",
"Order Canceled"), or are one edit apart ("Order Completed", "Order Complted").
The finding sits on the second name and names the file and line of the first.

Names one edit apart are left alone when the difference is a number ("Step 1 Completed",
"Step 2 Completed") or inside a word shorter than four letters ("Goal Set", "Goal Met").
A deprecated event and the event its `replaced_by` names are never reported: a rename
in progress is expected to look alike.

## Why
Near-duplicates are almost always the same behaviour sent by two clients, or a typo that
became an event. Every report on the event silently counts only half of the data.

## Example
```yaml
events:
  Order Cancelled: {description: The customer cancelled the order.}
  Order Canceled: {description: The order was cancelled.}
```
Use instead:
```yaml
events:
  Order Cancelled: {description: The customer cancelled the order.}
```

## How to fix
Keep one name. If clients send both, keep the other as a deprecated event with
`replaced_by:` the name you keep.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._similar import near_duplicate_pairs
from trackplan.model import Event, Plan


def check(plan: Plan) -> Iterator[Finding]:
    """A finding on each event name that resembles an earlier one."""
    events = plan.events
    names = [e.name for e in events]
    for later, earlier, reason in near_duplicate_pairs(names, lambda a, b: _renamed(events, a, b)):
        first, second = events[earlier], events[later]
        where = plan.locate(first.pointer)
        at = f" ({where.file}:{where.line})" if where else ""
        yield Finding(
            f'event "{second.name}" looks like a duplicate of "{first.name}"{at}: {reason}',
            second.pointer,
            f'keep one name; if clients send both, deprecate one with replaced_by: "{first.name}"',
            event=second.name,
        )


def _renamed(events: tuple[Event, ...], a: int, b: int) -> bool:
    """Whether one of the two events is the other's `replaced_by`: a rename in progress."""
    first, second = events[a], events[b]
    return first.replaced_by == second.name or second.replaced_by == first.name


RULE = make_rule(codes.NEAR_DUPLICATE_EVENT, Group.DUPLICATES, check, __doc__)
