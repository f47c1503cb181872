"""The fast paths are exact: on generated plans and messages they agree with plain jsonschema.

Three paths give a verdict: the msgspec fast path (it may only ever say "conforms"), the
jsonschema-rs route to the errors, and jsonschema itself, the reference. For every generated
message: when the fast path says "conforms", jsonschema finds nothing; the findings computed
through jsonschema-rs equal jsonschema's; and a whole log checked with both fast paths on gives
exactly the diagnostics of the reference alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trackplan.model import FORMATS, Event, Plan, Policy, PolicyLevel, Property, Section
from trackplan.validation.checking import Engine, Rules
from trackplan.validation.inputs import InputKind, Source
from trackplan.validation.reference import ReferenceChecker
from trackplan.validation.schemas import build_schemas
from trackplan.validation.split import Split

PATTERNS = ["^[A-Z]{3}$", r"\d", "^a", "b$", "[é]", "^[a-z_]+$", "x|y"]
STRINGS = [
    "", "a", "b", "USD", "usd", "USD\n", "ab", "b\n", "é", "x", "y", "snake_case", "٣",
    "2024-03-04T09:12:05Z", "2024-03-04T09:12:05.5+01:00", "2024-02-30T00:00:00Z",
    "2024-03-04t09:12:05z", "2024-03-04T09:12:05Z\n", "2024-02-29", "2023-02-29", "2024-13-01",
    "2024-03-04 09:12:05Z", "2024-061T09:12:05Z", "2024-03-04T09:12:05+0530",
    "dana@x", "dana", "https://a.example/b?c=d#e", "https://a.example/%zz", "mailto:a@b", "/x",
    "5f3c8e21-7d4b-4a0e-9c1a-2b6f0e8d4a17", "5f3c8e217d4b4a0e9c1a2b6f0e8d4a17",
    "{5f3c8e21-7d4b-4a0e-9c1a-2b6f0e8d4a17}", "192.168.0.1", "01.2.3.4", "256.0.0.1", "::1",
    "fe80::1%eth0", "\ud800", "x" * 40,
]  # fmt: skip
NUMBERS = [0, 1, -1, 5, 5.0, 5.5, -0.0, 1e300, 2**64, -(2**63) - 1, 10**22 + 1, 0.1, 3]
SCALARS = [*STRINGS, *NUMBERS, True, False, None, [], {}, [1, "a"], {"k": 1}]
TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"]

names = st.sampled_from(["a", "b", "c", "amount", "code", "when", "id"])


@st.composite
def properties(draw: st.DrawFn, depth: int = 0) -> Property:
    name = draw(names)
    types = tuple(draw(st.lists(st.sampled_from(TYPES), min_size=1, max_size=2, unique=True)))
    spec: dict[str, Any] = {
        "name": name,
        "pointer": (),
        "types": types,
        "required": draw(st.booleans()),
    }
    if "string" in types:
        if draw(st.booleans()):
            spec["pattern"] = draw(st.sampled_from(PATTERNS))
        if draw(st.booleans()):
            spec["format"] = draw(st.sampled_from(FORMATS))
        if draw(st.booleans()):
            spec["min_length"] = draw(st.integers(0, 2))
            spec["max_length"] = draw(st.integers(2, 30))
        if draw(st.integers(0, 3)) == 0:
            spec["enum"] = tuple(
                draw(st.lists(st.sampled_from(STRINGS[:12]), min_size=1, max_size=3))
            )
    if {"number", "integer"} & set(types):
        if draw(st.booleans()):
            spec["minimum"] = draw(st.sampled_from([0, 1, 0.5, -1, 10**22]))
        if draw(st.booleans()):
            spec["maximum"] = draw(st.sampled_from([5, 5.5, 100, 10**22]))
        if "string" not in types and draw(st.integers(0, 4)) == 0:
            spec["enum"] = tuple(
                draw(st.lists(st.sampled_from([0, 1, 5, 1.0, 2.5]), min_size=1, max_size=3))
            )
    if "array" in types:
        if depth < 2 and draw(st.booleans()):
            spec["items"] = draw(properties(depth + 1))
        if draw(st.booleans()):
            spec["min_items"], spec["max_items"] = 1, draw(st.integers(1, 3))
    if "object" in types and depth < 2:
        children = draw(st.lists(properties(depth + 1), max_size=3, unique_by=lambda p: p.name))
        spec["properties"] = tuple(children)
    return Property(**spec)


def values_for(prop: Property, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values near what `prop` accepts, and values far from it."""
    options: list[st.SearchStrategy[Any]] = [st.sampled_from(SCALARS)]
    if prop.enum:
        options.append(st.sampled_from(list(prop.enum)))
    if prop.items is not None and depth < 3:
        options.append(st.lists(values_for(prop.items, depth + 1), max_size=3))
    if prop.properties and depth < 3:
        options.append(objects_for(prop.properties, depth + 1))
    options.append(st.text(max_size=6))
    options.append(st.floats(allow_nan=False, allow_infinity=False))
    return st.one_of(options)


