"""Property tests: for generated plans written in varied styles with comments everywhere,
load(fmt(x)) == load(x) as models, fmt(fmt(x)) == fmt(x), and no comment is lost.

The generator writes each plan with random key order, indentation (2 or 4), flow or block
mappings (some flow mappings over several lines, with comments inside), shorthand, plain,
single- or double-quoted strings, blank lines, and a uniquely numbered comment at many places.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trackplan.formatting import format_text
from trackplan.loading.loader import load_plan_texts
from trackplan.model import Plan

EVENT_NAMES = ["Order Completed", "Signup Started", "Feature Used", "Plan Selected", "Cart Viewed"]
PROPERTY_NAMES = ["order_id", "revenue", "currency", "email", "plan", "tags", "items", "note"]
WORDS = ["Paid", "a value: with colon", "it's", 'say "hi"', "50% off #1", "yes", "ünïcode", "x"]
PATTERNS = ["^[A-Z]{3}$", "^\\d+$", "^sub_[a-z]+$"]
FORMATS = ["email", "date-time", "uri"]


class Doc:
    """Renders plan data as YAML text in styles drawn from hypothesis, numbering comments."""

    def __init__(self, draw: Any) -> None:
        self.draw = draw
        self.comments = 0
        self.step = draw(st.sampled_from([2, 4]))

    def comment(self) -> str:
        self.comments += 1
        extra = self.draw(st.sampled_from(["", " note", " has # inside", " key: value", " 'q'"]))
        return f"# c{self.comments}{extra}"

    def maybe_eol(self) -> str:
        return f"  {self.comment()}" if self.draw(st.booleans()) else ""

    def leading(self, indent: int) -> list[str]:
        lines = []
        if self.draw(st.integers(0, 4)) == 0:
            lines.append("")
        if self.draw(st.integers(0, 2)) == 0:
            lines.append(" " * indent + self.comment())
        return lines

    def scalar(self, value: Any, flow: bool) -> str:
        if isinstance(value, bool):
            return self.draw(st.sampled_from(["true", "True"] if value else ["false", "False"]))
        if isinstance(value, int | float):
            return json.dumps(value)
        text = str(value)
        styles = ["double"]
        if "\n" not in text:
            styles.append("single")
        plain_ok = re.fullmatch(r"[A-Za-z][A-Za-z0-9_ .^${}\\\[\]-]*", text) and text not in (
            "yes",
            "true",
            "false",
            "null",
        )
        if plain_ok and not (flow and re.search(r"[\[\]{},]", text)):
            styles.append("plain")
        style = self.draw(st.sampled_from(styles))
        if style == "plain":
            return text
        if style == "single":
            return "'" + text.replace("'", "''") + "'"
        return json.dumps(text, ensure_ascii=False)

    def flow(self, value: Any) -> str:
        if isinstance(value, dict):
            parts = [f"{self.scalar(k, True)}: {self.flow(v)}" for k, v in self.shuffled(value)]
            return "{" + ", ".join(parts) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        return self.scalar(value, True)

    def shuffled(self, mapping: dict[str, Any]) -> list[tuple[str, Any]]:
        items = list(mapping.items())
        return self.draw(st.permutations(items)) if len(items) > 1 else items

    def block(self, mapping: dict[str, Any], indent: int, top: bool = False) -> list[str]:
        lines: list[str] = []
        entries = self.shuffled(mapping) if not top else list(mapping.items())
        for key, value in entries:
            lines += self.leading(indent)
            head = " " * indent + self.scalar(key, False) + ":"
            lines += self.value(head, value, indent)
        if self.draw(st.integers(0, 3)) == 0:
            lines.append(" " * indent + self.comment())  # trailing, indented into the block
        return lines

    def value(self, head: str, value: Any, indent: int) -> list[str]:
        if isinstance(value, dict) and value:
            style = self.draw(st.sampled_from(["block", "flow", "multiline-flow"]))
            if style == "flow":
                return [f"{head} {self.flow(value)}{self.maybe_eol()}"]
            if style == "multiline-flow":
                return self.multiline_flow(head, value, indent)
            return [head + self.maybe_eol(), *self.block(value, indent + self.step)]
        if isinstance(value, list) and value and self.draw(st.booleans()):
            lines = [head + self.maybe_eol()]
            pad = " " * (indent + self.draw(st.sampled_from([0, self.step])))
            for item in value:
                lines.append(f"{pad}- {self.flow(item)}{self.maybe_eol()}")
            return lines
        return [f"{head} {self.flow(value)}{self.maybe_eol()}"]

    def multiline_flow(self, head: str, value: dict[str, Any], indent: int) -> list[str]:
        entries = self.shuffled(value)
        pad = " " * (indent + self.step)
        lines = [f"{head} {{"]
        for index, (key, item) in enumerate(entries):
            comma = "," if index < len(entries) - 1 else ""
            lines.append(
                f"{pad}{self.scalar(key, True)}: {self.flow(item)}{comma}{self.maybe_eol()}"
            )
        lines.append(f"{pad}}}{self.maybe_eol()}")
        return lines


@st.composite
def property_specs(draw: Any, depth: int = 0) -> Any:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(["string", "number", "boolean"]))  # shorthand
    kind = draw(
        st.sampled_from(
            ["string", "number", "integer", "array", "object"]
            if depth < 2
            else ["string", "integer"]
        )
    )
    spec: dict[str, Any] = {"type": kind}
    if draw(st.booleans()):
        spec["required"] = draw(st.booleans())
    if draw(st.booleans()):
        spec["description"] = draw(st.sampled_from(WORDS))
    if kind == "string":
        if draw(st.booleans()):
            spec["enum"] = draw(
                st.lists(
                    st.sampled_from(["free", "pro", "a b", "it's"]),
                    min_size=1,
                    max_size=3,
                    unique=True,
                )
            )
        if draw(st.booleans()):
            spec["pattern"] = draw(st.sampled_from(PATTERNS))
        if draw(st.booleans()):
            spec["format"] = draw(st.sampled_from(FORMATS))
        if draw(st.booleans()):
            spec["max_length"] = draw(st.integers(1, 300))
    elif kind in ("number", "integer"):
        if draw(st.booleans()):
            spec["minimum"] = draw(st.integers(0, 10))
        if draw(st.booleans()):
            spec["maximum"] = draw(st.sampled_from([100, 2.5, 1000]))
    elif kind == "array":
        spec["items"] = draw(property_specs(depth + 1))
        if draw(st.booleans()):
            spec["min_items"] = draw(st.integers(0, 3))
    else:
        names = draw(st.lists(st.sampled_from(PROPERTY_NAMES), min_size=1, max_size=3, unique=True))
        spec["properties"] = {name: draw(property_specs(depth + 1)) for name in names}
    if draw(st.booleans()):
        spec["pii"] = draw(st.booleans())
    if draw(st.integers(0, 3)) == 0:
        spec["examples"] = draw(st.sampled_from([["x"], [1, 2], ["a b"]]))
    return spec


@st.composite
def plans(draw: Any) -> tuple[str, int]:
    shared = {
        name: draw(property_specs())
        for name in draw(st.lists(st.sampled_from(PROPERTY_NAMES), max_size=3, unique=True))
    }
    shared = {k: ({"type": v} if isinstance(v, str) else v) for k, v in shared.items()}
    events: dict[str, Any] = {}
    for name in draw(st.lists(st.sampled_from(EVENT_NAMES), min_size=1, max_size=4, unique=True)):
        body: dict[str, Any] = {}
        if draw(st.booleans()):
            body["description"] = draw(st.sampled_from(WORDS))
        if draw(st.booleans()):
            body["tags"] = draw(
                st.lists(st.sampled_from(["revenue", "funnel"]), max_size=2, unique=True)
            )
        if draw(st.integers(0, 3)) == 0:
            body["status"] = "deprecated"
            body["replaced_by"] = "Something New"
        props = draw(st.lists(st.sampled_from(PROPERTY_NAMES), max_size=4, unique=True))
        if props:
            body["properties"] = {
                p: (
                    {"required": True}
                    if p in shared and draw(st.booleans())
                    else draw(property_specs())
                )
                for p in props
            }
        if draw(st.integers(0, 3)) == 0:
            body["unplanned_properties"] = draw(st.sampled_from(["warn", "allow", "error"]))
        events[name] = body
    root: dict[str, Any] = {}
    keys = draw(st.permutations(["plan", "version", "properties", "events", "policy", "identify"]))
    for key in keys:
        if key == "plan" and draw(st.booleans()):
            root["plan"] = draw(st.sampled_from(["Acme", "Acme: the plan"]))
        elif key == "version" and draw(st.booleans()):
            root["version"] = draw(st.sampled_from(["1.0.0", "2.4.1"]))
        elif key == "properties" and shared:
            root["properties"] = shared
        elif key == "events":
            root["events"] = events
        elif key == "policy" and draw(st.booleans()):
            root["policy"] = {"unplanned_properties": "error", "unplanned_events": "warn"}
        elif key == "identify" and draw(st.booleans()):
            root["identify"] = {"traits": {"email": {"type": "string", "format": "email"}}}
    doc = Doc(draw)
    lines = [doc.comment(), ""] if draw(st.booleans()) else []
    lines += doc.block(root, 0, top=True)
    return "\n".join(lines) + "\n", doc.comments


def comparable(plan: Plan) -> Plan:
    return replace(plan, locations={})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_fmt_keeps_the_model_every_comment_and_is_idempotent(case: tuple[str, int]) -> None:
    text, comment_count = case
    before = load_plan_texts([("plan.yaml", text)])
    assert before.ok, (text, [d.message for d in before.diagnostics])
    once = format_text(text, "plan.yaml")
    after = load_plan_texts([("plan.yaml", once)])
    assert after.ok, once
    assert comparable(after.plan) == comparable(before.plan), once
    assert format_text(once, "plan.yaml") == once, once
    found = Counter(re.findall(r"# c(\d+)\b", once))
    assert found == Counter(str(n) for n in range(1, comment_count + 1)), once


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_sorted_output_is_stable_and_keeps_comments(case: tuple[str, int]) -> None:
    text, comment_count = case
    assert load_plan_texts([("plan.yaml", text)]).ok, text
    once = format_text(text, "plan.yaml", sort=True)
    assert format_text(once, "plan.yaml", sort=True) == once
    names = list(load_plan_texts([("plan.yaml", once)]).plan.events_by_name)
    assert names == sorted(names, key=lambda n: (n.casefold(), n))
    assert len(re.findall(r"# c\d+\b", once)) == comment_count
