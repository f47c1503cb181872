"""A `# trackplan: ignore` comment that silences nothing.

## What it does
A YAML comment `# trackplan: ignore[TP201]` at the end of a plan line silences the
findings of that code on that line; several codes are separated by commas
(`ignore[TP201, TP205]`), a prefix silences a family (`ignore[TP2]`), a rule name works
too (`ignore[event-naming]`), and a bare `# trackplan: ignore` silences every finding
on the line.

This rule reports a suppression that silenced nothing: the finding was fixed, moved to
another line, or the code is mistyped. A code the run does not check (left out by
`--select`/`--ignore`) is not reported. A comment naming no known code or rule, or with
an unclosed `[`, is reported too.

The engine applies suppressions itself, so this rule has no check of its own.

## Why
Stale suppressions pile up and hide the next real finding on their line.

## Example
```yaml
events:
  Order Completed:  # trackplan: ignore[TP201]
    description: Payment succeeded.
```
Use instead:
```yaml
events:
  Order Completed:
    description: Payment succeeded.
```

## How to fix
Remove the comment, or correct the code it names.
"""

from __future__ import annotations

from trackplan import codes
from trackplan.linting.rules._rule import Group, make_rule

RULE = make_rule(codes.UNUSED_SUPPRESSION, Group.SUPPRESSION, None, __doc__)
