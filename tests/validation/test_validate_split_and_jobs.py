"""--passed/--failed lose nothing; --jobs 1 and --jobs 2 print the same bytes."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.validation.conftest import Validate, ndjson, track

from trackplan.validation import runner
from trackplan.validation.inputs import make_source


def _mixed_log(count: int, seed: int = 3) -> str:
    """Conforming and broken messages, non-JSON and blank lines, in a fixed order."""
    rng = random.Random(seed)
    lines: list[object] = []
    for index in range(count):
        roll = rng.random()
        if roll < 0.05:
            lines.append('{"type": "track", "event": "Order Completed", "properties": {')
        elif roll < 0.08:
            lines.append("")
        elif roll < 0.15:
            lines.append(track(revenue=str(index)))
        elif roll < 0.2:
            lines.append(track("Feature Used", extra=index))  # a warning only: passes
        elif roll < 0.25:
            lines.append(track("Report Exported"))
        else:
            lines.append(track(order_id=f"o{index}", revenue=index))
    return ndjson(lines)  # type: ignore[arg-type]


def test_passed_plus_failed_is_every_message(validate_json: Validate, tmp_path: Path) -> None:
    log = tmp_path / "log.ndjson"
    log.write_bytes(_mixed_log(400).encode() + b"[1]\n\xff not UTF-8\n")
    passed, failed = tmp_path / "passed.ndjson", tmp_path / "failed.ndjson"
    _code, output = validate_json(str(log), "--passed", str(passed), "--failed", str(failed))
    source = [line for line in log.read_bytes().split(b"\n") if line.strip()]
    passed_lines = passed.read_bytes().splitlines()
    failed_lines = failed.read_bytes().splitlines()
    assert len(passed_lines) + len(failed_lines) == len(source) == output["summary"]["messages"]
    assert len(failed_lines) == output["summary"]["invalid"]
    # Conforming lines are copied byte for byte, in order.
    assert passed_lines == [line for line in source if line in set(passed_lines)]
    for line in failed_lines:
        record = json.loads(line)
        note = record["_trackplan"]
        assert note["findings"] and note["file"] == str(log)
        assert all({"code", "severity", "message", "path"} <= set(f) for f in note["findings"])
        if "raw" not in note and "raw_base64" not in note:
            original = {k: v for k, v in record.items() if k != "_trackplan"}
            assert json.dumps(original).encode() in source  # the sender's message, untouched
    assert any("raw_base64" in json.loads(line)["_trackplan"] for line in failed_lines)
    assert any("raw" in json.loads(line)["_trackplan"] for line in failed_lines)


def test_fixture_messages_are_split_too(validate_json: Validate, tmp_path: Path) -> None:
    fixture = tmp_path / "f.json"
    fixture.write_text(json.dumps([track(), track(revenue="1")]))
    passed, failed = tmp_path / "p.ndjson", tmp_path / "f.ndjson"
    validate_json(str(fixture), "--passed", str(passed), "--failed", str(failed))
    assert len(passed.read_text().splitlines()) == 1
    (record,) = [json.loads(line) for line in failed.read_text().splitlines()]
    assert record["_trackplan"]["findings"][0]["code"] == "TP303"


@pytest.fixture
def small_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the runner split even small logs into byte ranges and use worker processes."""
    monkeypatch.setattr(runner, "MIN_RANGE_BYTES", 2048)
    monkeypatch.setattr(runner, "MAX_RANGE_BYTES", 4096)
    monkeypatch.setattr(runner, "MIN_PARALLEL_BYTES", 0)


@pytest.mark.usefixtures("small_ranges")
@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_jobs_do_not_change_the_output(plan_dir: Path, tmp_path: Path, fmt: str) -> None:
    log = tmp_path / "log.ndjson"
    log.write_text(_mixed_log(600))
    (tmp_path / "more.ndjson.gz").write_bytes(gzip.compress(_mixed_log(200, seed=5).encode()))
    (tmp_path / "fixture.json").write_text(json.dumps([track(), track(revenue="x")]))
    assert len(runner.plan_tasks([make_source(log)], 2)) > 3  # really cut into byte ranges
    outputs = {}
    for jobs in ("1", "2", "3"):
        passed, failed = tmp_path / f"p{jobs}", tmp_path / f"f{jobs}"
        result = run_cli(
            "validate", "--plan", str(plan_dir), str(log), str(tmp_path / "more.ndjson.gz"),
            str(tmp_path / "fixture.json"), "--jobs", jobs, "--format", fmt, "--max-examples", "7",
            "--passed", str(passed), "--failed", str(failed),
        )  # fmt: skip
        assert result.exit_code == 1, result.stderr
        outputs[jobs] = (result.stdout, passed.read_bytes(), failed.read_bytes())
    assert outputs["1"] == outputs["2"] == outputs["3"]
    if fmt == "json":
        summary = json.loads(outputs["1"][0])["summary"]
        assert summary["findings_not_shown"] > 0  # capped, and still counted
        assert summary["messages"] == len(outputs["1"][1].splitlines()) + len(
            outputs["1"][2].splitlines()
        )


@pytest.mark.usefixtures("small_ranges")
def test_line_numbers_survive_byte_ranges(validate_json: Validate, tmp_path: Path) -> None:
    lines = [track(order_id=f"o{i}", revenue=i) for i in range(300)]
    lines[250] = track(revenue="bad")
    log = tmp_path / "log.ndjson"
    log.write_text(ndjson(lines))
    _, output = validate_json(str(log), "--jobs", "2")
    assert [d["line"] for d in output["diagnostics"]] == [251]
