"""The fmt cases in `cases.yaml`: each input formats to its output, and the output to itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from trackplan.diagnostics import TrackplanError
from trackplan.formatting import format_text

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    sort = bool(case.get("sort"))
    assert format_text(case["input"], "case.yaml", sort=sort) == case["output"]
    assert format_text(case["output"], "case.yaml", sort=sort) == case["output"]


def test_windows_line_endings_and_byte_order_mark_are_dropped() -> None:
    text = "\ufeffplan: Acme   # name\r\nversion: 1.0.0\r\n"
    assert format_text(text, "a.yaml") == "plan: Acme   # name\nversion: 1.0.0\n"


def test_a_file_without_content_is_left_as_it_is() -> None:
    assert format_text("# only a comment\n", "a.yaml") == "# only a comment\n"
    assert format_text("", "a.yaml") == ""


def test_a_missing_final_newline_is_added() -> None:
    assert format_text("plan: Acme", "a.yaml") == "plan: Acme\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [\n", "a.yaml:2:1: invalid YAML"),
        ("%YAML 1.2\n---\na: 1\n", "YAML directives"),
        ("a: 1\n---\nb: 2\n", "several YAML documents"),
        ("? [a, b]\n: 1\n", "a complex mapping key"),
    ],
)
def test_what_fmt_cannot_rewrite_is_refused(text: str, message: str) -> None:
    with pytest.raises(TrackplanError, match=message.replace("[", r"\[")):
        format_text(text, "a.yaml")