def objects_for(props: tuple[Property, ...], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for prop in props:
            if prop.required or draw(st.booleans()):
                out[prop.name] = draw(values_for(prop, depth))
        if draw(st.integers(0, 5)) == 0:
            out["stray"] = 1
        return out

    return build()


@st.composite
def cases(draw: st.DrawFn) -> tuple[Plan, list[Any]]:
    props = tuple(draw(st.lists(properties(), min_size=1, max_size=4, unique_by=lambda p: p.name)))
    level = draw(st.sampled_from(list(PolicyLevel)))
    events = (
        Event("Thing Done", ("events", "Thing Done"), properties=props),
        Event("Old Thing Done", ("events", "Old Thing Done"), status="deprecated"),  # type: ignore[arg-type]
    )
    plan = Plan(
        events=events,
        policy=Policy(unplanned_properties=level),
        identify=Section("", ("identify",), properties=props),
    )
    messages = []
    for _ in range(draw(st.integers(1, 6))):
        body = draw(objects_for(props))
        kind = draw(st.sampled_from(["track", "track", "track", "identify", "page", "alias"]))
        message: dict[str, Any] = {"type": kind, "userId": draw(st.sampled_from(["u1", "", None]))}
        if kind == "track":
            message["event"] = draw(
                st.sampled_from(["Thing Done", "Thing Done", "Old Thing Done", "thing_done"])
            )
        message["traits" if kind == "identify" else "properties"] = body
        if draw(st.booleans()):
            message["timestamp"] = draw(st.sampled_from(STRINGS[13:24]))
        messages.append(message)
    return plan, messages


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_fast_paths_agree_with_jsonschema(case: tuple[Plan, list[Any]]) -> None:
    plan, messages = case
    schemas = build_schemas(plan)
    reference = ReferenceChecker(plan, schemas, accelerate=False)
    accelerated = ReferenceChecker(plan, schemas, accelerate=True)
    fast = Engine(plan, Rules()).fast
    assert fast is not None
    for message in messages:
        line = json.dumps(message, ensure_ascii=False).encode("utf-8", "surrogatepass")
        expected = reference.check(message)
        if fast.conforms(line):
            assert expected.findings == (), (message, expected)
        assert accelerated.check(message) == expected, message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_a_log_gets_the_same_diagnostics_either_way(
    tmp_path_factory: Any, case: tuple[Plan, list[Any]]
) -> None:
    plan, messages = case
    path = Path(tmp_path_factory.mktemp("log")) / "log.ndjson"
    path.write_bytes(
        b"".join(json.dumps(m).encode("utf-8", "surrogatepass") + b"\n" for m in messages)
    )
    source = Source(path, "log.ndjson", InputKind.LOG, path.stat().st_size)
    fast = Engine(plan, Rules(max_examples=0)).check_log(source, Split())
    slow = Engine(plan, Rules(max_examples=0, fast=False)).check_log(source, Split())
    assert fast.tally.diagnostics() == slow.tally.diagnostics()
    assert (fast.messages, fast.tally.invalid) == (slow.messages, slow.tally.invalid)


def test_the_fast_path_vouches_for_real_messages() -> None:
    """Not a test of exactness but of usefulness: conforming example messages take the fast path."""
    from tests.conftest import REPO

    from trackplan.loading.loader import load_plan

    engine = Engine(load_plan(REPO / "plans").plan, Rules())
    assert engine.fast is not None
    lines = (REPO / "examples" / "events.ndjson").read_bytes().splitlines()
    assert all(engine.fast.conforms(line) for line in lines if line.strip())
