"""Event names follow the plan's convention: Object Action, past tense, Title Case.

## What it does
Checks every event name against `conventions.events`:

- `object-action` (the default): Title Case words separated by single spaces, the
  object first and the action last, in the past tense: "Order Completed",
  "Team Member Invited", "API Key Created", "2FA Enabled". Acronyms and digits are
  words; irregular past tenses count ("Email Sent", "Deal Won", "Password Set");
  actions of several words are fine ("Sign Up Started", "User Logged In").
- `title`: Title Case words separated by single spaces, in any order or tense.
- `any`: only empty names and stray whitespace (leading, trailing, doubled spaces,
  tabs, invisible characters) are findings.

Every finding carries a rename hint when a safe rename can be worked out.

## Why
The event name is the one key every tool downstream groups by. Mixed styles
("completeOrder", "order_refunded", "Completed Checkout") split one behaviour over
several names in every dashboard, and a trailing space makes an event that looks
identical but never matches.

## Example
```yaml
events:
  Completed Checkout: {description: The payment form was submitted.}  # verb first
  order_refunded: {description: A refund was issued.}                 # snake_case
  Report download: {description: A report was downloaded.}           # lower-case word
```
Use instead:
```yaml
events:
  Checkout Completed: {description: The payment form was submitted.}
  Order Refunded: {description: A refund was issued.}
  Report Downloaded: {description: A report was downloaded.}
```

## How to fix
Rename the event as the hint says. If clients already send the old name, keep it as a
deprecated event with `replaced_by:` the new one until they upgrade, and silence this
finding on that line with `# trackplan: ignore[TP201]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.model import Plan
from trackplan.naming import check_event_name


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each event name that breaks `conventions.events`."""
    convention = plan.conventions.events.value
    for event in plan.events:
        problem = check_event_name(event.name, convention)
        if problem is not None:
            yield Finding(problem.message, event.pointer, problem.hint, event=event.name)


RULE = make_rule(codes.EVENT_NAMING, Group.NAMING, check, __doc__)
