"""Deprecated events that do not say which event replaces them.

## What it does
Reports each event with `status: deprecated` and no `replaced_by:`.

## Why
Every message of a deprecated event gets a warning. Without `replaced_by`, the people
who see it cannot tell what to send instead, and the old name lives on.

## Example
```yaml
events:
  Signup Started:
    status: deprecated
    description: Old name, kept while clients upgrade.
```
Use instead:
```yaml
events:
  Signup Started:
    status: deprecated
    replaced_by: Sign Up Started
    description: Old name, kept while clients upgrade.
  Sign Up Started:
    description: The visitor opened the sign-up form.
```

## How to fix
Add `replaced_by:` with the event clients should send instead. If the event is retired
with no successor, say so in its description and silence the finding on its line with
`# trackplan: ignore[TP209]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.model import Plan


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each deprecated event without `replaced_by`."""
    for event in plan.events:
        if event.deprecated and not event.replaced_by.strip():
            yield Finding(
                f'deprecated event "{event.name}" does not say what replaces it',
                (*event.pointer, "status"),
                "add `replaced_by:` with the event clients should send instead",
                event=event.name,
            )


RULE = make_rule(codes.DEPRECATED_WITHOUT_REPLACEMENT, Group.DEPRECATION, check, __doc__)
