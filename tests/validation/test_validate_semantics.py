"""What the verdicts mean: draft-07 exactly, formats really checked, policies at every depth."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import write
from tests.validation.conftest import PLAN, Validate, codes_by_line, ndjson, track

from trackplan.diagnostics import Severity
from trackplan.loading.loader import load_plan
from trackplan.validation.reference import ReferenceChecker
from trackplan.validation.schemas import build_schemas

FORMATS_PLAN = """
events:
  Thing Happened:
    properties:
      at: {type: string, format: date-time}
      day: {type: string, format: date}
      mail: {type: string, format: email}
      link: {type: string, format: uri}
      id: {type: string, format: uuid}
      ip4: {type: string, format: ipv4}
      ip6: {type: string, format: ipv6}
"""


def _checker(tmp_path: Path, text: str = PLAN) -> ReferenceChecker:
    plan = load_plan(write(tmp_path / "p" / "plan.yaml", text)).plan
    return ReferenceChecker(plan, build_schemas(plan))


def _codes(checker: ReferenceChecker, message: dict[str, Any]) -> list[str]:
    return [f.code for f in checker.check(message).findings]


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        (5, []),
        (5.0, []),  # draft-07: a number with a zero fraction is an integer
        (5.5, ["TP303"]),
        (True, ["TP303"]),  # a boolean is not a number
        ("5", ["TP303"]),
        (0, ["TP305"]),  # minimum 1
        (10**30, []),  # big integers stay exact
    ],
)
def test_integer_semantics(tmp_path: Path, value: Any, codes: list[str]) -> None:
    assert _codes(_checker(tmp_path), track(quantity=value)) == codes


@pytest.mark.parametrize(
    ("value", "codes"), [(True, ["TP303"]), (0, []), (-0.5, ["TP305"]), (1e308, [])]
)
def test_number_semantics(tmp_path: Path, value: Any, codes: list[str]) -> None:
    assert _codes(_checker(tmp_path), track(revenue=value)) == codes


def test_enums_are_case_sensitive(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    (finding,) = checker.check(track("Sign Up Started", plan="Pro")).findings
    assert (finding.code, finding.path) == ("TP304", "properties.plan")
    assert finding.hint == 'did you mean "pro"?'
    assert _codes(checker, track("Sign Up Started", plan="pro")) == []


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [
        ("at", "2024-03-04T09:12:05.118Z", "2024-03-04 09:12:05"),
        ("at", "2024-02-29T23:59:59+01:00", "2023-02-29T10:00:00Z"),
        ("day", "2024-04-30", "2024-04-31"),
        ("mail", "dana@initech.example", "dana.initech.example"),
        ("link", "https://app.example.com/a?b=c#d", "not a uri"),
        ("link", "mailto:dana@initech.example", "/relative/path"),
        ("id", "5f3c8e21-7d4b-4a0e-9c1a-2b6f0e8d4a17", "5f3c8e217d4b4a0e9c1a2b6f0e8d4a17"),
        ("ip4", "192.168.0.1", "256.1.1.1"),
        ("ip6", "2001:db8::1", "2001:db8::g"),
    ],
)
def test_every_format_is_checked(tmp_path: Path, field: str, good: str, bad: str) -> None:
    checker = _checker(tmp_path, FORMATS_PLAN)
    message = track("Thing Happened", **{field: good})
    assert _codes(checker, message) == []
    (finding,) = checker.check(track("Thing Happened", **{field: bad})).findings
    assert finding.code == "TP305"
    assert finding.path == f"properties.{field}"


def test_unplanned_properties_at_every_depth(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    message = track(items=[{"sku": "A", "extra": 1}], stray=True)
    found = {(f.path, f.code, f.severity) for f in checker.check(message).findings}
    assert found == {
        ("properties.items[0].extra", "TP306", Severity.ERROR),
        ("properties.stray", "TP306", Severity.ERROR),
    }


def test_event_policy_warn_applies_at_depth(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    message = track("Feature Used", meta={"source": "x", "other": 1})
    (finding,) = checker.check(message).findings
    assert (finding.path, finding.severity) == ("properties.meta.other", Severity.WARNING)


@pytest.mark.parametrize(
    ("level", "severity"), [("error", "error"), ("warn", "warning"), ("allow", None)]
)
def test_unplanned_property_policy(tmp_path: Path, level: str, severity: str | None) -> None:
    checker = _checker(
        tmp_path, PLAN.replace("unplanned_properties: error", f"unplanned_properties: {level}")
    )
    findings = checker.check(track(stray=1)).findings
    assert [f.severity.value for f in findings] == ([severity] if severity else [])


@pytest.mark.parametrize(
    ("level", "severity"), [("error", "error"), ("warn", "warning"), ("allow", None)]
)
def test_unplanned_event_policy(tmp_path: Path, level: str, severity: str | None) -> None:
    checker = _checker(
        tmp_path, PLAN.replace("unplanned_events: error", f"unplanned_events: {level}")
    )
    findings = checker.check(track("Report Exported")).findings
    assert [f.severity.value for f in findings if f.code == "TP301"] == (
        [severity] if severity else []
    )


def test_unplanned_event_did_you_mean_and_naming(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    by_code = {f.code: f for f in checker.check(track("order completed")).findings}
    assert set(by_code) == {"TP301", "TP310"}
    assert by_code["TP301"].hint == 'did you mean "Order Completed"?'
    assert by_code["TP310"].severity is Severity.WARNING
    assert "Order Completed" in by_code["TP310"].hint


def test_deprecated_event_is_a_warning_with_its_replacement(tmp_path: Path) -> None:
    (finding,) = _checker(tmp_path).check(track("Signup Started")).findings
    assert (finding.code, finding.severity) == ("TP309", Severity.WARNING)
    assert finding.hint == 'send "Sign Up Started" instead'


@pytest.mark.parametrize(
    ("change", "path", "text"),
    [
        ({"userId": None}, "", "neither a userId nor an anonymousId"),
        ({"userId": ""}, "", "neither a userId nor an anonymousId"),
        ({"timestamp": "yesterday"}, "timestamp", "is not an ISO-8601 date-time"),
        ({"properties": []}, "properties", "is an array, expected an object"),
        ({"context": "web"}, "context", "is a string, expected an object"),
        ({"event": 3}, "event", "expected string"),
        ({"type": "Track"}, "type", "is not a Segment message type"),
    ],
)
def test_envelope_rules(tmp_path: Path, change: dict[str, Any], path: str, text: str) -> None:
    message = {**track(), **change}
    findings = _checker(tmp_path).check(message).findings
    assert [(f.code, f.path) for f in findings] == [("TP307", path)]
    assert text in findings[0].message


def test_unknown_type_suggests_the_right_one(tmp_path: Path) -> None:
    (finding,) = _checker(tmp_path).check({**track(), "type": "Track"}).findings
    assert finding.hint == 'did you mean "track"?'


def test_legacy_action_key(tmp_path: Path) -> None:
    message = track()
    message["action"] = message.pop("type")
    (finding,) = _checker(tmp_path).check(message).findings
    assert finding.code == "TP307"
    assert finding.hint == 'rename "action" to "type": "type": "track"'


def test_alias_needs_previous_id_and_user_id(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    assert _codes(checker, {"type": "alias", "previousId": "a1", "userId": "u1"}) == []
    findings = checker.check({"type": "alias", "userId": "u1", "properties": {"x": 1}}).findings
    assert [(f.code, f.path) for f in findings] == [("TP307", "previousId")]


def test_pages_named_generic_and_absent(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    page = {"type": "page", "userId": "u1", "properties": {"path": "/"}}
    assert (
        _codes(
            checker, {**page, "name": "Pricing", "properties": {"path": "/", "toggle": "annual"}}
        )
        == []
    )
    # `toggle` belongs to the Pricing page only: elsewhere it is unplanned.
    assert _codes(
        checker, {**page, "name": "Home", "properties": {"path": "/", "toggle": "annual"}}
    ) == ["TP306"]
    assert _codes(checker, {**page, "properties": {}}) == ["TP302"]
    no_page = _checker(tmp_path / "other", PLAN.split("page:")[0])
    assert _codes(no_page, {**page, "properties": {"anything": 1}}) == []
    assert _codes(no_page, {"type": "page", "properties": {}}) == ["TP307"]


def test_identify_and_group(tmp_path: Path) -> None:
    checker = _checker(tmp_path)
    assert _codes(checker, {"type": "identify", "userId": "u", "traits": {"email": "a@b"}}) == []
    assert _codes(checker, {"type": "identify", "userId": "u"}) == ["TP302"]
    assert _codes(checker, {"type": "group", "userId": "u", "traits": {"name": "A"}}) == ["TP307"]
    assert (
        _codes(checker, {"type": "group", "userId": "u", "groupId": "g", "traits": {"name": "A"}})
        == []
    )


def test_messages_name_the_value_and_the_path(tmp_path: Path) -> None:
    (finding,) = _checker(tmp_path).check(track(revenue="29.00")).findings
    assert finding.message == 'properties.revenue: "29.00" is a string, expected number'
    (finding,) = _checker(tmp_path).check(track(items=[{"sku": "A"}, {"price": 1}])).findings
    assert finding.message == "properties.items[1].sku is required but missing"


def test_the_cli_reports_event_path_line_and_column(
    validate_json: Validate, tmp_path: Path
) -> None:
    log = tmp_path / "log.ndjson"
    log.write_text(ndjson([track(), track(revenue="29.00")]))
    code, output = validate_json(str(log))
    assert code == 1
    (diagnostic,) = output["diagnostics"]
    assert codes_by_line(output) == {2: ["TP303"]}
    assert diagnostic["event"] == "Order Completed"
    assert diagnostic["path"] == "properties.revenue"
    line = log.read_text().splitlines()[1]
    assert line[diagnostic["column"] - 1 :].startswith('"29.00"')
