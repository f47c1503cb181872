"""A draft-07 body schema → a msgspec type and a generated check: the fast path's compiler.

The msgspec type accepts a subset of what the schema accepts and checks, while it parses:
JSON types, enums (as Literal), lengths, ranges, item counts and, where the policy refuses
them, unknown keys. What msgspec cannot check, patterns and formats, becomes a small Python
function generated for the schema (attribute names and constants only: no text from the plan
is ever part of the code), which runs the same `re.search` as jsonschema and the exact format
predicates of `formats` on the decoded strings.

A schema using anything the translation cannot express exactly gets no fast path at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

import msgspec
from msgspec import UNSET, Meta, Raw, UnsetType

from trackplan.validation.formats import fast_matcher, reference_predicate

Check = Callable[[Any], bool]
_ANNOTATIONS = frozenset({"description", "examples", "title", "$schema", "default", "$comment"})
_KEYWORDS = _ANNOTATIONS | {
    "type", "enum", "pattern", "format", "minLength", "maxLength", "minimum", "maximum",
    "minItems", "maxItems", "items", "properties", "required", "additionalProperties",
}  # fmt: skip
_GUARDS = {"string": "{0}.__class__ is str", "array": "{0}.__class__ is list",
           "object": "isinstance({0}, Struct)"}  # fmt: skip


_CALL = "not {check}({0})"  # the test of a value by a generated check function


class Unsupported(Exception):
    """The schema uses something the translation cannot express exactly."""


@dataclass(frozen=True)
class Test:
    """One post-decode test of a value: its condition for failing, in generated code.

    `condition` is a format string over the value's variable name; `names` are the
    constants it refers to.
    """

    condition: str
    names: tuple[tuple[str, Any], ...]
    guard: str = ""  # a type guard when the value may be of several JSON types


class Compiler:
    """Translates the schemas of one plan; numbers its structs and constants."""

    def __init__(self) -> None:
        self._count = 0

    def fresh(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def translate(self, schema: Any, strict: bool) -> tuple[Any, list[Test]]:
        """A msgspec type for `schema` and the tests its decoded values still need."""
        if not isinstance(schema, dict) or not set(schema) <= _KEYWORDS:
            raise Unsupported
        declared = schema.get("type")
        types = [declared] if isinstance(declared, str) else declared
        if not isinstance(types, list) or not types:
            if set(schema) <= _ANNOTATIONS:
                return Raw, []  # anything at all
            raise Unsupported
        members: list[Any] = []
        tests: list[Test] = []
        for name in types:
            member, member_tests = self._member(name, schema, strict)
            members.append(member)
            guard = _GUARDS.get(name, "") if len(types) > 1 else ""
            tests.extend(Test(t.condition, t.names, guard) for t in member_tests)
        if len(members) == 1:
            return members[0], tests
        return Union[tuple(members)], tests  # noqa: UP007

    def check_function(self, tests: list[Test], var: str = "value") -> Check | None:
        """A function returning False when one of `tests` fails on its argument."""
        if not tests:
            return None
        if len(tests) == 1 and tests[0].condition == _CALL and not tests[0].guard:
            inner: Check = tests[0].names[0][1]
            return inner  # one struct's check: called directly, not through a wrapper
        lines = [f"def check({var}):"]
        namespace: dict[str, Any] = {"Struct": msgspec.Struct}
        lines += [f"    {line}" for line in self._test_lines(tests, var, namespace)]
        lines.append("    return True")
        exec("\n".join(lines), namespace)
        check: Check = namespace["check"]
        return check

    def _test_lines(self, tests: list[Test], var: str, namespace: dict[str, Any]) -> list[str]:
        lines = []
        for test in tests:
            renamed = {}
            for name, value in test.names:
                fresh = self.fresh(name)
                namespace[fresh] = value
                renamed[name] = fresh
            condition = test.condition.format(var, **renamed)
            if test.guard:
                condition = f"{test.guard.format(var)} and {condition}"
            lines.append(f"if {condition}: return False")
        return lines

    def _member(self, name: str, schema: dict[str, Any], strict: bool) -> tuple[Any, list[Test]]:
        enum = schema.get("enum")
        if name == "string":
            return _string(schema, enum)
        if name in ("integer", "number"):
            if enum is not None:
                values = [v for v in enum if type(v) is int]
                if len(values) != len([v for v in enum if not isinstance(v, str | None)]):
                    raise Unsupported  # float or boolean enum values
                return (Literal[tuple(values)] if values else _never()), []
            return _number(name, schema), []
        if enum is not None and name != "null":
            raise Unsupported
        if name == "boolean":
            return bool, []
        if name == "null":
            return (None if enum is None or None in enum else _never()), []
        if name == "array":
            return self._array(schema, strict)
        if name == "object":
            return self._object(schema, strict)
        raise Unsupported

    def _array(self, schema: dict[str, Any], strict: bool) -> tuple[Any, list[Test]]:
        item, item_tests = (
            self.translate(schema["items"], strict) if "items" in schema else (Raw, [])
        )
        meta: dict[str, Any] = {}
        if "minItems" in schema:
            meta["min_length"] = int(schema["minItems"])
        if "maxItems" in schema:
            meta["max_length"] = int(schema["maxItems"])
        kind = Annotated[list[item], Meta(**meta)] if meta else list[item]  # type: ignore[valid-type]
        check = self.check_function(item_tests, "item")
        if check is None:
            return kind, []
        return kind, [Test("not all(map({items}, {0}))", (("items", check),))]

    def _object(self, schema: dict[str, Any], strict: bool) -> tuple[Any, list[Test]]:
        properties = schema.get("properties", {})
        required = schema.get("required", [])
        additional = schema.get("additionalProperties", True)
        if not isinstance(properties, dict) or not isinstance(required, list):
            raise Unsupported
        if additional not in (True, False):
            raise Unsupported
        names = list(properties) + [r for r in required if r not in properties]
        fields: list[tuple[Any, ...]] = []
        optional: list[tuple[Any, ...]] = []
        rename: dict[str, str] = {}
        lines: list[str] = []
        namespace: dict[str, Any] = {"Struct": msgspec.Struct, "UNSET": UNSET}
        for index, key in enumerate(names):
            attr = f"f{index}"
            rename[attr] = key
            kind, tests = (
                self.translate(properties[key], strict) if key in properties else (Raw, [])
            )
            if key in required:
                fields.append((attr, kind))
            else:
                optional.append((attr, kind | UnsetType, UNSET))
            if tests:
                lines.append(f"x = value.{attr}")
                lines.append("if x is not UNSET:")
                lines += [f"    {line}" for line in self._test_lines(tests, "x", namespace)]
        struct = msgspec.defstruct(
            self.fresh("Body"),
            fields + optional,
            rename=rename,
            # Unplanned keys are findings under `error` and `warn`: only `allow` lets them by.
            forbid_unknown_fields=(additional is False) and strict,
            gc=False,  # bodies hold no cycles: no garbage-collector work per message
        )
        if not lines:
            return struct, []
        source = "\n".join(["def check(value):", *(f"    {x}" for x in lines), "    return True"])
        exec(source, namespace)
        return struct, [Test(_CALL, (("check", namespace["check"]),))]


def _never() -> Any:
    # A Literal no JSON string equals: the member accepts nothing.
    return Literal["\x00trackplan: no value"]


def _string(schema: dict[str, Any], enum: Any) -> tuple[Any, list[Test]]:
    meta: dict[str, Any] = {}
    if "minLength" in schema:
        meta["min_length"] = int(schema["minLength"])
    if "maxLength" in schema:
        meta["max_length"] = int(schema["maxLength"])
    tests: list[Test] = []
    if enum is not None:
        values = [v for v in enum if isinstance(v, str)]
        kind: Any = Literal[tuple(values)] if values else _never()
        if meta:
            low, high = meta.get("min_length", 0), meta.get("max_length", math.inf)
            tests.append(Test("not ({low} <= len({0}) <= {high})", (("low", low), ("high", high))))
    else:
        kind = Annotated[str, Meta(**meta)] if meta else str
    if "pattern" in schema:
        search = re.compile(schema["pattern"]).search  # what jsonschema runs: re.search
        tests.append(Test("{search}({0}) is None", (("search", search),)))
    if schema.get("format") == "email":
        # The reference check itself (jsonschema's `is_email`): an address is a string with "@".
        tests.append(Test('"@" not in {0}', ()))
    elif "format" in schema:
        fmt = str(schema["format"])
        fast = fast_matcher(fmt)
        reference = reference_predicate(fmt)
        if fast is None:
            tests.append(Test("not {reference}({0})", (("reference", reference),)))
        else:
            names = (("fast", fast), ("reference", reference))
            tests.append(Test("{fast}({0}) is None and not {reference}({0})", names))
    return kind, tests


def _number(name: str, schema: dict[str, Any]) -> Any:
    low, high = schema.get("minimum"), schema.get("maximum")
    # Integer bounds rounded inwards are exact for integers; floats compare as jsonschema does.
    int_meta: dict[str, Any] = {}
    if low is not None:
        int_meta["ge"] = math.ceil(low)
    if high is not None:
        int_meta["le"] = math.floor(high)
    integer = Annotated[int, Meta(**int_meta)] if int_meta else int
    if name == "integer":
        return integer  # 5.0 is an integer to draft-07 but not to msgspec: the reference decides
    float_meta: dict[str, Any] = {}
    if low is not None:
        float_meta["ge"] = float(low)
    if high is not None:
        float_meta["le"] = float(high)
    if any(not math.isfinite(v) for v in float_meta.values()):
        raise Unsupported
    real = Annotated[float, Meta(**float_meta)] if float_meta else float
    return Union[integer, real]  # noqa: UP007
