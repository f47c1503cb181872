"""A heavily commented plan round-trips through fmt: every comment and key kept, in place.

`golden/commented.yaml` has comments on keys, between events, at the end of lines, inside
multi-line flow mappings and sequences, on block scalar headers, trailing nested blocks, and
keys out of canonical order; `golden/commented.formatted.yaml` is what fmt must write.
Regenerate with `TRACKPLAN_UPDATE_GOLDEN=1 pytest tests/formatting` and review the diff.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from trackplan.formatting import format_text
from trackplan.loading.loader import load_plan_texts

GOLDEN = Path(__file__).parent / "golden"
SOURCE = (GOLDEN / "commented.yaml").read_text(encoding="utf-8")
# In this fixture no string holds a `#`, so a comment is whatever follows a ` #` or a line-start `#`.
COMMENT = re.compile(r"(?:^|\s)(#.*)$", re.MULTILINE)


def formatted() -> str:
    return format_text(SOURCE, "commented.yaml")


def comments(text: str) -> Counter[str]:
    return Counter(match.rstrip() for match in COMMENT.findall(text))


def test_matches_golden() -> None:
    path = GOLDEN / "commented.formatted.yaml"
    if os.environ.get("TRACKPLAN_UPDATE_GOLDEN") == "1":
        path.write_text(formatted(), encoding="utf-8")
    assert formatted() == path.read_text(encoding="utf-8")


def test_every_comment_is_kept_once() -> None:
    before = comments(SOURCE)
    assert len(before) >= 30
    assert comments(formatted()) == before


def test_each_comment_stays_with_its_key() -> None:
    lines = formatted().splitlines()

    def after(comment: str) -> str:
        return lines[next(i for i, line in enumerate(lines) if comment in line) + 1].strip()

    assert after("# Leads `items`") == "items:"
    assert after('# Leads "Order Completed"') == "Order Completed:"
    assert after('# Between two events: leads "Signup Started".') == "Signup Started:"
    assert after("# Leads `properties`") == "properties:"
    assert after("# Section comment inside the shared properties.") == "plan:"
    assert lines[0].startswith("# A heavily commented plan")
    assert lines[-1] == "# The very last comment of the file."
    on_line = {
        "# the plan's name comes first": "plan: Commented",
        "# replaced_by before status: reordered": "replaced_by: Sign Up Started",
        "# end of line on min_items": "min_items: 1",
        "# inside a flow mapping, after `type`": "type: string",
        "# after the flow mapping closes": "required: true",
        "# inside a flow sequence": "- web",
        "# on a folded block scalar header": "description: >-",
    }
    for comment, code in on_line.items():
        line = next(line for line in lines if comment in line)
        assert line.strip().startswith(code), line


def test_trailing_comments_stay_at_the_end_of_their_block() -> None:
    lines = formatted().splitlines()
    trails = next(i for i, line in enumerate(lines) if "Trails the item's properties" in line)
    assert lines[trails].startswith("          #")  # indented into the item's mapping
    assert lines[trails + 1].strip().startswith("min_items: 1")
    body = next(i for i, line in enumerate(lines) if 'Trails "Order Completed"' in line)
    assert lines[body].startswith("    #")
    assert lines[body - 1].strip() == "action: string   # shorthand stays shorthand"


def test_the_plan_is_the_same_plan() -> None:
    before = load_plan_texts([("plan.yaml", SOURCE)])
    after = load_plan_texts([("plan.yaml", formatted())])
    assert before.ok and after.ok
    assert replace(after.plan, locations={}) == replace(before.plan, locations={})


def test_formatting_twice_changes_nothing() -> None:
    once = formatted()
    assert format_text(once, "commented.yaml") == once
