"""`trackplan infer` on the command line: inputs, outputs, bad lines, exit codes, the example log."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from tests.conftest import REPO, run_cli
from tests.inferring.helpers import run_infer, track, validation_errors, write_log

EXAMPLE_LOG = REPO / "examples" / "events.ndjson"
GOLDEN = Path(__file__).parent / "golden" / "events.draft.yaml"


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, so paths in reports are relative as users see them."""
    monkeypatch.chdir(REPO)


def test_the_example_log_drafts_a_plan_that_validates_it(in_repo: None) -> None:
    run = run_infer("examples/events.ndjson")
    assert run.exit_code == 0, run.stderr
    plan = run.plan()
    messages = [json.loads(line) for line in EXAMPLE_LOG.read_text().splitlines()]
    assert validation_errors(plan, messages) == []
    assert len(plan.events) == 10
    assert plan.identify is not None and plan.group is not None and plan.page is not None
    assert {p.name for p in plan.pages} >= {"Pricing", "Docs"}
    assert "No problems found." in run.stderr
    assert "messages: 40" in run.stderr


def test_trackplan_validate_accepts_the_example_log_with_its_draft(
    in_repo: None, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.yaml"
    assert run_infer("examples/events.ndjson", "--out", str(draft)).exit_code == 0
    run = run_cli(
        "validate", str(draft), "examples/events.ndjson", "--jobs", "1", "--format", "json"
    )
    assert run.exit_code == 0, run.stdout + run.stderr
    assert json.loads(run.stdout)["diagnostics"] == []


def test_the_example_draft_matches_its_golden_file(in_repo: None) -> None:
    """The draft of the example log, byte for byte (UPDATE_GOLDEN=1 rewrites it)."""
    run = run_infer("examples/events.ndjson")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(run.stdout, encoding="utf-8")
    assert run.stdout == GOLDEN.read_text(encoding="utf-8")


def test_the_same_logs_give_the_same_bytes(in_repo: None) -> None:
    first = run_infer("examples/events.ndjson", "examples/events-with-problems.ndjson")
    second = run_infer("examples/events.ndjson", "examples/events-with-problems.ndjson")
    assert first.stdout == second.stdout and first.stderr == second.stderr


def test_out_writes_the_file_and_refuses_to_overwrite_it(tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.ndjson", [track("Order Completed", {"revenue": 3})])
    out = tmp_path / "plans" / "draft.yaml"
    run = run_infer(str(log), "--out", str(out))
    assert run.exit_code == 0, run.stderr
    assert "Order Completed:" in out.read_text()
    assert run.stdout == "" and "No problems found." in run.stderr  # stdout is for drafts

    out.write_text("# hand-edited\n")
    again = run_infer(str(log), "--out", str(out))
    assert again.exit_code == 2
    assert "already exists; pass --force to overwrite it" in again.stderr
    assert out.read_text() == "# hand-edited\n"

    forced = run_infer(str(log), "--out", str(out), "--force")
    assert forced.exit_code == 0
    assert "Order Completed:" in out.read_text()


def test_out_may_not_be_a_folder(tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.ndjson", [track("Order Completed")])
    run = run_infer(str(log), "--out", str(tmp_path))
    assert run.exit_code == 2
    assert "is a folder" in run.stderr


def test_stdin_and_gzip_files_and_gzip_stdin(tmp_path: Path) -> None:
    text = json.dumps(track("Order Completed", {"revenue": 3})) + "\n"
    from_stdin = run_infer("-", stdin=text.encode())
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert "Order Completed:" in from_stdin.stdout

    packed = tmp_path / "log.ndjson.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    assert run_infer(str(packed)).stdout == from_stdin.stdout
    assert run_infer("-", stdin=gzip.compress(text.encode())).stdout == from_stdin.stdout


def test_a_folder_reads_its_logs(tmp_path: Path) -> None:
    write_log(tmp_path / "a.ndjson", [track("Order Completed")])
    (tmp_path / "sub").mkdir()
    write_log(tmp_path / "sub" / "b.jsonl", [track("Cart Viewed")])
    (tmp_path / "notes.txt").write_text("not a log")
    run = run_infer(str(tmp_path))
    assert run.exit_code == 0, run.stderr
    assert {e.name for e in run.plan().events} == {"Order Completed", "Cart Viewed"}
    assert "files: 2" in run.stderr


def test_bad_lines_are_counted_and_reported_never_a_crash(tmp_path: Path) -> None:
    log = write_log(
        tmp_path / "log.ndjson",
        [
            track("Order Completed", {"revenue": 3}),
            '{"type": "track", "event": "Order',  # 2: cut off
            "",  # 3: blank, skipped silently
            "[1, 2]",  # 4: not an object
            {"event": "Order Completed"},  # 5: no type
            {"type": "track", "properties": {}},  # 6: no event name
            {"type": "track", "event": "Order Completed", "properties": [1]},  # 7
            {"type": "fly", "event": "x"},  # 8
            "\xff not utf-8",  # 9
            {"type": "identify", "traits": "nope"},  # 10
        ],
    )
    (tmp_path / "bad.ndjson").write_bytes(log.read_bytes().replace("\xff".encode(), b"\xff"))
    run = run_infer(str(tmp_path / "bad.ndjson"), "--format", "json")
    assert run.exit_code == 0
    report = json.loads(run.stderr)
    found = [(d["line"], d["code"], d["severity"]) for d in report["diagnostics"]]
    assert found == [
        (2, "TP308", "warning"),
        (4, "TP307", "warning"),
        (5, "TP307", "warning"),
        (6, "TP307", "warning"),
        (7, "TP307", "warning"),
        (8, "TP307", "warning"),
        (9, "TP308", "warning"),
        (10, "TP307", "warning"),
    ]
    messages = {d["line"]: d["message"] for d in report["diagnostics"]}
    assert messages[7] == "`properties` is not an object"
    assert messages[8] == 'unknown message type "fly"'
    assert report["summary"]["unusable_lines"] == 8
    assert report["summary"]["messages"] == 1
    assert "Order Completed:" in run.stdout
    strict = run_infer(str(tmp_path / "bad.ndjson"), "--fail-on", "warning")
    assert strict.exit_code == 1


def test_only_the_first_bad_lines_of_a_file_are_listed(tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.ndjson", [track("Order Completed")] + ["nope"] * 25)
    run = run_infer(str(log), "--format", "json")
    report = json.loads(run.stderr)
    codes = [d["code"] for d in report["diagnostics"]]
    assert codes.count("TP308") == 20
    assert "5 more unusable lines, not listed one by one" in run.stderr
    assert report["summary"]["unusable_lines"] == 25


def test_a_truncated_gzip_is_reported_and_the_next_file_read(tmp_path: Path) -> None:
    text = "".join(json.dumps(track(f"Step {i} Completed")) + "\n" for i in range(2000))
    broken = tmp_path / "a.ndjson.gz"
    broken.write_bytes(gzip.compress(text.encode())[:-400])
    fine = write_log(tmp_path / "b.ndjson", [track("Cart Viewed")])
    run = run_infer(str(broken), str(fine), "--format", "json")
    assert run.exit_code == 0, run.stderr
    report = json.loads(run.stderr)
    assert any("breaks off here" in d["message"] for d in report["diagnostics"])
    assert "Cart Viewed:" in run.stdout


def test_no_usable_message_is_exit_2(tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.ndjson", ["nope", {"type": "alias", "userId": "a"}])
    run = run_infer(str(log))
    assert run.exit_code == 2
    assert "no usable message in 2 lines, nothing to infer" in run.stderr
    assert "log.ndjson:1:1: line is not valid JSON" in run.stderr


def test_missing_inputs_are_exit_2(tmp_path: Path) -> None:
    missing = run_infer(str(tmp_path / "nope.ndjson"))
    assert missing.exit_code == 2
    assert "nope.ndjson: no such file or folder" in missing.stderr
    empty = run_infer(str(tmp_path))
    assert empty.exit_code == 2
    assert "the folder holds no NDJSON logs" in empty.stderr
    twice = run_infer("-", "-", stdin=b"")
    assert twice.exit_code == 2
    assert "given twice" in twice.stderr
    assert run_infer().exit_code == 2  # no log at all: usage error


def test_help_has_an_example() -> None:
    run = run_infer("--help")
    assert run.exit_code == 0
    assert "Example: trackplan infer" in run.stdout


def test_the_corpus_log_drafts_a_loadable_plan(corpus: Path) -> None:
    """Segment's own spec examples: legacy `action` messages are reported, the rest drafted."""
    log = corpus / "segment-spec" / "semantic-examples.ndjson"
    run = run_infer(str(log), "--format", "json")
    assert run.exit_code == 0, run.stderr
    plan = run.plan()
    assert len(plan.events) > 30
    report = json.loads(run.stderr)
    assert report["summary"]["unusable_lines"] > 0
    assert all(d["severity"] == "warning" for d in report["diagnostics"])
