"""The lint rules (TP2xx), listed explicitly: one module per rule, its docstring its documentation.

Adding a rule touches three places: its module here, one line in `RULES`, and its case
file in tests/rules/. tests/rules/test_registry.py fails when one is missing.
"""

from __future__ import annotations

from collections.abc import Iterable

from trackplan.linting.rules import (
    backtracking_pattern,
    conflicting_property_type,
    contradictory_constraint,
    deprecated_without_replacement,
    event_naming,
    invalid_enum,
    invalid_pattern,
    invalid_replacement,
    missing_description,
    near_duplicate_event,
    near_duplicate_property,
    property_naming,
    unmarked_pii,
    unused_bundle,
    unused_shared_property,
    unused_suppression,
)
from trackplan.linting.rules._rule import DOC_SECTIONS, Finding, Group, Rule
from trackplan.naming import did_you_mean, edit_distance

__all__ = ["DOC_SECTIONS", "RULES", "Finding", "Group", "Rule", "rule_for", "suggest_rule"]

RULES: tuple[Rule, ...] = (
    event_naming.RULE,
    property_naming.RULE,
    near_duplicate_event.RULE,
    near_duplicate_property.RULE,
    missing_description.RULE,
    unused_shared_property.RULE,
    unused_bundle.RULE,
    conflicting_property_type.RULE,
    deprecated_without_replacement.RULE,
    invalid_replacement.RULE,
    contradictory_constraint.RULE,
    invalid_enum.RULE,
    invalid_pattern.RULE,
    backtracking_pattern.RULE,
    unmarked_pii.RULE,
    unused_suppression.RULE,
)

UNUSED_SUPPRESSION = unused_suppression.RULE

_BY_KEY = {key: rule for rule in RULES for key in (rule.code.casefold(), rule.name.casefold())}


def rule_for(code_or_name: str) -> Rule | None:
    """The rule with this code or name (any case), or None."""
    return _BY_KEY.get(code_or_name.strip().casefold())


def suggest_rule(word: str, extra_codes: Iterable[str] = ()) -> str | None:
    """The code or rule name closest to a mistyped one ("TP2O1" → "TP201"), or None."""
    candidates = [r.code for r in RULES] + sorted(set(extra_codes)) + [r.name for r in RULES]
    folded = word.strip().casefold()
    close = [c for c in candidates if edit_distance(folded, c.casefold(), 1) <= 1]
    if close:
        return sorted(close, key=lambda c: (edit_distance(folded, c.casefold(), 1), c))[0]
    return did_you_mean(word.strip(), candidates)
