"""Helpers for the scan tests: a small plan and a project folder to run `trackplan scan` in."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import Run, run_cli, write

PLAN = """
plan: Scan tests
version: 1.0.0
conventions: {events: object-action, properties: snake_case}
policy: {unplanned_events: error, unplanned_properties: warn}
events:
  Order Completed:
    description: An order was paid.
    properties:
      order_id: {type: string, required: true}
      revenue: {type: number}
  Report Exported:
    description: A report was exported.
    properties:
      format: {type: string, enum: [csv, pdf]}
"""


@dataclass
class Project:
    """A folder with `plans/plan.yaml`, used as the working directory of the command."""

    root: Path

    def write(self, relative: str, text: str) -> Path:
        return write(self.root / relative, text)

    def scan(self, *args: str) -> Run:
        return run_cli("scan", *args)

    def scan_json(self, *args: str) -> tuple[int, dict[str, Any]]:
        result = run_cli("scan", "--format", "json", *args)
        assert result.exit_code in (0, 1), result.stderr
        document: dict[str, Any] = json.loads(result.stdout)
        return result.exit_code, document


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    # Keep git from finding a repository above the temporary folder.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plans" / "plan.yaml", PLAN)
    return Project(tmp_path)


def found(document: dict[str, Any]) -> list[tuple[str, int, str]]:
    """(file, line, code) of every diagnostic, in report order."""
    return [(d["file"], d["line"], d["code"]) for d in document["diagnostics"]]


def called_files(document: dict[str, Any]) -> list[str]:
    return sorted({c["file"] for c in document["summary"]["calls"]})
