"""Enum values of the wrong type, or listed twice.

## What it does
Checks every `enum:` list, at every depth:

- each value must fit the property's `type`: `3` in the enum of a `string` property
  never matches a message's `"3"`, and `null` needs `"null"` among the types;
- no value may be listed twice (`1` and `1.0` are the same number; `true` and `1` are
  not the same value).

## Why
A value of the wrong type can never be sent, so the enum is narrower than it reads; a
repeated value is usually a typo hiding the value that was meant.

## Example
```yaml
properties:
  plan:
    type: string
    enum: [free, pro, pro, 3]
    description: Subscription tier.
```
Use instead:
```yaml
properties:
  plan:
    type: string
    enum: [free, pro, enterprise, "3"]
    description: Subscription tier.
```

## How to fix
Quote values meant as text, add the missing type (`type: [string, "null"]`), and remove
repeated values.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._sites import Site, iter_sites, unique_sites
from trackplan.model import Plan

_ARTICLES = {"integer": "an integer", "object": "an object", "array": "an array"}


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each enum value that cannot be sent, and each repeated value."""
    for site in unique_sites(iter_sites(plan)):
        prop = site.prop
        if prop.enum is None or not ({"enum", "type"} & prop.local_keys):
            continue
        yield from _check_enum(site, prop.enum)


def _check_enum(site: Site, values: tuple[Any, ...]) -> Iterator[Finding]:
    pointer = (*site.prop.pointer, "enum")
    types = site.prop.types
    seen: set[str] = set()
    for value in values:
        key = _identity(value)
        if key in seen:
            yield Finding(
                f"{site.describe()}: enum lists {_show(value)} twice",
                pointer,
                "remove the repeated value",
                event=site.event,
            )
            continue
        seen.add(key)
        kinds = _json_types(value)
        if not kinds:
            yield Finding(
                f"{site.describe()}: enum value {_show(value)} is not a value JSON can hold",
                pointer,
                "remove it",
                event=site.event,
            )
        elif types and not (kinds & set(types)):
            kind = _kind(value)
            yield Finding(
                f"{site.describe()}: enum value {_show(value)} is {_ARTICLES.get(kind, 'a ' + kind)},"
                f" but the property is {' or '.join(types)}",
                pointer,
                _hint(value, kinds),
                event=site.event,
            )


def _json_types(value: Any) -> set[str]:
    """The JSON types `value` belongs to; empty for what JSON cannot hold (NaN, infinity)."""
    if value is None:
        return {"null"}
    if isinstance(value, bool):
        return {"boolean"}
    if isinstance(value, int):
        return {"integer", "number"}
    if isinstance(value, float):
        if not math.isfinite(value):
            return set()
        return {"integer", "number"} if value.is_integer() else {"number"}
    if isinstance(value, str):
        return {"string"}
    if isinstance(value, dict):
        return {"object"}
    if isinstance(value, list | tuple):
        return {"array"}
    return set()


def _kind(value: Any) -> str:
    """The one JSON type name that describes the value best (`3` is an integer)."""
    kinds = _json_types(value)
    return "integer" if "integer" in kinds and not isinstance(value, float) else sorted(kinds)[-1]


def _identity(value: Any) -> str:
    """Equal keys for values JSON Schema treats as equal (1 and 1.0; not true and 1)."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return f"n:{float(value)!r}"
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _hint(value: Any, kinds: set[str]) -> str:
    if kinds == {"null"}:
        return 'add "null" to the type: `type: [string, "null"]`, or remove the value'
    if isinstance(value, int | float | bool):
        return f'quote it ("{_show(value)}") if it is text, or change the type'
    return "change the value or the property's `type`"


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


RULE = make_rule(codes.INVALID_ENUM, Group.CONSTRAINTS, check, __doc__)
