"""The `junit` format: JUnit XML, one test case per file, for CI test tabs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from trackplan.diagnostics import Diagnostic, Report, Severity

# XML 1.0 cannot hold most control characters, even escaped; a bad input line may carry them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(report: Report) -> str:
    """A `<testsuite>` with a `<testcase>` per file that has diagnostics, errors as failures.

    A file whose diagnostics are all warnings or info passes, with them in `<system-out>`.
    `failures` counts failed test cases, so it never exceeds `tests`, even though a test
    case holds one `<failure>` per error.
    """
    suite = ET.Element("testsuite", name=f"trackplan {report.command}")
    cases = []
    for file, group in groupby(sorted(report.diagnostics), key=lambda diag: diag.file):
        cases.append(_build_testcase(report.command, file or "<input>", list(group)))
    if not cases:
        cases.append(ET.Element("testcase", classname=report.command, name=report.command))
    failed = sum(1 for case in cases if case.find("failure") is not None)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failed))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.extend(cases)
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _build_testcase(command: str, name: str, diagnostics: list[Diagnostic]) -> ET.Element:
    case = ET.Element("testcase", classname=command, name=_clean(name))
    notes = []
    for diag in diagnostics:
        if diag.severity is Severity.ERROR:
            failure = ET.SubElement(case, "failure", message=_clean(diag.message), type=diag.code)
            failure.text = _clean(_describe_lines(diag))
        else:
            notes.append(_describe_lines(diag))
    if notes:
        ET.SubElement(case, "system-out").text = _clean("\n\n".join(notes))
    return case


def _describe_lines(diag: Diagnostic) -> str:
    """`file:line:col: severity CODE message`, then the event, path and hint lines."""
    lines = [f"{diag.location()}: {diag.severity.value} {diag.code} {diag.message}"]
    if diag.event:
        lines.append(f"event: {diag.event}")
    if diag.path:
        lines.append(f"path: {diag.path}")
    if diag.hint:
        lines.append(f"hint: {diag.hint}")
    return "\n".join(lines)


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)
