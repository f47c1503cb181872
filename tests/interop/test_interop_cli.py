"""The `import`/`export` command lines: where output goes, bad inputs, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import REPO, run_cli, write
from tests.interop.helpers import load_text

from trackplan.compiling.schemas import compiled_files
from trackplan.loading.loader import load_plan

PLAN_JSON = (
    '{"name": "Shop", "rules": [{"type": "TRACK", "key": "Order Completed", "version": 1,'
    ' "jsonSchema": {"properties": {"revenue": {"type": "number", "multipleOf": 0.01}}}}]}'
)


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write(tmp_path / "shop.json", PLAN_JSON)


def test_stdout_holds_the_plan_and_stderr_the_warnings(shop: Path) -> None:
    result = run_cli("import", "segment", "shop.json")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Imported by `trackplan import segment` from Segment Public")
    assert "TP701" not in result.stdout
    assert "shop.json  warning  TP701  `multipleOf: 0.01` cannot be expressed" in result.stderr
    assert "events: 1" in result.stderr


def test_dash_means_stdout(shop: Path) -> None:
    assert run_cli("import", "segment", "shop.json", "--out", "-").stdout.startswith("# Imported")


def test_warnings_in_json_on_stderr_and_fail_on_warning(shop: Path) -> None:
    result = run_cli("import", "segment", "shop.json", "--format", "json", "--fail-on", "warning")
    assert result.exit_code == 1
    report = json.loads(result.stderr)
    assert [d["code"] for d in report["diagnostics"]] == ["TP701"]
    assert report["diagnostics"][0]["path"].endswith("revenue.multipleOf")
    assert report["diagnostics"][0]["event"] == "Order Completed"
    assert report["summary"]["events"] == 1
    load_text(result.stdout)


def test_out_folder_gets_plan_yaml_and_is_never_overwritten(shop: Path, tmp_path: Path) -> None:
    first = run_cli("import", "segment", "shop.json", "--out", "plans/")
    assert first.exit_code == 0 and "wrote plans/plan.yaml" in first.stderr
    assert (tmp_path / "plans" / "plan.yaml").is_file()
    before = (tmp_path / "plans" / "plan.yaml").read_text()
    again = run_cli("import", "segment", "shop.json", "--out", "plans")
    assert again.exit_code == 2
    assert "plans/plan.yaml: already exists; nothing was written" in again.stderr
    assert (tmp_path / "plans" / "plan.yaml").read_text() == before
    forced = run_cli("import", "segment", "shop.json", "--out", "plans", "--force")
    assert forced.exit_code == 0


def test_out_file(shop: Path, tmp_path: Path) -> None:
    result = run_cli("import", "segment", "shop.json", "--out", "plans/shop.yaml")
    assert result.exit_code == 0
    assert load_plan(tmp_path / "plans" / "shop.yaml").ok


def test_a_folder_with_plan_files_is_refused(shop: Path, tmp_path: Path) -> None:
    write(tmp_path / "plans" / "events" / "a.yaml", "events: {}\n")
    result = run_cli("import", "segment", "shop.json", "--out", "plans")
    assert result.exit_code == 2
    assert "plans: already holds plan files (plans/events/a.yaml…)" in result.stderr
    assert not (tmp_path / "plans" / "plan.yaml").exists()
    named = run_cli("import", "segment", "shop.json", "--out", "plans/shop.yaml")
    assert named.exit_code == 0  # a file named on purpose joins the plan
    assert run_cli("import", "segment", "shop.json", "--out", "plans", "--force").exit_code == 0


def test_stdin(shop: Path) -> None:
    from typer.testing import CliRunner

    from trackplan.cli import app

    result = CliRunner().invoke(app, ["import", "segment", "-"], input=PLAN_JSON)
    assert result.exit_code == 0
    assert "<stdin>" in result.stdout and "Order Completed" in result.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"rules": [1,]}', "bad.json:1:14: not valid JSON: Expecting value"),
        ("{\n  \"name\": 'x'\n}", "bad.json:2:11: not valid JSON"),
        (
            '{"name": "x"}',
            "bad.json: not a Segment tracking plan; expected `rules` as a list (Public API)",
        ),
        ("[1, 2", "bad.json:1:6: not valid JSON"),
        ("[1, 2]", "bad.json: not a Segment tracking plan"),
        (
            '{"creationType": "Data catalog", "rules": {"events": []}}',
            "use `trackplan import rudderstack`",
        ),
    ],
)
def test_bad_segment_input_exits_2_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "bad.json", text)
    result = run_cli("import", "segment", "bad.json", "--out", "plans")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "plans").exists()


def test_bad_bytes_and_missing_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "latin1.json").write_bytes(b'{"name": "caf\xe9"}')
    result = run_cli("import", "segment", "latin1.json")
    assert (
        result.exit_code == 2 and "latin1.json:1:14: the file is not valid UTF-8" in result.stderr
    )
    missing = run_cli("import", "rudderstack", "nope.json")
    assert missing.exit_code == 2 and "nope.json: no such file" in missing.stderr
    folder = run_cli("import", "segment", ".")
    assert folder.exit_code == 2 and "is a folder" in folder.stderr
    nothing = run_cli("import", "jsonschema", "absent")
    assert nothing.exit_code == 2 and "absent: no such file or folder" in nothing.stderr
    (tmp_path / "empty").mkdir()
    empty = run_cli("import", "jsonschema", "empty")
    assert empty.exit_code == 2 and "empty: the folder holds no JSON Schema files" in empty.stderr


def test_rudderstack_refuses_a_segment_plan(shop: Path) -> None:
    result = run_cli("import", "rudderstack", "shop.json")
    assert result.exit_code == 2
    assert "use `trackplan import segment`" in result.stderr


def test_rudderstack_skips_what_it_cannot_read(tmp_path: Path) -> None:
    source = write(
        tmp_path / "r.json",
        '{"name": "R", "rules": {"events": [{"eventType": "alias", "name": "", "rules": {}},'
        ' {"eventType": "track", "name": "", "rules": {}}, 7,'
        ' {"eventType": "page", "name": "Pricing", "rules": {"properties": {"properties":'
        ' {"properties": {"plan": {"type": "string"}}}}}}]}}',
    )
    result = run_cli("import", "rudderstack", str(source), "--format", "json")
    assert result.exit_code == 0
    assert [d["code"] for d in json.loads(result.stderr)["diagnostics"]] == ["TP703"] * 3
    plan = load_text(result.stdout).plan
    assert [s.name for s in plan.pages] == ["Pricing"] and plan.events == ()


def test_jsonschema_folder_skips_what_is_not_a_schema(tmp_path: Path) -> None:
    write(tmp_path / "s" / "signup.json", '{"title": "Signed Up", "properties": {"a": {}}}')
    write(tmp_path / "s" / "list.json", "[1, 2]")
    write(tmp_path / "s" / "README", "not json at all")
    write(tmp_path / "s" / ".hidden.json", "{broken")
    write(tmp_path / "s" / "nested" / "x.json", '{"type": "string"}')
    result = run_cli("import", "jsonschema", str(tmp_path / "s"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    codes = [d["code"] for d in json.loads(result.stderr)["diagnostics"]]
    assert codes == ["TP703", "TP703", "TP703"]
    assert [e.name for e in load_text(result.stdout).plan.events] == ["Signed Up"]
    write(tmp_path / "s" / "broken.json", '{"title": ')
    broken = run_cli("import", "jsonschema", str(tmp_path / "s"))
    assert broken.exit_code == 2 and "broken.json:1:11: not valid JSON" in broken.stderr


def test_jsonschema_reads_compile_output_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", "jsonschema", str(REPO / "plans"), "--out", "schemas")
    assert result.exit_code == 0
    original = load_plan(REPO / "plans").plan
    files = compiled_files(original)
    assert {
        p.relative_to(tmp_path / "schemas").as_posix()
        for p in (tmp_path / "schemas").rglob("*.json")
    } == set(files)
    assert all((tmp_path / "schemas" / rel).read_text() == text for rel, text in files.items())
    back = run_cli("import", "jsonschema", "schemas")
    assert back.exit_code == 0, back.stderr
    plan = load_text(back.stdout).plan
    assert plan.name == original.name
    assert {e.name for e in plan.events} == {e.name for e in original.events}
    assert plan.identify is not None and plan.group is not None and plan.page is not None
    assert {p.name for p in plan.pages} == {p.name for p in original.pages}


def test_every_subcommand_has_an_example() -> None:
    for group, commands in (
        ("import", ("segment", "rudderstack", "jsonschema")),
        ("export", ("segment", "jsonschema")),
    ):
        listing = run_cli(group, "--help")
        assert listing.exit_code == 0
        for command in commands:
            assert command in listing.stdout
            assert "Example: trackplan " + group in run_cli(group, command, "--help").stdout


def test_codes_are_registered() -> None:
    from trackplan.codes import CODES

    assert {"TP701", "TP702", "TP703"} <= set(CODES)
    docs = (REPO / "docs" / "import-export.md").read_text(encoding="utf-8")
    assert all(f"`{code}`" in docs for code in ("TP701", "TP702", "TP703"))
