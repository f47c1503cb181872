"""The `sarif` format: SARIF 2.1.0, as GitHub code scanning and other viewers read it."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any
from urllib.parse import quote

from trackplan.diagnostics import Diagnostic, Report, Severity
from trackplan.reporting.context import RenderContext, describe

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "trackplan/v1"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(report: Report, context: RenderContext) -> str:
    """A SARIF log with one run: the rules used, then one result per diagnostic."""
    diagnostics = sorted(report.diagnostics)
    rules = _describe_rules(diagnostics, context)
    rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
    occurrences: Counter[str] = Counter()
    results = []
    for diag in diagnostics:
        digest = fingerprint(diag)
        occurrences[digest] += 1
        results.append(_describe_result(diag, rule_index[diag.code], digest, occurrences[digest]))
    driver: dict[str, Any] = {
        "name": "trackplan",
        "version": context.tool_version,
        "rules": rules,
    }
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def fingerprint(diag: Diagnostic) -> str:
    """A hash of what identifies a finding across runs: code, file and message, not line."""
    key = "\0".join((diag.code, diag.file, diag.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _describe_rules(diagnostics: list[Diagnostic], context: RenderContext) -> list[dict[str, Any]]:
    """One rule per code used, sorted, at the most severe level it was reported."""
    levels: dict[str, Severity] = {}
    for diag in diagnostics:
        seen = levels.get(diag.code)
        if seen is None or diag.severity.rank > seen.rank:
            levels[diag.code] = diag.severity
    rules = []
    for code in sorted(levels):
        rule: dict[str, Any] = {"id": code}
        info = context.rule_docs.get(code)
        if info is not None:
            rule["name"] = info.name
            rule["shortDescription"] = {"text": info.summary}
        rule["defaultConfiguration"] = {"level": _LEVELS[levels[code]]}
        rules.append(rule)
    return rules


def _describe_result(diag: Diagnostic, index: int, digest: str, occurrence: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": diag.code,
        "ruleIndex": index,
        "level": _LEVELS[diag.severity],
        "message": {"text": describe(diag)},
    }
    if diag.file:
        physical: dict[str, Any] = {
            "artifactLocation": {"uri": quote(diag.file), "uriBaseId": "%SRCROOT%"}
        }
        if diag.line:
            region = {"startLine": diag.line}
            if diag.column:
                region["startColumn"] = diag.column
            physical["region"] = region
        result["locations"] = [{"physicalLocation": physical}]
    # Like GitHub's own `hash:occurrence`: identical findings in one file stay distinct.
    result["partialFingerprints"] = {FINGERPRINT_KEY: f"{digest}:{occurrence}"}
    properties = {
        key: value for key, value in (("event", diag.event), ("path", diag.path)) if value
    }
    if properties:
        result["properties"] = properties
    return result
