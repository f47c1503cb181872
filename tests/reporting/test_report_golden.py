"""Golden-file tests: every output format of a fixed report, byte for byte."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from trackplan.diagnostics import Report
from trackplan.reporting import OutputFormat, RenderContext, render

GOLDEN = Path(__file__).parent / "golden"
SUFFIXES = {
    OutputFormat.TEXT: "txt",
    OutputFormat.JSON: "json",
    OutputFormat.SARIF: "sarif",
    OutputFormat.GITHUB: "github.txt",
    OutputFormat.JUNIT: "xml",
}


def assert_golden(name: str, actual: str) -> None:
    """Compare `actual` with `golden/<name>`.

    After an intended change of output, regenerate the files with
    `TRACKPLAN_UPDATE_GOLDEN=1 pytest tests/reporting` and review the diff.
    """
    path = GOLDEN / name
    if os.environ.get("TRACKPLAN_UPDATE_GOLDEN") == "1":
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"missing {path}; run with TRACKPLAN_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_formats_match_golden(fmt: OutputFormat, report: Report, context: RenderContext) -> None:
    assert_golden(f"report.{SUFFIXES[fmt]}", render(report, fmt, context=context))


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_empty_report_matches_golden(
    fmt: OutputFormat, empty_report: Report, context: RenderContext
) -> None:
    assert_golden(f"empty.{SUFFIXES[fmt]}", render(empty_report, fmt, context=context))


def test_text_statistics_matches_golden(report: Report, context: RenderContext) -> None:
    text = render(report, OutputFormat.TEXT, context=replace(context, statistics=True))
    assert_golden("statistics.txt", text)


def test_text_source_lines_match_golden(report: Report, source_context: RenderContext) -> None:
    text = render(report, OutputFormat.TEXT, context=source_context)
    assert_golden("source.txt", text)
