"""The command line's shared behaviour: help, version, init, schema, exit codes and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from tests.conftest import REPO, run_cli, write


def _commands() -> list[tuple[str, ...]]:
    """Every command and sub-command of the CLI, as argument tuples."""
    import typer.main

    from trackplan.cli import app

    root = typer.main.get_command(app)
    found: list[tuple[str, ...]] = []

    def walk(command: object, prefix: tuple[str, ...]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, (*prefix, name))
        else:
            found.append(prefix)

    walk(root, ())
    return found


def test_help_lists_every_command_and_each_has_an_example() -> None:
    commands = _commands()
    expected = {
        "check",
        "init",
        "lint",
        "rules",
        "rule",
        "compile",
        "validate",
        "scan",
        "diff",
        "fmt",
        "docs",
        "infer",
    }
    assert expected <= {c[0] for c in commands}
    assert {("import", "segment"), ("export", "segment"), ("schema", "plan")} <= set(commands)
    for command in commands:
        result = run_cli(*command, "--help")
        assert result.exit_code == 0, command
        assert "Example" in result.stdout, f"{' '.join(command)} --help has no example"


def test_version() -> None:
    assert run_cli("--version").stdout.startswith("trackplan ")


def test_init_writes_a_plan_that_lints_and_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", "[project]\nname = 'app'\n")
    result = run_cli("init")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "plans" / "plan.yaml").is_file()
    pyproject = (tmp_path / "pyproject.toml").read_text()
    assert pyproject.startswith("[project]\nname = 'app'\n") and "[tool.trackplan]" in pyproject
    lint = run_cli("lint", "--fail-on", "warning")
    assert lint.exit_code == 0, lint.stdout
    assert run_cli("compile", "--out", "schemas").exit_code == 0
    again = run_cli("init")
    assert again.exit_code == 2 and "already holds a plan" in again.stderr
    assert (tmp_path / "pyproject.toml").read_text() == pyproject


def test_init_without_pyproject_writes_trackplan_toml(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path)).exit_code == 0
    assert (tmp_path / "trackplan.toml").read_text().startswith("[tool.trackplan]")


def test_schema_plan_is_valid_draft_07_and_validates_the_example_plan() -> None:
    result = run_cli("schema", "plan")
    schema = json.loads(result.stdout)
    jsonschema.Draft7Validator.check_schema(schema)


def test_lint_reports_tp1xx_with_file_line_and_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "plan.yaml",
        """
        events:
          Order Completed:
            description: Paid.
            properties:
              total:
                type: nmber
    """,
    )
    result = run_cli("lint", "plan.yaml", "--select", "TP1", "--format", "json")
    assert result.exit_code == 1
    (diag,) = json.loads(result.stdout)["diagnostics"]
    assert (diag["code"], diag["file"], diag["line"]) == ("TP103", "plan.yaml", 6)
    assert "did you mean 'number'" in diag["hint"]
    text = run_cli("lint", "plan.yaml", "--select", "TP1")
    assert "plan.yaml:6:15" in text.stdout and "type: nmber" in text.stdout and "^" in text.stdout


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({}, ["lint", "missing.yaml"], "missing.yaml: no such file or folder"),
        ({"p.yaml": "events: [\n"}, ["lint", "p.yaml"], "p.yaml:2:1: invalid YAML"),
        ({"p.yaml": "a: 1\na: 2\n"}, ["lint", "p.yaml"], 'duplicate key "a"'),
        ({"p.yaml": "- 1\n"}, ["compile", "p.yaml"], "must be a mapping"),
        ({}, ["lint", "--format", "xml"], "Invalid value for '--format'"),
        ({}, ["lint", "--fail-on", "sometimes"], "Invalid value for '--fail-on'"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        write(tmp_path / name, text)
    result = run_cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_console_script_runs_as_a_real_process(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "trackplan"
    if not exe.exists():
        pytest.skip("the trackplan console script is not installed in this environment")
    proc = subprocess.run(
        [str(exe), "lint", str(REPO / "plans"), "--select", "TP1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    broken = write(tmp_path / "broken.yaml", "events: {\n")
    proc = subprocess.run(
        [str(exe), "compile", str(broken)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_source_lines_are_not_read_from_huge_files(tmp_path: Path) -> None:
    from trackplan.cli import output

    small = write(tmp_path / "small.ndjson", "{}\n{}\n")
    big = tmp_path / "big.ndjson"
    with big.open("wb") as handle:
        handle.truncate(output.MAX_SOURCE_BYTES + 1)
    assert output.read_source_lines(str(small)) == ("{}", "{}")
    assert output.read_source_lines(str(big)) is None
