"""Comparing property lists and properties: removals, additions, types, enums, constraints.

Nested object properties and array items are compared recursively, with the same rules.
Conservative where the truth is unknowable: a changed pattern or format counts as tightened,
since fmt cannot prove that the new one accepts everything the old one did.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from trackplan import codes
from trackplan.diffing.scope import Scope, quote
from trackplan.model import Event, Origin, Pointer, Property
from trackplan.naming import did_you_mean

# (plan key, True for a lower bound)
BOUNDS = (
    ("min_length", True),
    ("max_length", False),
    ("minimum", True),
    ("maximum", False),
    ("min_items", True),
    ("max_items", False),
)

Named = TypeVar("Named", Event, Property)


def compare_properties(
    scope: Scope,
    old: Sequence[Property],
    new: Sequence[Property],
    new_list: Pointer,
    label: str = "",
) -> None:
    """Two property lists of one owner; removals are placed at `new_list` (in NEW)."""
    old_by_name = {p.name: p for p in old}
    new_by_name = {p.name: p for p in new}
    removed = [p for p in old if p.name not in new_by_name]
    added = [p for p in new if p.name not in old_by_name]
    renames = match_renames(removed, added, signature, signature)
    sources = {target: source for source, target in renames.items()}
    for prop in removed:
        target = renames.get(prop.name)
        hint = (
            f"looks like a rename to {quote(_join(label, target))}"
            if target
            else "mark it `deprecated: true` first, or bump the major version"
        )
        message = f"{scope.noun} {quote(_join(label, prop.name))} was removed"
        scope.add(
            codes.PROPERTY_REMOVED,
            prop.name,
            message + scope.was_at(prop.pointer),
            new_list,
            hint,
        )
    for prop in added:
        shown = quote(_join(label, prop.name))
        source = sources.get(prop.name)
        hint = f"looks like a rename of {quote(_join(label, source))}" if source else ""
        if prop.required:
            hint = hint or "senders that do not send it now fail; add it as optional first"
            message = f"required {scope.noun} {shown} was added"
            scope.add(codes.PROPERTY_NOW_REQUIRED, prop.name, message, prop.pointer, hint)
        else:
            message = f"{scope.noun} {shown} was added"
            scope.add(codes.ADDED, prop.name, message, prop.pointer, hint)
    for prop in new:
        before = old_by_name.get(prop.name)
        if before is not None:
            compare_property(scope.within(prop.name), before, prop, _join(label, prop.name))


def compare_property(scope: Scope, old: Property, new: Property, shown: str) -> None:
    """One property on both sides; `scope` is already at the property's path."""
    subject = f"{scope.noun} {quote(shown)}"

    def add(code: str, key: str, message: str, hint: str = "") -> None:
        scope.add(code, key, f"{subject} {message}", field_pointer(new, key), hint)

    _compare_types(old, new, add)
    if old.required != new.required:
        if new.required:
            hint = "senders that leave it out now fail; bump the major version"
            add(codes.PROPERTY_NOW_REQUIRED, "required", "is now required", hint)
        else:
            add(codes.RELAXED, "required", "is no longer required")
    _compare_enum(old, new, add)
    _compare_constraints(old, new, add)
    if old.description != new.description:
        add(codes.DOCUMENTATION, "description", "description changed")
    if old.examples != new.examples:
        add(codes.DOCUMENTATION, "examples", "examples changed")
    if old.pii != new.pii:
        text = "is now marked as personal data (pii)" if new.pii else "is no longer marked pii"
        add(codes.DOCUMENTATION, "pii", text)
    if old.deprecated != new.deprecated:
        text = "was deprecated" if new.deprecated else "is no longer deprecated"
        add(codes.DEPRECATION, "deprecated", text)
    _compare_items(scope, old, new, shown, add)
    _compare_children(scope, old, new, shown, add)


_Add = Callable[..., None]


def _compare_types(old: Property, new: Property, add: _Add) -> None:
    if set(old.types) == set(new.types):
        return
    before, after = _show_types(old.types), _show_types(new.types)
    if accepts_all(new.types, old.types):
        add(codes.RELAXED, "type", f"type widened from {before} to {after}")
    else:
        hint = "values of the old type now fail; add a new property instead"
        add(codes.TYPE_CHANGED, "type", f"type changed from {before} to {after}", hint)


def _compare_enum(old: Property, new: Property, add: _Add) -> None:
    if old.enum == new.enum:
        return
    if new.enum is None:
        add(codes.RELAXED, "enum", "no longer has an enum (any value of its type)")
        return
    if old.enum is None:
        values = _show_values(new.enum)
        hint = "other values that were accepted now fail"
        add(codes.ENUM_NARROWED, "enum", f"is now limited to the enum values {values}", hint)
        return
    old_keys = {value_key(v) for v in old.enum}
    new_keys = {value_key(v) for v in new.enum}
    gone = [v for v in old.enum if value_key(v) not in new_keys]
    came = [v for v in new.enum if value_key(v) not in old_keys]
    if gone:
        noun = "values" if len(gone) > 1 else "value"
        hint = "senders of these values now fail; keep them until no one sends them"
        add(
            codes.ENUM_NARROWED,
            "enum",
            f"no longer allows the enum {noun} {_show_values(gone)}",
            hint,
        )
    if came:
        noun = "values" if len(came) > 1 else "value"
        add(codes.RELAXED, "enum", f"allows the new enum {noun} {_show_values(came)}")


