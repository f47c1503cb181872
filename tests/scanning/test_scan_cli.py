"""`trackplan scan` on the command line: bad inputs, policies, suppression, formats, the pool."""

from __future__ import annotations

import json

import pytest
from tests.conftest import run_cli
from tests.scanning.conftest import Project, found

from trackplan.scanning import pool


def test_help_has_an_example() -> None:
    result = run_cli("scan", "--help")
    assert result.exit_code == 0
    assert "Example: trackplan scan" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("plans", "missing/"), "missing: no such file or folder to scan"),
        (("plans", "notes.txt"), "notes.txt: not a source file scan reads"),
        (("plans", "empty"), "empty: no source files to scan"),
        (("plans", ".", "--sdk", "segmnt"), "unknown SDK preset 'segmnt'"),
        (("nowhere.yaml", "."), "nowhere.yaml: no such file or folder"),
    ],
)
def test_bad_inputs_exit_2_with_one_clear_line(
    project: Project, args: tuple[str, ...], message: str
) -> None:
    project.write("notes.txt", "analytics.track('X')\n")
    project.write("app.js", "analytics.track('Order Completed', {order_id: 'o'});\n")
    (project.root / "empty").mkdir()
    result = project.scan(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_unknown_sdk_suggests_the_right_name(project: Project) -> None:
    project.write("app.js", "x\n")
    assert "did you mean 'segment'?" in project.scan("plans", ".", "--sdk", "segmnt").stderr


@pytest.mark.parametrize(
    ("wrapper", "message"),
    [
        ('function = "track event"', "trackplan.toml: `scan.wrappers`: function 'track event'"),
        ('function = "t"\nevent = -1', "must be 0 or more"),
        ('function = "t"\ntype = "alias"', "wrapper `type` is 'alias'"),
    ],
)
def test_bad_wrappers_exit_2(project: Project, wrapper: str, message: str) -> None:
    project.write("trackplan.toml", f"[[tool.trackplan.scan.wrappers]]\n{wrapper}\n")
    project.write("app.js", "x\n")
    result = project.scan()
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_bad_flag_is_a_usage_error(project: Project) -> None:
    project.write("app.js", "x\n")
    result = project.scan("plans", ".", "--jobs", "-1")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_a_plan_that_does_not_load_exits_2(project: Project) -> None:
    project.write("plans/plan.yaml", "events:\n  Order Completed:\n    propertes: {}\n")
    project.write("app.js", "x\n")
    result = project.scan()
    assert result.exit_code == 2
    assert "plans/plan.yaml:3:5: TP101" in result.stderr


def test_undecodable_and_unparsable_files_are_warnings_and_the_scan_goes_on(
    project: Project,
) -> None:
    (project.root / "latin1.js").write_bytes(
        b"// caf\xe9\nanalytics.track('Order Completed', {order_id: 'o'});\n"
    )
    project.write("broken.py", "import analytics\nanalytics.track(u, 'Report Exported'\n")
    project.write("good.js", "analytics.track('Order Completed', {order_id: 'o'});\n")
    code, document = project.scan_json("plans", ".")
    assert code == 0
    assert found(document) == [
        ("broken.py", 2, "TP408"),
        ("latin1.js", 1, "TP408"),
        ("plans/plan.yaml", 11, "TP405"),
    ]
    messages = [d["message"] for d in document["diagnostics"]]
    assert "not valid UTF-8 (byte 0xe9)" in messages[1]
    assert project.scan("--fail-on", "warning").exit_code == 1


def test_bom_crlf_and_wide_characters_keep_lines_and_columns(project: Project) -> None:
    text = "// ü\r\nconst s = 'é'; analytics.track('Order Completd');\r\n"
    (project.root / "app.ts").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    _, document = project.scan_json("plans", "app.ts")
    first = document["diagnostics"][0]
    assert (first["code"], first["line"], first["column"]) == ("TP401", 2, 16)
    assert first["hint"] == 'did you mean "Order Completed"?'


def test_policy_sets_the_severity_of_unplanned_events_and_properties(project: Project) -> None:
    project.write(
        "app.js",
        "analytics.track('Order Completed', {order_id: 'o', extra: 1});\n"
        "analytics.track('Invoice Sent');\n",
    )
    _, document = project.scan_json("plans", "app.js")
    severities = {d["code"]: d["severity"] for d in document["diagnostics"]}
    assert severities["TP401"] == "error"
    assert severities["TP407"] == "warning"
    plan = (project.root / "plans" / "plan.yaml").read_text()
    relaxed = plan.replace(
        "policy: {unplanned_events: error, unplanned_properties: warn}",
        "policy: {unplanned_events: allow, unplanned_properties: error}",
    )
    project.write("plans/plan.yaml", relaxed)
    _, document = project.scan_json("plans", "app.js")
    severities = {d["code"]: d["severity"] for d in document["diagnostics"]}
    assert "TP401" not in severities
    assert severities["TP407"] == "error"


def test_configured_severity_and_select_apply(project: Project) -> None:
    project.write("trackplan.toml", '[tool.trackplan.severity]\nTP401 = "warning"\n')
    project.write("app.js", "analytics.track('Invoice Sent');\n")
    assert project.scan().exit_code == 0
    assert project.scan("--fail-on", "warning").exit_code == 1
    _, document = project.scan_json("--select", "TP405")
    assert {d["code"] for d in document["diagnostics"]} == {"TP405"}


def test_suppression_comments(project: Project) -> None:
    project.write(
        "app.js",
        """\
        analytics.track('Invoice Sent'); // trackplan: ignore[TP401]
        analytics.track('invoice_sent'); // trackplan: ignore[TP4]
        analytics.track('Invoice Sent'); /* trackplan: ignore */
        analytics.track('Invoice Sent'); // trackplan: ignore[TP402]
        analytics.track('Order Completed', { // trackplan: ignore[TP407]
          order_id: 'o',
          extra: 1,
        });
        analytics.track('Order Completed', {
          order_id: 'o',
          extra: 1, // trackplan: ignore[TP407]
          more: 2,
        });
        """,
    )
    _, document = project.scan_json("plans", "app.js", "--ignore", "TP405")
    assert found(document) == [("app.js", 4, "TP401"), ("app.js", 12, "TP407")]


def test_only_the_selected_sdk_presets_are_recognised(project: Project) -> None:
    project.write(
        "app.js",
        "analytics.track('Invoice Sent');\nposthog.capture('Invoice Sent');\n",
    )
    _, document = project.scan_json("plans", "app.js", "--sdk", "posthog")
    assert [c["sdk"] for c in document["summary"]["calls"]] == ["posthog"]
    project.write("trackplan.toml", '[tool.trackplan.scan]\nsdks = ["segment"]\n')
    _, document = project.scan_json("plans", "app.js")
    assert [c["sdk"] for c in document["summary"]["calls"]] == ["segment"]


def test_wrappers_by_position_and_by_name(project: Project) -> None:
    project.write(
        "trackplan.toml",
        """\
        [[tool.trackplan.scan.wrappers]]
        function = "trackEvent"
        [[tool.trackplan.scan.wrappers]]
        function = "tracker.send"
        event = "name"
        properties = "props"
        [[tool.trackplan.scan.wrappers]]
        function = "record"
        event = 1
        properties = 2
        [[tool.trackplan.scan.wrappers]]
        function = "identifyUser"
        properties = 1
        type = "identify"
        """,
    )
    project.write(
        "app.ts",
        """\
        trackEvent('Order Completed', {});
        this.tracker.send({ name: 'Order Completed', props: { order_id: 'o' } });
        record(user, 'Order Completed', { order_id: 'o', revenue: 'x' });
        identifyUser(user, { email: 'a@example.com' });
        send({ name: 'Not A Wrapper' });
        """,
    )
    project.write("jobs.py", "tracker.send(u, name='Order Completed', props={'order_id': 1})\n")
    _, document = project.scan_json("plans", ".")
    assert found(document) == [
        ("app.ts", 1, "TP402"),
        ("app.ts", 3, "TP403"),
        ("jobs.py", 1, "TP403"),
        ("plans/plan.yaml", 11, "TP405"),
    ]
    kinds = [(c["line"], c["kind"], c["sdk"]) for c in document["summary"]["calls"]]
    assert (4, "identify", "wrapper") in kinds
    assert len(kinds) == 5


def test_machine_formats_carry_the_findings(project: Project) -> None:
    project.write("app.js", "analytics.track('Invoice Sent');\n")
    sarif = json.loads(project.scan("--format", "sarif").stdout)
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert {"TP401", "TP405"} <= rules
    github = project.scan("--format", "github").stdout
    assert "::error file=app.js,line=1" in github


def test_the_pool_gives_the_same_report_as_one_process(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool, "POOL_THRESHOLD", 8)
    for index in range(40):
        project.write(
            f"src/m{index:02}.js",
            f"analytics.track('Order Completed', {{ order_id: {index} }});\n"
            f"analytics.track('Event {index} Happened');\n",
        )
    one = project.scan("--format", "json", "--jobs", "1").stdout
    many = project.scan("--format", "json", "--jobs", "2").stdout
    assert one == many
    assert len(json.loads(many)["summary"]["calls"]) == 80
