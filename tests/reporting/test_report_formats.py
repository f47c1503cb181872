"""Properties of each format that golden files do not show: structure, parsing, escaping."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

from rich.cells import cell_len

from trackplan.diagnostics import Diagnostic, Report, Severity
from trackplan.reporting import (
    OutputFormat,
    RenderContext,
    render,
    render_github,
    render_json,
    render_junit,
    render_sarif,
    render_text,
)


def test_every_format_is_deterministic_and_independent_of_input_order(
    report: Report, context: RenderContext
) -> None:
    shuffled = Report(report.command, tuple(reversed(report.diagnostics)), report.summary)
    for fmt in OutputFormat:
        assert render(shuffled, fmt, context=context) == render(report, fmt, context=context)


def test_sarif_has_the_required_structure(report: Report, context: RenderContext) -> None:
    log = json.loads(render_sarif(report, context))

    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "trackplan"
    assert driver["version"] == "1.2.3"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids == sorted({diag.code for diag in report.diagnostics})
    assert driver["rules"][0]["shortDescription"]["text"]
    assert len(run["results"]) == len(report.diagnostics)
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        for location in result.get("locations", []):
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"]
            assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert all(value >= 1 for value in physical.get("region", {}).values())
    fingerprints = [next(iter(r["partialFingerprints"].values())) for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_locations_follow_what_is_known(context: RenderContext) -> None:
    report = Report.build(
        "scan",
        [
            Diagnostic(file="web/my app.ts", line=2, code="TP401", message="a"),
            Diagnostic(file="plans/a.yaml", code="TP205", message="b"),
            Diagnostic(code="TP501", message="c"),
        ],
    )
    results = json.loads(render_sarif(report, context))["runs"][0]["results"]
    by_rule = {result["ruleId"]: result for result in results}

    (scan,) = by_rule["TP401"]["locations"]
    assert scan["physicalLocation"]["artifactLocation"]["uri"] == "web/my%20app.ts"
    assert scan["physicalLocation"]["region"] == {"startLine": 2}
    (lint,) = by_rule["TP205"]["locations"]
    assert "region" not in lint["physicalLocation"]
    assert "locations" not in by_rule["TP501"]


def test_sarif_fingerprints_keep_identical_findings_apart(context: RenderContext) -> None:
    same = Diagnostic(file="web/a.ts", line=3, code="TP401", message='"Foo" is not planned')
    report = Report.build("scan", [same, replace(same, line=9)])
    results = json.loads(render_sarif(report, context))["runs"][0]["results"]
    first, second = (next(iter(r["partialFingerprints"].values())) for r in results)
    assert first.split(":")[0] == second.split(":")[0]
    assert (first.split(":")[1], second.split(":")[1]) == ("1", "2")


def test_json_round_trips(report: Report) -> None:
    document = json.loads(render_json(report))

    assert document["summary"] == report.full_summary()
    restored = [
        Diagnostic(**{key: value for key, value in item.items() if value is not None})
        for item in document["diagnostics"]
    ]
    restored = [replace(diag, severity=Severity(diag.severity)) for diag in restored]
    assert tuple(restored) == report.diagnostics


def test_github_escapes_properties_and_data() -> None:
    diag = Diagnostic(
        file="plans/a,b:c.yaml",
        line=3,
        column=5,
        code="TP201",
        severity=Severity.WARNING,
        message="100% wrong,\r\nreally: yes",
        hint="rename, then retry",
    )
    assert render_github(Report.build("lint", [diag])) == (
        "::warning file=plans/a%2Cb%3Ac.yaml,line=3,col=5,title=TP201::"
        "100%25 wrong,%0D%0Areally: yes (rename, then retry)\n"
    )


def test_github_uses_notice_for_info_and_skips_unknown_location() -> None:
    diag = Diagnostic(code="TP404", severity=Severity.INFO, message="dynamic name")
    assert render_github(Report.build("scan", [diag])) == "::notice title=TP404::dynamic name\n"


def test_junit_parses_and_counts_failures(report: Report) -> None:
    suite = ET.fromstring(render_junit(report))

    assert suite.tag == "testsuite"
    assert suite.get("name") == "trackplan check"
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [
        "<input>",
        "logs/events.ndjson",
        "plans/events.yaml",
        "web/checkout.ts",
    ]
    assert suite.get("tests") == "4"
    # Three test cases fail; the fourth holds only an info finding.
    assert suite.get("failures") == "3"
    assert (suite.get("errors"), suite.get("skipped")) == ("0", "0")
    failures = suite.findall("testcase/failure")
    assert [failure.get("type") for failure in failures] == ["TP501", "TP303", "TP201"]
    assert "hint: rename to" in (failures[2].text or "")
    assert "TP205" in (cases[2].findtext("system-out") or "")


def test_junit_passes_an_empty_report_and_survives_control_characters() -> None:
    empty = ET.fromstring(render_junit(Report.build("lint", [])))
    assert (empty.get("tests"), empty.get("failures")) == ("1", "0")

    diag = Diagnostic(file="logs/a.ndjson", line=1, code="TP308", message="bad byte \x00\x1b")
    suite = ET.fromstring(render_junit(Report.build("validate", [diag])))
    assert suite.get("failures") == "1"


def test_text_without_color_has_no_escapes(report: Report, source_context: RenderContext) -> None:
    hostile = Diagnostic(file="a.json", line=1, code="TP301", message='"\x1b[31mX\x1b[0m"')
    report = Report.build("check", [*report.diagnostics, hostile])
    plain = render_text(report, replace(source_context, statistics=True))
    assert "\x1b" not in plain
    assert "\\x1b[31mX" in plain

    colored = render_text(report, replace(source_context, color=True))
    assert "\x1b[" in colored


def test_text_shows_messages_literally(context: RenderContext) -> None:
    diag = Diagnostic(file="a.yaml", line=1, code="TP101", message="unknown key [bold]x[/bold]")
    assert "unknown key [bold]x[/bold]" in render_text(Report.build("lint", [diag]), context)


def test_text_caret_accounts_for_wide_characters(context: RenderContext) -> None:
    diag = Diagnostic(file="a.ts", line=1, column=6, code="TP401", message="m")
    text = render_text(
        Report.build("scan", [diag]), replace(context, read_source=lambda _: ["t('注文', x)"])
    )
    source, caret = text.splitlines()[1:3]
    # Column 6 is the closing quote; `注文` before it takes four cells, not two.
    assert caret.index("^") == cell_len(source[: source.rindex("'")])


def test_text_summary_counts_files_and_pluralizes(context: RenderContext) -> None:
    diag = Diagnostic(file="a.yaml", line=1, code="TP201", message="m")
    text = render_text(Report.build("lint", [diag]), context)
    assert text.endswith("1 error, 0 warnings, 0 info in 1 file\n")


def test_long_source_lines_are_windowed_around_the_column() -> None:
    from trackplan.diagnostics import Diagnostic, Report
    from trackplan.reporting import RenderContext, render_text

    line = '{"a":"' + "x" * 500 + '","revenue":"29.00","b":"' + "y" * 500 + '"}'
    column = line.index('"29.00"') + 1
    diag = Diagnostic(file="log.ndjson", line=1, column=column, code="TP303", message="m")
    text = render_text(
        Report.build("validate", [diag]),
        RenderContext(read_source=lambda _path: [line]),
    )
    shown, caret = [row for row in text.splitlines() if " | " in row][:2]
    assert len(shown) < 140 and shown.count("…") == 2
    assert shown[caret.index("^") :].startswith('"29.00"')
