"""A message's draft-07 errors, as plain values: from jsonschema, or faster from jsonschema-rs.

jsonschema is the reference. jsonschema-rs computes the same errors some forty times faster
and is used for the messages the fast path turned away, under two rules that keep it exact:

- the semantics that differ between the two are taken out of its hands: every `pattern` and
  `format` of the schema becomes a custom format whose check is the reference's own (Python's
  `re.search`, jsonschema's format checkers), and the keyword is reported back as it was;
- anything it cannot take (a value Rust cannot hold, such as a lone surrogate, or an error
  it reports in a form not mapped here) sends the message to jsonschema.

`tests/validation/test_validate_differential.py` compares both on generated plans and messages.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from trackplan.validation.findings import PathPart
from trackplan.validation.formats import fast_predicate, format_checker

if TYPE_CHECKING:
    from jsonschema import Draft7Validator

# Keywords whose errors are mapped; any other makes the message go to jsonschema.
_MAPPED = frozenset({
    "type", "enum", "const", "required", "additionalProperties", "anyOf", "pattern", "format",
    "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems",
})  # fmt: skip
_CUSTOM = "trackplan-"
# The keywords compiled schemas use; a schema with others is left to jsonschema.
_KNOWN = _MAPPED | {
    "properties", "items", "$schema", "title", "description", "examples", "default", "$comment",
}  # fmt: skip


@dataclass(frozen=True)
class SchemaError:
    """One failed keyword: which, its value in the schema, the subschema, the value and where."""

    validator: str
    validator_value: Any
    schema: dict[str, Any]
    instance: Any
    path: tuple[PathPart, ...]


def reference_errors(validator: Draft7Validator, message: Any) -> Iterator[SchemaError]:
    """jsonschema's errors, as SchemaError values."""
    for error in validator.iter_errors(message):
        schema = error.schema if isinstance(error.schema, dict) else {}
        yield SchemaError(
            str(error.validator),
            error.validator_value,
            schema,
            error.instance,
            tuple(error.absolute_path),
        )


class RustErrors:
    """jsonschema-rs on a rewritten copy of one schema; None from `errors` means "ask jsonschema"."""

    def __init__(self, schema: dict[str, Any]) -> None:
        rust = _load_rust()
        if rust is None or not _known(schema):
            raise ValueError("jsonschema-rs cannot take this schema exactly")
        self.schema = schema
        rewritten = copy.deepcopy(schema)
        formats: dict[str, Any] = {}
        _rewrite(rewritten, formats)
        self._validator = rust.Draft7Validator(rewritten, formats=formats, validate_formats=True)

    def errors(self, message: Any) -> list[SchemaError] | None:
        try:
            found = list(self._validator.iter_errors(message))
        except Exception:  # values Rust cannot hold (a lone surrogate): jsonschema decides
            return None
        out: list[SchemaError] = []
        for error in found:
            converted = self._convert(error, message)
            if converted is None:
                return None
            out.extend(converted)
        return out

    def _convert(self, error: Any, message: Any) -> list[SchemaError] | None:
        schema_path = list(error.schema_path)
        if not schema_path or not isinstance(schema_path[-1], str):
            return None
        keyword = schema_path[-1]
        if keyword not in _MAPPED:
            return None
        schema = _walk(self.schema, schema_path[:-1])
        path = tuple(error.instance_path)
        instance = _walk(message, path)
        if not isinstance(schema, dict) or instance is _MISSING:
            return None
        if keyword != "format":
            return [SchemaError(keyword, schema.get(keyword), schema, instance, path)]
        # A rewritten pattern and/or format: report the keywords that really failed.
        out = []
        if "pattern" in schema and re.search(schema["pattern"], instance) is None:
            out.append(SchemaError("pattern", schema["pattern"], schema, instance, path))
        if "format" in schema and not format_checker().conforms(instance, schema["format"]):
            out.append(SchemaError("format", schema["format"], schema, instance, path))
        return out or None


@cache
def _load_rust() -> Any:
    """jsonschema-rs, loaded when a message first needs it (8 MiB per process)."""
    try:  # the dependency is declared; a platform without its wheel only loses speed
        import jsonschema_rs
    except ImportError:  # pragma: no cover
        return None
    return jsonschema_rs


def _known(schema: Any) -> bool:
    """Only keywords whose subschemas `_rewrite` visits (annotations and values aside)."""
    if isinstance(schema, list):
        return all(_known(item) for item in schema)
    if not isinstance(schema, dict) or not set(schema) <= _KNOWN:
        return False
    nested = (
        [*schema.get("properties", {}).values()]
        if isinstance(schema.get("properties"), dict)
        else []
    )
    for key in ("items", "anyOf"):
        if key in schema:
            nested.append(schema[key])
    return all(_known(sub) for sub in nested)


_MISSING = object()


def _walk(node: Any, steps: Sequence[Any]) -> Any:
    for step in steps:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return node


def _rewrite(schema: Any, formats: dict[str, Any]) -> None:
    """Turn every `pattern`/`format` into one custom format checked by the reference's code."""
    if isinstance(schema, list):
        for item in schema:
            _rewrite(item, formats)
        return
    if not isinstance(schema, dict):
        return
    for key in ("properties",):
        for sub in schema.get(key, {}).values():
            _rewrite(sub, formats)
    for key in ("items", "anyOf"):
        if key in schema:
            _rewrite(schema[key], formats)
    pattern = schema.pop("pattern", None)
    fmt = schema.pop("format", None)
    if pattern is None and fmt is None:
        return
    name = f"{_CUSTOM}{len(formats)}"
    formats[name] = _string_check(pattern, fmt)
    schema["format"] = name


def _string_check(pattern: str | None, fmt: str | None) -> Any:
    search = re.compile(pattern).search if pattern is not None else None
    conforms = fast_predicate(fmt) if fmt is not None else None  # exact, and quicker

    def check(value: str) -> bool:
        if search is not None and search(value) is None:
            return False
        return conforms is None or conforms(value)

    return check
