r"""`pattern` values that are not valid regular expressions.

## What it does
Compiles every `pattern:` with Python's `re` and reports those it rejects, with the
reason and position ("unterminated character set at position 0").

JSON Schema patterns are ECMA-262 regular expressions, and validators compile them with
their language's engine: `trackplan validate` uses Python's. The two agree on everything
plans normally use (classes, anchors, quantifiers, groups); ECMA-only syntax such as named
groups written `(?<name>…)` is reported here, since the validator cannot use it.

## Why
A pattern that does not compile cannot check anything: the validator fails on it, and
the constraint everyone relies on is not there.

## Example
```yaml
properties:
  currency: {type: string, pattern: "^[A-Z{3}$", description: ISO 4217 code.}
```
Use instead:
```yaml
properties:
  currency: {type: string, pattern: "^[A-Z]{3}$", description: ISO 4217 code.}
```

## How to fix
Correct the expression. In double-quoted YAML a backslash must be doubled (`"\\d"`);
single quotes take it as written (`'\d'`).
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._regex import compile_error
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._sites import iter_sites, unique_sites
from trackplan.model import Plan


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each pattern Python's `re` cannot compile."""
    for site in unique_sites(iter_sites(plan)):
        prop = site.prop
        if prop.pattern is None or "pattern" not in prop.local_keys:
            continue
        error = compile_error(prop.pattern)
        if error is not None:
            yield Finding(
                f'{site.describe()}: pattern "{prop.pattern}" is not a valid regular'
                f" expression: {error}",
                (*prop.pointer, "pattern"),
                "correct the regular expression",
                event=site.event,
            )


RULE = make_rule(codes.INVALID_PATTERN, Group.CONSTRAINTS, check, __doc__)