def _compare_constraints(old: Property, new: Property, add: _Add) -> None:
    for key in ("pattern", "format"):
        before, after = getattr(old, key), getattr(new, key)
        if before == after:
            continue
        if after is None:
            add(codes.RELAXED, key, f"{key} {quote(before)} was removed")
        elif before is None:
            hint = "values that do not match now fail"
            add(codes.CONSTRAINT_TIGHTENED, key, f"{key} {quote(after)} was added", hint)
        else:
            hint = "values that matched the old one may now fail"
            text = f"{key} changed from {quote(before)} to {quote(after)}"
            add(codes.CONSTRAINT_TIGHTENED, key, text, hint)
    for key, lower in BOUNDS:
        before, after = getattr(old, key), getattr(new, key)
        if before == after:
            continue
        if after is None:
            add(codes.RELAXED, key, f"{key} {_number(before)} was removed")
        elif before is None:
            hint = "values outside it now fail"
            add(codes.CONSTRAINT_TIGHTENED, key, f"{key} {_number(after)} was added", hint)
        elif (after > before) == lower:
            hint = "values outside the new bound now fail"
            text = f"{key} tightened from {_number(before)} to {_number(after)}"
            add(codes.CONSTRAINT_TIGHTENED, key, text, hint)
        else:
            add(codes.RELAXED, key, f"{key} relaxed from {_number(before)} to {_number(after)}")


def _compare_items(scope: Scope, old: Property, new: Property, shown: str, add: _Add) -> None:
    if old.items is None and new.items is None:
        return
    if new.items is None:
        add(codes.RELAXED, "items", "no longer constrains its items")
    elif old.items is None:
        hint = "arrays whose items do not match now fail"
        add(codes.CONSTRAINT_TIGHTENED, "items", "now defines its items", hint)
    else:
        compare_property(scope.within("items"), old.items, new.items, f"{shown}[]")


def _compare_children(scope: Scope, old: Property, new: Property, shown: str, add: _Add) -> None:
    if not old.properties and not new.properties:
        return
    if not new.properties:
        add(codes.RELAXED, "properties", "no longer lists nested properties (any keys)")
    elif not old.properties:
        names = ", ".join(quote(p.name) for p in new.properties)
        hint = "keys not listed become unplanned"
        add(
            codes.CONSTRAINT_TIGHTENED, "properties", f"now lists nested properties ({names})", hint
        )
    else:
        nested = scope.within("properties")
        list_pointer = field_pointer(new, "properties")
        compare_properties(nested, old.properties, new.properties, list_pointer, label=shown)


def field_pointer(prop: Property, key: str) -> Pointer:
    """Where a property's `key` is written: at the place of use, or in the shared definition."""
    if not key:
        return prop.pointer
    if key in prop.local_keys or prop.origin is Origin.LOCAL:
        return (*prop.pointer, key)
    return ("properties", prop.name, key)


def signature(prop: Property) -> Any:
    """What makes two definitions "the same" for rename hints: type and constraints."""
    return (
        tuple(sorted(prop.types)),
        prop.required,
        None if prop.enum is None else tuple(sorted(value_key(v) for v in prop.enum)),
        prop.pattern,
        prop.format,
        tuple(getattr(prop, key) for key, _ in BOUNDS),
        signature(prop.items) if prop.items else None,
        tuple(sorted((p.name, signature(p)) for p in prop.properties)),
    )


def event_signature(props: Iterable[Property]) -> Any:
    return tuple(sorted((p.name, signature(p)) for p in props))


def match_renames(
    removed: Sequence[Named],
    added: Sequence[Named],
    old_signature: Callable[[Named], Any],
    new_signature: Callable[[Named], Any],
) -> dict[str, str]:
    """Removed name → added name, when their definitions match (the closest name wins a tie)."""
    if not removed or not added:
        return {}
    free = {item.name: new_signature(item) for item in added}
    out: dict[str, str] = {}
    for item in removed:
        wanted = old_signature(item)
        matches = [name for name, found in free.items() if found == wanted]
        if matches:
            best = did_you_mean(item.name, matches) or matches[0]
            out[item.name] = best
            del free[best]
    return out


def accepts_all(new: Sequence[str], old: Sequence[str]) -> bool:
    """True when every value of the `old` types is of the `new` types (no types: any)."""
    if not new:
        return True
    if not old:
        return False
    return all(t in new or (t == "integer" and "number" in new) for t in old)


def value_key(value: Any) -> tuple[str, Any]:
    """Enum values compared as JSON compares them: 1 == 1.0, but true != 1."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, str):
        return ("string", value)
    if value is None:
        return ("null", None)
    return ("json", json.dumps(value, sort_keys=True, default=str))


def _show_types(types: Sequence[str]) -> str:
    if not types:
        return "any type"
    return types[0] if len(types) == 1 else "[" + ", ".join(types) + "]"


def _show_values(values: Sequence[Any]) -> str:
    return ", ".join(json.dumps(v, ensure_ascii=False, default=str) for v in values)


def _number(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _join(label: str, name: str | None) -> str:
    return f"{label}.{name}" if label else name or ""
