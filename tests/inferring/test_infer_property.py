"""The promise behind every draft: the plan inferred from a log validates that same log."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.inferring.helpers import validation_errors

from trackplan.inferring import find_sources, infer_plan
from trackplan.loading.loader import load_plan_texts

FORMATTED = st.sampled_from(
    [
        "2024-03-04T09:12:05.118Z",
        "2024-02-29",
        "dana@initech.example",
        "https://acme.example/a?b=c",
        "5f3c8e21-7d4b-4a0e-9c1a-2b6f0e8d4a17",
        "free",
        "pro",
        "",
        "\x85\u2028\x1f",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    FORMATTED,
    st.text(max_size=8),
)
KEYS = st.sampled_from(["plan", "revenue", "items", "user_id", "userId", "a b", "x", "\x85\ufeff"])
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=8,
)
BODIES = st.dictionaries(KEYS, VALUES, max_size=5)


@st.composite
def messages(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["track", "track", "identify", "group", "page", "screen"]))
    message: dict[str, Any] = {"type": kind, "userId": "u1"}
    if kind == "track":
        message["event"] = draw(
            st.sampled_from(["Order Completed", "order_completed", "Cart Viewed"])
        )
    if kind in ("page", "screen") and draw(st.booleans()):
        message["name"] = draw(st.sampled_from(["Home", "Pricing"]))
    if kind == "group":
        message["groupId"] = "g1"
    key = "traits" if kind in ("identify", "group") else "properties"
    if draw(st.integers(0, 9)):  # now and then a message without a body
        message[key] = draw(BODIES)
    return message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(messages(), min_size=1, max_size=40))
def test_the_draft_of_any_log_validates_that_log(log: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.ndjson"
        path.write_text("".join(json.dumps(m) + "\n" for m in log), encoding="utf-8")
        inference = infer_plan(find_sources([str(path)]))
    loaded = load_plan_texts([("draft.yaml", inference.yaml)])
    assert loaded.diagnostics == ()
    assert validation_errors(loaded.plan, log) == []
