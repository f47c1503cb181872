"""`examples/app`: the README's scan example gives exactly the findings its README lists."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests.conftest import REPO, run_cli

GOLDEN = Path(__file__).parent / "golden" / "example-app.txt"


def test_example_app_findings_match_its_readme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("scan", "plans", "examples/app", "--format", "json")
    assert result.exit_code == 1, result.stderr
    document = json.loads(result.stdout)
    found = [(d["file"], d["line"], d["code"]) for d in document["diagnostics"]]
    assert found == [
        ("examples/app/server/billing.py", 55, "TP401"),
        ("examples/app/web/src/analytics/track.ts", 11, "TP404"),
        ("examples/app/web/src/components/InviteDialog.tsx", 9, "TP403"),
        ("plans/events/billing.yaml", 79, "TP405"),
    ]
    summary = document["summary"]
    assert (summary["files"], summary["calls_found"], summary["events_called"]) == (8, 14, 9)
    readme = (REPO / "examples" / "app" / "README.md").read_text(encoding="utf-8")
    for file, line, code in found:
        shown = file.removeprefix("examples/app/")
        assert f"`{shown}:{line}` | {code}" in readme


def test_example_app_text_report_matches_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("scan", "plans", "examples/app")
    if os.environ.get("TRACKPLAN_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
