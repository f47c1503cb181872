"""The command line: arguments, stdin, globs, folders, the config, the summary and --help."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import REPO, run_cli, write
from tests.validation.conftest import Validate, ndjson, track
from typer.testing import CliRunner

from trackplan.cli import app
from trackplan.validation import inputs


def _stdin(plan_dir: Path, data: str, *args: str) -> dict:
    result = CliRunner().invoke(
        app, ["validate", "--plan", str(plan_dir), "-", "--format", "json", *args], input=data
    )
    return json.loads(result.stdout)


def test_stdin_ndjson_and_document(plan_dir: Path) -> None:
    output = _stdin(plan_dir, ndjson([track(), track(revenue="1")]))
    assert [(d["file"], d["line"], d["code"]) for d in output["diagnostics"]] == [
        ("<stdin>", 2, "TP303")
    ]
    document = json.dumps([track(), track(revenue="1")], indent=2)
    output = _stdin(plan_dir, document)
    assert [d["code"] for d in output["diagnostics"]] == ["TP303"]
    assert output["summary"]["messages"] == 2


def test_folders_and_globs(validate_json: Validate, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.ndjson", ndjson([track()]))
    write(tmp_path / "in" / "sub" / "b.jsonl", ndjson([track(), track()]))
    write(tmp_path / "in" / ".hidden" / "c.ndjson", ndjson([track(revenue="x")]))
    write(tmp_path / "in" / "notes.md", "not a message")
    code, output = validate_json(str(tmp_path / "in"))
    assert (code, output["summary"]["files"], output["summary"]["messages"]) == (0, 2, 3)
    code, output = validate_json(str(tmp_path / "in" / "**" / "*.jsonl"))
    assert (output["summary"]["files"], output["summary"]["messages"]) == (1, 2)


def test_the_first_argument_is_the_plan_when_it_is_one(plan_dir: Path, tmp_path: Path) -> None:
    log = write(tmp_path / "log.ndjson", ndjson([track(revenue="1")]))
    result = run_cli("validate", str(plan_dir), str(log), "--format", "json")
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["TP303"]
    # Two logs and no plan argument: both are messages, the plan comes from the config.
    write(tmp_path / "trackplan.toml", f'plan = "{plan_dir.as_posix()}"\nlogs = ["log.ndjson"]\n')
    other = write(tmp_path / "other.ndjson", ndjson([track()]))
    result = run_cli(
        "validate",
        str(log),
        str(other),
        "--config",
        str(tmp_path / "trackplan.toml"),
        "--format",
        "json",
    )
    assert json.loads(result.stdout)["summary"]["messages"] == 2


def test_without_arguments_the_config_names_the_inputs(
    plan_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "logs" / "x.ndjson", ndjson([track(revenue="1")]))
    write(tmp_path / "trackplan.toml", f'plan = "{plan_dir.as_posix()}"\nlogs = ["logs"]\n')
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "--format", "json")
    assert result.exit_code == 1
    assert [d["file"] for d in json.loads(result.stdout)["diagnostics"]] == ["logs/x.ndjson"]
    (tmp_path / "trackplan.toml").write_text(f'plan = "{plan_dir.as_posix()}"\n')
    result = run_cli("validate")
    assert result.exit_code == 2
    assert "give the messages to check" in result.stderr


def test_select_ignore_and_severity_config(plan_dir: Path, tmp_path: Path) -> None:
    log = write(tmp_path / "log.ndjson", ndjson([track(revenue="1"), track("report_exported")]))
    result = run_cli(
        "validate", "--plan", str(plan_dir), str(log), "--ignore", "TP303", "--format", "json"
    )
    output = json.loads(result.stdout)
    assert sorted(d["code"] for d in output["diagnostics"]) == ["TP301", "TP310"]
    assert output["summary"]["invalid"] == 1  # an ignored finding does not make a message invalid
    write(tmp_path / "trackplan.toml", '[severity]\nTP301 = "warning"\n')
    config = str(tmp_path / "trackplan.toml")
    result = run_cli(
        "validate", "--plan", str(plan_dir), str(log), "--select", "TP301", "--config", config
    )
    assert result.exit_code == 0


def test_reference_only_gives_the_same_report(plan_dir: Path) -> None:
    log = str(REPO / "examples" / "events-with-problems.ndjson")
    fast = run_cli("validate", str(REPO / "plans"), log, "--format", "json")
    slow = run_cli("validate", str(REPO / "plans"), log, "--format", "json", "--reference-only")
    assert fast.stdout == slow.stdout


def test_text_report_has_the_summary_tables(tmp_path: Path) -> None:
    result = run_cli(
        "validate", str(REPO / "plans"), str(REPO / "examples" / "events-with-problems.ndjson")
    )
    assert result.exit_code == 1
    text = result.stdout
    for expected in ("messages: 29", "valid: 14", "invalid: 15", "findings by event and code:",
                     "Purchase Completed · TP302", "top offending events:", "sample TP308:"):  # fmt: skip
        assert expected in text
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_max_examples_caps_what_is_shown_not_what_is_counted(
    validate_json: Validate, tmp_path: Path
) -> None:
    log = write(tmp_path / "log.ndjson", ndjson([track(revenue="1")] * 30))
    _, output = validate_json(str(log), "--max-examples", "5")
    assert len(output["diagnostics"]) == 5
    assert [d["line"] for d in output["diagnostics"]] == [1, 2, 3, 4, 5]
    assert output["summary"]["by_code"] == {"TP303": 5}
    assert output["summary"]["findings_by_event_and_code"] == {"Order Completed · TP303": 30}
    assert output["summary"]["findings_not_shown"] == 25
    _, output = validate_json(str(log), "--max-examples", "0")
    assert len(output["diagnostics"]) == 30


def test_help_has_an_example() -> None:
    result = run_cli("validate", "--help")
    assert result.exit_code == 0
    assert "Example: trackplan validate" in result.stdout
    for option in ("--jobs", "--passed", "--failed", "--max-examples", "--plan"):
        assert option in result.stdout


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), max_size=12),
    final_newline=st.booleans(),
    cuts=st.lists(st.integers(1, 400), max_size=5, unique=True),
    block=st.integers(1, 9),
)
def test_byte_ranges_read_every_line_once(
    lines: list[bytes], final_newline: bool, cuts: list[int], block: int
) -> None:
    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    bounds = [0, *sorted(c for c in cuts if c < len(data)), None]
    seen: list[bytes] = []
    old = inputs.BLOCK_BYTES, inputs.MAX_LINE_BYTES
    inputs.BLOCK_BYTES, inputs.MAX_LINE_BYTES = block, 20
    try:
        for start, end in itertools.pairwise(bounds):
            for line in inputs.iter_lines(io.BytesIO(data), start, end):  # type: ignore[arg-type]
                seen.append(b"<long>" if isinstance(line, inputs.Overlong) else line.rstrip(b"\n"))
    finally:
        inputs.BLOCK_BYTES, inputs.MAX_LINE_BYTES = old
    expected = data.split(b"\n")
    if data.endswith(b"\n") or not data:
        expected.pop()
    assert seen == [b"<long>" if len(x) > 20 else x for x in expected]
