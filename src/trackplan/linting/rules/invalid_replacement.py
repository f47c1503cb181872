"""`replaced_by` that names no event, the event itself or another deprecated event.

## What it does
Checks the `replaced_by:` of every event:

- it must name an event of the plan (with a did-you-mean when a name is close);
- it must not name the event itself;
- the replacement must not be deprecated too: point at the event clients should send
  today, not at another old name;
- only a deprecated event can be replaced: `replaced_by` on an active event means
  `status: deprecated` was forgotten, and clients get no deprecation warning.

## Why
Deprecation warnings quote `replaced_by` to the people fixing their code. A wrong name
sends them to an event that does not exist, or around in circles.

## Example
```yaml
events:
  Signup Started:
    status: deprecated
    replaced_by: Sign-Up Started
    description: Old name.
  Sign Up Started:
    description: The visitor opened the sign-up form.
```
Use instead:
```yaml
events:
  Signup Started:
    status: deprecated
    replaced_by: Sign Up Started
    description: Old name.
  Sign Up Started:
    description: The visitor opened the sign-up form.
```

## How to fix
Write the exact name of the current event in `replaced_by:`, or add `status: deprecated`
to an event that has a replacement.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.model import Event, Plan
from trackplan.naming import did_you_mean


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each `replaced_by` that does not lead to a current event."""
    for event in plan.events:
        if event.replaced_by.strip():
            problem = _problem(plan, event)
            if problem is not None:
                message, hint = problem
                yield Finding(message, (*event.pointer, "replaced_by"), hint, event=event.name)


def _problem(plan: Plan, event: Event) -> tuple[str, str] | None:
    target = event.replaced_by
    replacement = plan.event(target)
    if replacement is None:
        guess = did_you_mean(target, [e.name for e in plan.events if e.name != event.name])
        hint = f'did you mean "{guess}"?' if guess else "name an event defined in the plan"
        return f'"{event.name}" is replaced by "{target}", which is not an event of the plan', hint
    if replacement.name == event.name:
        return f'"{event.name}" names itself in replaced_by', "name the event that replaces it"
    if replacement.deprecated:
        onward = replacement.replaced_by
        hint = (
            f'point at the current event: replaced_by: "{onward}"'
            if onward
            else "point at the event clients should send today"
        )
        return f'"{event.name}" is replaced by "{target}", which is deprecated too', hint
    if not event.deprecated:
        return (
            f'"{event.name}" has replaced_by but is not deprecated',
            "add `status: deprecated`, or remove `replaced_by`",
        )
    return None


RULE = make_rule(codes.INVALID_REPLACEMENT, Group.DEPRECATION, check, __doc__)
