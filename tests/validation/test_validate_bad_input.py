"""Bad input never ends in a traceback: each is a clear finding or message, the rest is checked."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.validation.conftest import Validate, codes_by_line, ndjson, track

GOOD = json.dumps(track())


def _log(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_empty_log_and_empty_fixture(validate_json: Validate, tmp_path: Path) -> None:
    code, output = validate_json(
        _log(tmp_path, "empty.ndjson", b""), _log(tmp_path, "empty.json", b"  \n")
    )
    found = {(Path(d["file"]).name, d["code"], d["severity"]) for d in output["diagnostics"]}
    assert found == {("empty.ndjson", "TP312", "warning"), ("empty.json", "TP308", "error")}
    assert code == 1


def test_bom_is_accepted(validate_json: Validate, tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + (GOOD + "\n" + GOOD + "\n").encode()
    fixture = b"\xef\xbb\xbf" + GOOD.encode()
    code, output = validate_json(
        _log(tmp_path, "bom.ndjson", data), _log(tmp_path, "bom.json", fixture)
    )
    assert (code, output["diagnostics"], output["summary"]["valid"]) == (0, [], 3)


def test_invalid_utf8_line_is_tp308_and_the_rest_is_checked(
    validate_json: Validate, tmp_path: Path
) -> None:
    data = (GOOD + "\n").encode() + b'{"type": "track", "event": "\xff"}\n' + (GOOD + "\n").encode()
    _code, output = validate_json(_log(tmp_path, "utf.ndjson", data))
    assert codes_by_line(output) == {2: ["TP308"]}
    assert "UTF-8" in output["diagnostics"][0]["message"]
    assert output["summary"]["messages"] == 3


def test_invalid_utf8_fixture(validate_json: Validate, tmp_path: Path) -> None:
    _, output = validate_json(_log(tmp_path, "bad.json", b'{"type": "tr\xe9ck"}'))
    (diagnostic,) = output["diagnostics"]
    assert (diagnostic["code"], diagnostic["line"], diagnostic["column"]) == ("TP308", 1, 13)


def test_a_50_mb_line_is_skipped_in_bounded_memory(validate_json: Validate, tmp_path: Path) -> None:
    path = tmp_path / "huge.ndjson"
    with path.open("wb") as stream:
        stream.write((GOOD + "\n").encode())
        stream.write(b'{"type": "track", "event": "' + b"x" * (50 << 20) + b'"}\n')
        stream.write((GOOD + "\n").encode())
    failed = tmp_path / "failed.ndjson"
    _code, output = validate_json(str(path), "--failed", str(failed))
    assert codes_by_line(output) == {2: ["TP308"]}
    assert "52,428,830 bytes long" in output["diagnostics"][0]["message"]
    (record,) = [json.loads(line) for line in failed.read_text().splitlines()]
    assert record["_trackplan"]["raw_bytes"] == 52_428_830
    assert output["summary"]["messages"] == 3


def test_deep_nesting(validate_json: Validate, tmp_path: Path) -> None:
    deep = '{"type": "track", "event": "Order Completed", "userId": "u", "properties": ' + (
        '{"a": ' * 10_000 + "1" + "}" * 10_000 + "}"
    )
    _code, output = validate_json(
        _log(tmp_path, "deep.ndjson", (deep + "\n" + GOOD + "\n").encode())
    )
    assert codes_by_line(output) == {1: ["TP308"]}
    assert "nested" in output["diagnostics"][0]["message"]
    _, output = validate_json(_log(tmp_path, "deep.json", deep.encode()))
    assert [d["code"] for d in output["diagnostics"]] == ["TP308"]


def test_duplicate_keys(validate_json: Validate, tmp_path: Path) -> None:
    text = GOOD.replace('"order_id": "o1"', '"order_id": 5, "order_id": "o1"')
    # In a log the last value wins, as in JavaScript's JSON.parse and Segment's API.
    code, output = validate_json(_log(tmp_path, "dup.ndjson", (text + "\n").encode()))
    assert (code, output["diagnostics"]) == (0, [])
    # A fixture is written by hand: a repeated key is a mistake worth reporting.
    code, output = validate_json(_log(tmp_path, "dup.json", text.encode()))
    assert [d["code"] for d in output["diagnostics"]] == ["TP308"]
    assert '"order_id" appears twice' in output["diagnostics"][0]["message"]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_nan_and_infinity(validate_json: Validate, tmp_path: Path, constant: str) -> None:
    text = GOOD.replace("10.5", constant)
    _, output = validate_json(_log(tmp_path, "nan.ndjson", (text + "\n" + GOOD + "\n").encode()))
    assert codes_by_line(output) == {1: ["TP308"]}
    _, output = validate_json(_log(tmp_path, "nan.json", text.encode()))
    assert [d["code"] for d in output["diagnostics"]] == ["TP308"]


def test_truncated_gzip(validate_json: Validate, tmp_path: Path) -> None:
    whole = gzip.compress(ndjson([track()] * 2000).encode())
    code, output = validate_json(_log(tmp_path, "cut.ndjson.gz", whole[: len(whole) // 2]))
    (diagnostic,) = output["diagnostics"]
    assert diagnostic["code"] == "TP308"
    assert "truncated" in diagnostic["message"]
    assert 0 < output["summary"]["messages"] < 2000  # what could be read was checked
    code, output = validate_json(_log(tmp_path, "whole.ndjson.gz", whole))
    assert (code, output["summary"]["messages"]) == (0, 2000)


def test_not_gzip(validate_json: Validate, tmp_path: Path) -> None:
    _, output = validate_json(_log(tmp_path, "fake.ndjson.gz", b"plain text\n"))
    assert [d["code"] for d in output["diagnostics"]] == ["TP308"]
    assert "corrupt" in output["diagnostics"][0]["message"]


def test_folder_with_no_messages(validate_json: Validate, tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.txt").write_text("hello")
    log = _log(tmp_path, "ok.ndjson", (GOOD + "\n").encode())
    code, output = validate_json(str(tmp_path / "nothing"), log, str(tmp_path / "no-*.ndjson"))
    found = [(d["code"], d["file"]) for d in output["diagnostics"]]
    assert found == sorted(
        [("TP312", str(tmp_path / "nothing")), ("TP312", str(tmp_path / "no-*.ndjson"))],
        key=lambda x: x[1],
    )
    assert (code, output["summary"]["messages"]) == (0, 1)


def test_unreadable_file_exits_2_after_checking_the_rest(
    validate_json: Validate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = Path(_log(tmp_path, "locked.ndjson", (GOOD + "\n").encode()))
    readable = _log(tmp_path, "ok.ndjson", (GOOD + "\n").encode())
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    code, output = validate_json(str(locked), readable)
    assert code == 2
    (diagnostic,) = output["diagnostics"]
    assert diagnostic["code"] == "TP308"
    assert "Permission denied" in diagnostic["message"]
    assert output["summary"]["unreadable_files"] == 1
    assert output["summary"]["messages"] == 1


def test_missing_path_is_a_usage_error(plan_dir: Path, tmp_path: Path) -> None:
    result = run_cli("validate", "--plan", str(plan_dir), str(tmp_path / "nope.ndjson"))
    assert result.exit_code == 2
    assert "nope.ndjson: no such file or folder" in result.stderr


def test_not_json_lines_and_non_objects(validate_json: Validate, tmp_path: Path) -> None:
    data = "\n".join([GOOD, "{not json", "[1, 2]", '"text"', "", "   ", GOOD]) + "\n"
    _, output = validate_json(_log(tmp_path, "mixed.ndjson", data.encode()))
    assert codes_by_line(output) == {2: ["TP308"], 3: ["TP307"], 4: ["TP307"]}
    assert output["summary"]["messages"] == 5  # blank lines are skipped silently


def test_yaml_fixture_problems(validate_json: Validate, tmp_path: Path) -> None:
    bad_yaml = _log(tmp_path, "bad.yaml", b"type: track\n  event: [unclosed\n")
    # An unquoted timestamp stays the text it is; `.nan` has no JSON form.
    nan = _log(tmp_path, "nan.yaml", b"type: track\nevent: Order Completed\nuserId: u\n"
               b"timestamp: 2024-03-04T09:12:05Z\nproperties: {order_id: o, revenue: .nan}\n")  # fmt: skip
    _, output = validate_json(bad_yaml, nan)
    found = {(Path(d["file"]).name, d["code"], d["line"]) for d in output["diagnostics"]}
    assert found == {("bad.yaml", "TP308", 2), ("nan.yaml", "TP308", 5)}
    message = next(d["message"] for d in output["diagnostics"] if d["file"].endswith("nan.yaml"))
    assert message == "properties.revenue: nan is not a JSON number"


def test_bad_flags(plan_dir: Path, tmp_path: Path) -> None:
    log = _log(tmp_path, "ok.ndjson", (GOOD + "\n").encode())
    result = run_cli("validate", "--plan", str(plan_dir), log, "--passed", log)
    assert result.exit_code == 2
    assert "would overwrite an input" in result.stderr
    result = run_cli("validate", "--plan", str(plan_dir), log, "--max-examples", "-1")
    assert result.exit_code == 2
    result = run_cli(
        "validate", "--plan", str(plan_dir), log, "--failed", str(tmp_path / "no" / "dir" / "f")
    )
    assert result.exit_code == 2
    assert "cannot write --failed" in result.stderr
