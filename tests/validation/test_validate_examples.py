"""The repository's examples behave as examples/README.md says, read from that README."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import REPO, run_cli

EXAMPLES = REPO / "examples"
PLAN = str(REPO / "plans")


def _readme_table() -> dict[int, list[str]]:
    """Line → codes, from the table "The broken lines of events-with-problems.ndjson"."""
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*([^|]+)\|", text, re.MULTILINE)
    return {int(line): sorted(re.findall(r"TP\d{3}", codes)) for line, codes in rows}


def _readme_fixture_codes() -> dict[str, str]:
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"`([\w-]+\.json)` — (TP\d{3})", text))


def _run(*args: str) -> tuple[int, dict]:
    result = run_cli("validate", PLAN, *args, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def test_events_conform() -> None:
    code, output = _run(str(EXAMPLES / "events.ndjson"))
    assert code == 0
    assert output["diagnostics"] == []
    assert output["summary"]["messages"] == output["summary"]["valid"] == 40


def test_events_with_problems_match_the_readme_table() -> None:
    code, output = _run(str(EXAMPLES / "events-with-problems.ndjson"))
    assert code == 1
    found: dict[int, list[str]] = {}
    for diagnostic in output["diagnostics"]:
        found.setdefault(diagnostic["line"], []).append(diagnostic["code"])
    assert {line: sorted(codes) for line, codes in found.items()} == _readme_table()
    assert output["summary"]["messages"] == 29  # 30 lines, one blank


def test_warnings_of_the_readme_are_warnings() -> None:
    _, output = _run(str(EXAMPLES / "events-with-problems.ndjson"))
    warnings = {(d["line"], d["code"]) for d in output["diagnostics"] if d["severity"] == "warning"}
    assert warnings == {(6, "TP306"), (13, "TP310"), (19, "TP309")}


def test_valid_fixtures_conform() -> None:
    code, output = _run(str(EXAMPLES / "fixtures" / "valid"))
    assert code == 0
    assert output["diagnostics"] == []
    assert output["summary"]["fixtures_not_as_expected"] == 0


def test_invalid_fixtures_each_give_their_finding_as_expected() -> None:
    code, output = _run(str(EXAMPLES / "fixtures" / "invalid"))
    assert code == 0  # every fixture under invalid/ breaks the plan, as it should
    by_file = {Path(d["file"]).name: d for d in output["diagnostics"]}
    expected = _readme_fixture_codes()
    assert len(expected) == 10
    assert {name: d["code"] for name, d in by_file.items()} == expected
    assert len(output["diagnostics"]) == len(expected)  # one finding per file
    assert all(d["severity"] == "info" for d in output["diagnostics"])
    assert output["summary"]["invalid"] == 9  # the deprecated event is only a warning


def test_fixture_findings_point_at_the_value() -> None:
    _, output = _run(str(EXAMPLES / "fixtures" / "invalid" / "wrong-type.json"))
    (diagnostic,) = output["diagnostics"]
    lines = (EXAMPLES / "fixtures" / "invalid" / "wrong-type.json").read_text().splitlines()
    assert '"revenue": "1200.00"' in lines[diagnostic["line"] - 1]
    assert lines[diagnostic["line"] - 1][diagnostic["column"] - 1 :].startswith('"1200.00"')
