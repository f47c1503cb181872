"""Fixture expectations: valid/ and invalid/ folders, and the `expect:` wrapper (TP311)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write
from tests.validation.conftest import Validate, track


def _codes(output: dict) -> list[tuple[str, str, str]]:
    return sorted((Path(d["file"]).name, d["code"], d["severity"]) for d in output["diagnostics"])


def test_folders_state_expectations(validate_json: Validate, tmp_path: Path) -> None:
    root = tmp_path / "fixtures"
    write(root / "valid" / "ok.json", json.dumps(track()))
    write(root / "valid" / "wrong.json", json.dumps(track(revenue="1")))
    write(root / "invalid" / "bad.json", json.dumps(track(revenue="1")))
    write(root / "invalid" / "nothing-wrong.json", json.dumps(track()))
    code, output = validate_json(str(root))
    assert code == 1
    assert _codes(output) == [
        ("bad.json", "TP303", "info"),  # expected: reported, but it does not fail the run
        ("nothing-wrong.json", "TP311", "error"),
        ("wrong.json", "TP303", "error"),
        ("wrong.json", "TP311", "error"),
    ]
    summary = output["summary"]
    assert (summary["fixtures_with_expectations"], summary["fixtures_not_as_expected"]) == (4, 2)
    message = next(
        d["message"]
        for d in output["diagnostics"]
        if d["code"] == "TP311" and "nothing" in d["file"]
    )
    assert message == "the fixture expects a finding (it is under invalid/) but got no finding"


def test_expect_wrapper_in_json_and_yaml(validate_json: Validate, tmp_path: Path) -> None:
    write(tmp_path / "a.json", json.dumps({"expect": ["TP303"], "message": track(revenue="1")}))
    write(
        tmp_path / "b.yaml",
        """
        expect: [TP302, TP306]
        description: order without an id, with a stray key
        messages:
          - type: track
            event: Order Completed
            userId: u1
            properties: {revenue: 1, stray: true}
        """,
    )
    write(
        tmp_path / "c.json", json.dumps({"expect": [], "messages": [track(), track(revenue="1")]})
    )
    code, output = validate_json(
        str(tmp_path / "a.json"), str(tmp_path / "b.yaml"), str(tmp_path / "c.json")
    )
    assert _codes(output) == [
        ("a.json", "TP303", "info"),
        ("b.yaml", "TP302", "info"),
        ("b.yaml", "TP306", "info"),
        ("c.json", "TP303", "error"),
        ("c.json", "TP311", "error"),
    ]
    assert code == 1
    yaml_diag = next(d for d in output["diagnostics"] if d["code"] == "TP306")
    assert (yaml_diag["line"], yaml_diag["path"]) == (7, "properties.stray")


def test_expect_wins_over_the_folder(validate_json: Validate, tmp_path: Path) -> None:
    write(tmp_path / "invalid" / "x.json", json.dumps({"expect": [], "message": track()}))
    code, output = validate_json(str(tmp_path / "invalid"))
    assert (code, output["diagnostics"]) == (0, [])


def test_malformed_wrapper(validate_json: Validate, tmp_path: Path) -> None:
    write(
        tmp_path / "x.json", json.dumps({"expect": "everything", "mesage": 1, "message": track()})
    )
    _, output = validate_json(str(tmp_path / "x.json"))
    messages = sorted(d["message"] for d in output["diagnostics"] if d["code"] == "TP311")
    assert messages == [
        "`expect` must be a list of codes such as [TP302] ([] for none)",
        'unknown key "mesage" in the fixture wrapper',
    ]


def test_list_fixture_lines_point_at_each_message(validate_json: Validate, tmp_path: Path) -> None:
    text = (
        "[\n" + ",\n".join(json.dumps(m) for m in [track(), track(), track(revenue=-1)]) + "\n]\n"
    )
    write(tmp_path / "list.json", text)
    _, output = validate_json(str(tmp_path / "list.json"))
    (diagnostic,) = output["diagnostics"]
    assert diagnostic["line"] == 4
    assert text.splitlines()[3][diagnostic["column"] - 1 :].startswith("-1")


def test_a_json_file_holding_ndjson_is_read_as_a_log(
    validate_json: Validate, tmp_path: Path
) -> None:
    write(tmp_path / "log.json", json.dumps(track()) + "\n" + json.dumps(track(revenue="1")) + "\n")
    _, output = validate_json(str(tmp_path / "log.json"))
    assert [(d["line"], d["code"]) for d in output["diagnostics"]] == [(2, "TP303")]
