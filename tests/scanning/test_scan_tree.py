"""The scan test tree: every tricky case of the issue, its findings written next to the code.

Each `expect: TP402, TP403` comment in `tree/` names the findings `trackplan scan` must
report on that line; no other finding may appear. The whole JSON report (findings and the
inventory of calls) is a golden file too; after an intended change regenerate it with
`TRACKPLAN_UPDATE_GOLDEN=1 pytest tests/scanning` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from tests.conftest import run_cli

TREE = Path(__file__).parent / "tree"
GOLDEN = Path(__file__).parent / "golden"
_EXPECT = re.compile(r"expect: ((?:TP\d{3})(?:,\s*TP\d{3})*)")


def expected_findings() -> Counter[tuple[str, int, str]]:
    found: Counter[tuple[str, int, str]] = Counter()
    for path in sorted(TREE.rglob("*")):
        if not path.is_file() or path.name == "trackplan.toml":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = _EXPECT.search(line)
            if match:
                for code in match.group(1).split(","):
                    found[(path.relative_to(TREE).as_posix(), number, code.strip())] += 1
    return found


@pytest.fixture(scope="module")
def report() -> dict[str, object]:
    cwd = Path.cwd()
    os.chdir(TREE)
    try:
        result = run_cli("scan", "--format", "json")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_findings_are_exactly_the_expected_ones(report: dict[str, object]) -> None:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    actual = Counter((d["file"], d["line"], d["code"]) for d in diagnostics)
    assert actual == expected_findings()


def test_report_matches_golden(report: dict[str, object]) -> None:
    text = json.dumps(report, indent=2, sort_keys=True) + "\n"
    path = GOLDEN / "tree.json"
    if os.environ.get("TRACKPLAN_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_inventory_lists_every_call_with_its_event_and_keys(report: dict[str, object]) -> None:
    summary = report["summary"]
    assert isinstance(summary, dict)
    calls = summary["calls"]
    by_place = {(c["file"], c["line"]): c for c in calls}
    # A call inside JSX, multi-line, with a shorthand property.
    assert by_place[("src/Player.tsx", 15)] == {
        "callee": "analytics.track",
        "column": 9,
        "event": "Video Played",
        "event_expression": None,
        "file": "src/Player.tsx",
        "kind": "track",
        "line": 15,
        "properties": ["video_id", "muted", "quality"],
        "sdk": "segment",
        "spread": False,
    }
    # Constants resolved; unresolved names keep their expression.
    assert by_place[("src/constants.ts", 23)]["event"] == "Video Played"
    assert by_place[("src/constants.ts", 29)]["event_expression"] == "name"
    assert by_place[("src/checkout.js", 18)]["spread"] is True
    # Server object form, Python keyword form, wrappers, presets.
    assert by_place[("src/server.mjs", 7)]["event"] == "Order Completed"
    assert by_place[("src/py/worker.py", 30)]["event"] == "Video Played"
    assert by_place[("src/wrappers.ts", 5)]["sdk"] == "wrapper"
    assert by_place[("src/vendors.js", 5)]["kind"] == "page"
    # Decoys, the excluded folder and non-source files give no call.
    events = {c["event"] for c in calls}
    for decoy in (
        "Commented Out",
        "Help Opened",
        "Docs Opened",
        "JSX Comment",
        "Attribute",
        "Block Commented",
        "Doc Decoy",
        "In A String",
        "Legacy Thing Happened",
        "Never Read",
    ):
        assert decoy not in events
    assert not any(c["file"].startswith("src/legacy/") for c in calls)
    # The PostHog event of its own vocabulary is not a call to check.
    assert not any(c["line"] == 6 and c["file"] == "src/vendors.js" for c in calls)
    assert summary["calls_found"] == len(calls)
    assert (summary["events_planned"], summary["events_called"]) == (5, 4)
    assert summary["events_never_called"] == 1


def test_text_output_has_findings_and_a_coverage_summary() -> None:
    cwd = Path.cwd()
    os.chdir(TREE)
    try:
        result = run_cli("scan", "--select", "TP401,TP405")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    assert 'src/checkout.js:26:3  error  TP401  event "Order Complete" is not in the plan' in (
        result.stdout
    )
    assert "hint: did you mean" in result.stdout
    assert "plan.yaml:44:3  warning  TP405" in result.stdout
    for line in ("events planned: 5", "events called: 4", "events never called: 1"):
        assert line in result.stdout
