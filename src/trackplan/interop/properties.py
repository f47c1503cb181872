"""JSON Schema property ⇄ plan property spec: what carries over, and a TP701 warning for what cannot.

A *spec* is a property as the YAML plan writes it (`type`, `required`, `enum`, `min_length`, …,
nested `items` and `properties`), as plain data. Reading goes JSON Schema → spec and reports every
keyword it cannot express; writing goes model `Property` → JSON Schema through the compiler, so an
export says exactly what `trackplan compile` says.

Choices where the plan format and JSON Schema differ:
- A schema without `type` accepts any value: it becomes every JSON type
  (`[string, number, boolean, object, array, "null"]`), which means the same.
- `const` becomes a one-value `enum`; an `enum` without `type` gets the types of its values;
  types that no enum value has, and enum values the types refuse, are dropped (same meaning).
- `anyOf`/`oneOf` whose branches only name types become a type union.
- Local `$ref`s (`#/definitions/x`, `#/$defs/x`) are inlined; other references are reported.
- `exclusiveMinimum`/`exclusiveMaximum` are exact on integers (`> 3` is `minimum: 4`) and are
  written as the inclusive bound, with a warning, on numbers. Draft-04's boolean form likewise.
- `title` becomes the description when there is none.
- `required` names that `properties` does not define become required properties of any type.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from trackplan.compiling.schemas import object_schema, property_schema
from trackplan.interop.findings import Findings, join_path
from trackplan.model import FORMATS, JSON_TYPES, PolicyLevel, Property

Spec = dict[str, Any]

# Every JSON value is one of these (integer is a kind of number): a schema without `type`.
ANY_TYPES = ("string", "number", "boolean", "object", "array", "null")
# Identifiers and bookkeeping, not rules: nothing is lost by leaving them out.
META_KEYWORDS = frozenset(
    {"$schema", "$id", "id", "$comment", "key", "definitions", "$defs", "self", "eventMetadata"}
)
# Keywords read by `read_spec`; anything else is reported.
PROPERTY_KEYWORDS = frozenset(
    {
        "type",
        "description",
        "title",
        "enum",
        "const",
        "pattern",
        "format",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "items",
        "minItems",
        "maxItems",
        "properties",
        "required",
        "additionalProperties",
        "examples",
        "deprecated",
        "$ref",
        "anyOf",
        "oneOf",
    }
)
_BOUNDS = (
    ("minLength", "min_length"),
    ("maxLength", "max_length"),
    ("minItems", "min_items"),
    ("maxItems", "max_items"),
)
# The order keys are written in: what a reader looks for first, nested parts last.
SPEC_ORDER = (
    "type",
    "required",
    "enum",
    "format",
    "pattern",
    "min_length",
    "max_length",
    "minimum",
    "maximum",
    "min_items",
    "max_items",
    "pii",
    "deprecated",
    "description",
    "examples",
    "items",
    "properties",
)


@dataclass(frozen=True)
class ObjectBody:
    """The properties of an object schema, and whether it refuses other keys."""

    properties: dict[str, Spec]
    closed: bool


@dataclass(frozen=True)
class SchemaReader:
    """Reads the JSON Schemas of one event; `closed` is the event's own unplanned-properties rule.

    `closed` is None where it is not known (common properties), which skips the warnings about
    nested objects whose openness differs from the event's.
    """

    findings: Findings
    event: str
    root: Any = None
    closed: bool | None = None
    refs: tuple[str, ...] = ()

    # -- objects ---------------------------------------------------------------------------

    def read_object(self, schema: Mapping[str, Any], path: str) -> ObjectBody:
        """`properties`, `required` and `additionalProperties` of an object schema."""
        props: dict[str, Spec] = {}
        raw_props = schema.get("properties", {})
        if not isinstance(raw_props, Mapping):
            self._drop(path, "`properties` is not a mapping of property schemas")
            raw_props = {}
        required = self._required_names(schema, path)
        for name, sub in raw_props.items():
            sub_path = join_path(path, "properties", str(name))
            if not isinstance(name, str) or not name:
                self._drop(sub_path, f"a property named {name!r} cannot be written in a plan")
                continue
            spec = self.read_spec(sub, sub_path)
            if spec is None:
                continue
            own_flag = isinstance(sub, Mapping) and sub.get("required") is True
            if name in required or own_flag:
                spec = mark_required(spec)
            props[name] = spec
        for name in required:
            if name and name not in props:
                props[name] = mark_required({"type": list(ANY_TYPES)})  # any value, but present
        return ObjectBody(props, self._closed(schema, path))

    def _required_names(self, schema: Mapping[str, Any], path: str) -> list[str]:
        required = schema.get("required", [])
        if isinstance(required, bool):  # draft-03's `required: true` is read by the parent
            return []
        if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
            self._drop(join_path(path, "required"), "`required` is not a list of names")
            return []
        return list(dict.fromkeys(required))

    def _closed(self, schema: Mapping[str, Any], path: str) -> bool:
        extra = schema.get("additionalProperties", True)
        if extra is False:
            return True
        if extra is not True and extra != {}:
            self._drop(
                join_path(path, "additionalProperties"),
                "`additionalProperties` with a schema cannot be expressed; other keys stay allowed",
            )
        return False

    # -- one property ----------------------------------------------------------------------

    def read_spec(self, schema: Any, path: str) -> Spec | None:
        """One property schema → spec, or None when nothing sensible is left (reported)."""
        if schema is True:
            return {"type": list(ANY_TYPES)}
        if schema is False:
            self._drop(path, "a property that accepts no value (`false`) cannot be expressed")
            return None
        if not isinstance(schema, Mapping):
            self._drop(path, f"expected a JSON Schema, found {_kind(schema)}")
            return None
        if "$ref" in schema:
            reader, schema = self._inline_ref(schema, path)
            return reader.read_spec(schema, path)
        spec: Spec = {}
        types = self._types(schema, path)
        self._enum(schema, path, types, spec)
        self._strings_and_numbers(schema, path, spec)
        self._annotations(schema, path, spec)
        self._nested(schema, path, spec)
        self.report_unknown(schema, path, PROPERTY_KEYWORDS)
        names = spec.get("type") or types or list(ANY_TYPES)
        spec["type"] = names[0] if len(names) == 1 else list(names)
        return order_keys(spec)

    def _inline_ref(
        self, schema: Mapping[str, Any], path: str
    ) -> tuple[SchemaReader, Mapping[str, Any]]:
        """The schema with its local `$ref` inlined (keywords beside `$ref` win)."""
        ref = schema["$ref"]
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        target = resolve_local_ref(self.root, ref) if isinstance(ref, str) else None
        if target is None or ref in self.refs:
            why = "refers to itself" if ref in self.refs else "is not a local #/ reference"
            self._drop(join_path(path, "$ref"), f"`$ref` {ref!r} {why}; it cannot be expressed")
            return self, siblings
        merged = dict(target)
        merged.update(siblings)
        return replace(self, refs=(*self.refs, ref)), merged

    def _types(self, schema: Mapping[str, Any], path: str) -> list[str]:
        raw = schema.get("type")
        if raw is None:
            return self._union(schema, path)
        names = raw if isinstance(raw, list) else [raw]
        out: list[str] = []
        for name in names:
            if name in JSON_TYPES:
                if name not in out:
                    out.append(name)
            else:
                self._drop(
                    join_path(path, "type"),
                    f"type {name!r} is not a JSON type; the property accepts any type instead",
                )
                return []
        return out

    def _union(self, schema: Mapping[str, Any], path: str) -> list[str]:
        """`anyOf: [{type: string}, {type: "null"}]` → [string, null]; other unions are reported."""
        for keyword in ("anyOf", "oneOf"):
            branches = schema.get(keyword)
            if branches is None:
                continue
            types: list[str] = []
            simple = isinstance(branches, list) and bool(branches)
            for branch in branches if isinstance(branches, list) else ():
                if not isinstance(branch, Mapping) or set(branch) != {"type"}:
                    simple = False
                    break
                names = branch["type"] if isinstance(branch["type"], list) else [branch["type"]]
                if not all(n in JSON_TYPES for n in names):
                    simple = False
                    break
                types += [n for n in names if n not in types]
            if simple:
                return types
            self._drop(join_path(path, keyword), f"`{keyword}` cannot be expressed")
        return []

    def _enum(self, schema: Mapping[str, Any], path: str, types: list[str], spec: Spec) -> None:
        if "const" in schema:
            values: Any = [schema["const"]]
        elif "enum" in schema:
            values = schema["enum"]
        else:
            return
        if not isinstance(values, list) or not values:
            self._drop(join_path(path, "enum"), "`enum` is not a non-empty list of values")
            return
        if not types:
            spec["type"] = infer_types(values)
            spec["enum"] = list(values)
            return
        kept = [v for v in values if any(matches_type(v, t) for t in types)]
        if not kept:
            self._drop(join_path(path, "enum"), "no `enum` value has the property's type")
            return
        spec["type"] = [t for t in types if any(matches_type(v, t) for v in kept)]
        spec["enum"] = kept

    def _strings_and_numbers(self, schema: Mapping[str, Any], path: str, spec: Spec) -> None:
        if "pattern" in schema:
            if isinstance(schema["pattern"], str):
                spec["pattern"] = schema["pattern"]
            else:
                self._drop(join_path(path, "pattern"), "`pattern` is not a text")
        fmt = schema.get("format")
        if fmt is not None:
            if fmt in FORMATS:
                spec["format"] = fmt
            else:
                self._drop(
                    join_path(path, "format"),
                    f"format {fmt!r} is not one the plan knows ({', '.join(FORMATS)})",
                )
        for keyword, key in _BOUNDS:
            if keyword in schema:
                value = schema[keyword]
                if _is_number(value) and value >= 0 and float(value).is_integer():
                    spec[key] = int(value)
                else:
                    self._drop(join_path(path, keyword), f"`{keyword}` is not a whole number")
        self._range(schema, path, spec)

    def _range(self, schema: Mapping[str, Any], path: str, spec: Spec) -> None:
        integer = _only_integers(schema.get("type"))
        for inclusive, exclusive, key, step in (
            ("minimum", "exclusiveMinimum", "minimum", 1),
            ("maximum", "exclusiveMaximum", "maximum", -1),
        ):
            bound = schema.get(inclusive)
            if bound is not None and not _is_number(bound):
                self._drop(join_path(path, inclusive), f"`{inclusive}` is not a number")
                bound = None
            strict = schema.get(exclusive)
            written = f"`{exclusive}: {strict}`"
            if isinstance(strict, bool):  # draft-04: `true` excludes the bound itself
                written = f"`{exclusive}: true` with `{inclusive}: {bound}`"
                strict, bound = (bound, None) if strict and bound is not None else (None, bound)
            elif strict is not None and not _is_number(strict):
                self._drop(join_path(path, exclusive), f"`{exclusive}` is not a number")
                strict = None
            value = bound
            if strict is not None:
                if integer:
                    edge = math.floor(strict) + 1 if step > 0 else math.ceil(strict) - 1
                else:
                    edge = strict
                    self._drop(
                        join_path(path, exclusive),
                        f"{written} is written as the inclusive `{key}: {strict}`",
                        hint=f"the plan's `{key}` includes the bound itself",
                    )
                tighter = value is None or (edge > value if step > 0 else edge < value)
                value = edge if tighter else value
            if value is not None:
                spec[key] = value

    def _annotations(self, schema: Mapping[str, Any], path: str, spec: Spec) -> None:
        description = schema.get("description")
        title = schema.get("title")
        if isinstance(description, str) and description.strip():
            spec["description"] = description
        elif description is not None and not isinstance(description, str):
            self._drop(join_path(path, "description"), "`description` is not a text")
        if isinstance(title, str) and title.strip():
            if "description" not in spec:
                spec["description"] = title
            elif title != spec["description"]:
                self._drop(join_path(path, "title"), "`title` beside a description is dropped")
        if "examples" in schema:
            if isinstance(schema["examples"], list):
                spec["examples"] = list(schema["examples"])
            else:
                self._drop(join_path(path, "examples"), "`examples` is not a list")
        if schema.get("deprecated") is True:
            spec["deprecated"] = True

    def _nested(self, schema: Mapping[str, Any], path: str, spec: Spec) -> None:
        items = schema.get("items")
        if isinstance(items, Mapping):
            item_spec = self.read_spec(items, join_path(path, "items"))
            if item_spec is not None:
                spec["items"] = item_spec
        elif items is False or isinstance(items, list):
            self._drop(join_path(path, "items"), "`items` as a list or `false` cannot be expressed")
        if "properties" in schema or isinstance(schema.get("required"), list):
            body = self.read_object(schema, path)
            if body.properties:
                spec["properties"] = body.properties
            self._check_nested_openness(body, path)
        elif "additionalProperties" in schema and self._closed(schema, path):
            self._drop(
                join_path(path, "additionalProperties"),
                "an object closed to every key cannot be expressed; it stays open",
                hint="list the keys the object may hold under `properties`",
            )

    def _check_nested_openness(self, body: ObjectBody, path: str) -> None:
        if self.closed is None or not body.properties or body.closed == self.closed:
            return
        if body.closed:
            message = (
                "`additionalProperties: false` on a nested object of an open event cannot be"
                " expressed; the nested object stays open"
            )
            hint = "set `unplanned_properties: error` on the event to close every depth"
        else:
            message = (
                "the nested object allows other keys, but the event refuses unplanned properties"
                " at every depth; it becomes closed"
            )
            hint = "list the other keys under the nested `properties` if they are expected"
        self._drop(join_path(path, "additionalProperties"), message, hint=hint)

    def report_unknown(self, schema: Mapping[str, Any], path: str, known: frozenset[str]) -> None:
        """Report every keyword of `schema` outside `known` (and the meta keywords)."""
        for keyword in schema:
            if keyword in known or keyword in META_KEYWORDS:
                continue
            value = schema[keyword]
            if keyword in ("default", "readOnly", "writeOnly", "multipleOf") or _is_number(value):
                shown = f"`{keyword}: {_short(value)}`"
            else:
                shown = f"`{keyword}`"
            self._drop(join_path(path, str(keyword)), f"{shown} cannot be expressed in a plan")

    def _drop(self, path: str, message: str, hint: str = "") -> None:
        if hint:
            self.findings.cannot_express(message, path=path, event=self.event, hint=hint)
        else:
            self.findings.cannot_express(message, path=path, event=self.event)


def resolve_local_ref(root: Any, ref: str) -> Mapping[str, Any] | None:
    """The schema a `#/a/b` reference points to inside `root`, or None."""
    if not ref.startswith("#"):
        return None
    node = root
    for part in ref[1:].split("/")[1:] if ref != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node if isinstance(node, Mapping) else None


# -- writing: model → JSON Schema, through the compiler ------------------------------------


def schema_from_property(prop: Property, level: PolicyLevel) -> dict[str, Any]:
    """What `compile` writes for `prop`, plus `deprecated: true` (an annotation JSON Schema knows)."""
    schema = property_schema(prop, level)
    _annotate(prop, schema)
    return schema


def schema_from_properties(
    props: Sequence[Property], level: PolicyLevel, *, closed_top: bool = True
) -> dict[str, Any]:
    """An object of `props` as `compile` writes it; `closed_top=False` leaves the top level open."""
    schema = object_schema(props, level if closed_top else PolicyLevel.WARN)
    schema["properties"] = {p.name: schema_from_property(p, level) for p in props}
    return schema


def _annotate(prop: Property, schema: dict[str, Any]) -> None:
    if prop.deprecated:
        schema["deprecated"] = True
    if prop.items is not None and isinstance(schema.get("items"), dict):
        _annotate(prop.items, schema["items"])
    nested = schema.get("properties")
    for child in prop.properties:
        if isinstance(nested, dict) and isinstance(nested.get(child.name), dict):
            _annotate(child, nested[child.name])


# -- small helpers ---------------------------------------------------------------------------


def mark_required(spec: Spec) -> Spec:
    return order_keys({**spec, "required": True})


def order_keys(spec: Spec) -> Spec:
    """The spec with its keys in SPEC_ORDER (unknown keys last, as they came)."""
    rank = {key: index for index, key in enumerate(SPEC_ORDER)}
    return dict(sorted(spec.items(), key=lambda item: rank.get(item[0], len(rank))))


def infer_types(values: Sequence[Any]) -> list[str]:
    """The JSON types of `values`, in order of appearance; `number` absorbs `integer`."""
    out: list[str] = []
    for value in values:
        name = classify_value(value)
        if name not in out:
            out.append(name)
    if "number" in out and "integer" in out:
        out.remove("integer")
    return out


def classify_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def matches_type(value: Any, type_name: str) -> bool:
    if type_name == "integer":
        return _is_number(value) and float(value).is_integer()
    if type_name == "number":
        return _is_number(value)
    return classify_value(value) == type_name


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _only_integers(raw: Any) -> bool:
    names = raw if isinstance(raw, list) else [raw]
    return "integer" in names and not (
        {"number", "string", "boolean", "object", "array"} & set(names)
    )


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"the value {value!r}"


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."
