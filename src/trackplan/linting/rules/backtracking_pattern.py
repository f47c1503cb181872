r"""`pattern` values that can backtrack catastrophically (`(a+)+`, `(a|a)*`).

## What it does
Reports patterns with a repeat whose body can match the same text in several ways:

- a repeat inside a repeat, with nothing in between that the inner one cannot match:
  `(a+)+`, `(a*)*`, `(\w+\s?)+`, `(.*a)+`;
- alternatives that match the same text inside a repeat: `(a|a)*`.

A mandatory separator the inner repeat cannot match keeps a pattern safe: `^[a-z]+(_[a-z]+)*$`
and `^([a-z0-9]+\.)*[a-z0-9]+$` are fine. Possessive repeats (`a++`) and atomic groups
(`(?>…)`) never backtrack. The check is structural and errs on the side of silence: it
cannot prove a pattern safe, only spot the classic shapes.

## Why
On a message that almost matches, such a pattern tries exponentially many ways to split
the text: a single 30-character value can keep a validator (or a warehouse check) busy
for minutes. Event data comes from the outside, so this is a denial-of-service risk.

## Example
```yaml
properties:
  tag_list: {type: string, pattern: "^([a-z]+,?)+$", description: Comma-separated tags.}
```
Use instead:
```yaml
properties:
  tag_list: {type: string, pattern: "^[a-z]+(,[a-z]+)*$", description: Comma-separated tags.}
```

## How to fix
Make each round of the repeat start with a character the previous round cannot match
(a separator), merge nested repeats (`(a+)+` → `a+`), or remove duplicate alternatives.
"""

from __future__ import annotations

from collections.abc import Iterator

from trackplan import codes
from trackplan.linting.rules._regex import backtracking_problem, compile_error
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._sites import iter_sites, unique_sites
from trackplan.model import Plan


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each valid pattern with a catastrophic-backtracking shape."""
    for site in unique_sites(iter_sites(plan)):
        prop = site.prop
        if prop.pattern is None or "pattern" not in prop.local_keys:
            continue
        if compile_error(prop.pattern) is not None:
            continue  # invalid-pattern reports it
        problem = backtracking_problem(prop.pattern)
        if problem is not None:
            yield Finding(
                f'{site.describe()}: pattern "{prop.pattern}" can backtrack catastrophically:'
                f" {problem}",
                (*prop.pointer, "pattern"),
                "separate the repeats with a character the inner one cannot match,"
                " or merge them (`(a+)+` → `a+`)",
                event=site.event,
            )


RULE = make_rule(codes.BACKTRACKING_PATTERN, Group.CONSTRAINTS, check, __doc__)
