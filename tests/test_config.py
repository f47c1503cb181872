"""Configuration: found by walking up, unknown keys refused, command-line flags win."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import run_cli, write

from trackplan.config import find_config, load_settings
from trackplan.diagnostics import FailOn, Severity, TrackplanError

MINIMAL_PLAN = """
events:
  Order Completed:
    description: x
    properties:
      total: nmber
"""


def test_pyproject_table_found_by_walking_up(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "x"

        [tool.trackplan]
        plan = "tracking/plan.yaml"
        sources = ["web"]
        fail-on = "warning"
        select = ["TP1"]

        [tool.trackplan.severity]
        TP103 = "warning"

        [[tool.trackplan.scan.wrappers]]
        function = "trackEvent"
        event = 0
        properties = 1
    """,
    )
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    settings = load_settings(cwd=nested)
    assert settings.plan == tmp_path / "tracking" / "plan.yaml"
    assert settings.sources == (tmp_path / "web",)
    assert settings.fail_on is FailOn.WARNING
    assert settings.severity == {"TP103": Severity.WARNING}
    assert settings.wrappers[0].function == "trackEvent"


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "trackplan.toml", 'plan = "p"\n')
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path / "sub") == tmp_path / "trackplan.toml"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('plann = "p"\n', "unknown key 'plann' in [tool.trackplan]; did you mean 'plan'?"),
        ('fail_on = "error"\n', "did you mean 'fail-on'?"),
        ('fail-on = "sometimes"\n', "use one of error, warning, info, never"),
        ("sources = 3\n", "`sources` must be a list of strings"),
        ("[severity]\nTP101 = 'fatal'\n", "severity of TP101 is 'fatal'"),
        ("[scan]\nwrapers = []\n", "did you mean 'wrappers'?"),
        ("plan = \n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path / "trackplan.toml", text)
    with pytest.raises(TrackplanError) as caught:
        load_settings(cwd=tmp_path)
    assert message in str(caught.value)


def test_cli_uses_config_and_flags_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "tracking.yaml", MINIMAL_PLAN)
    write(tmp_path / "trackplan.toml", 'plan = "tracking.yaml"\n[severity]\nTP103 = "warning"\n')
    # the configured severity turns the TP103 error into a warning: exit 0
    result = run_cli("lint", "--select", "TP1")
    assert result.exit_code == 0, result.stdout
    assert "TP103" in result.stdout
    # --fail-on on the command line wins over the default
    assert run_cli("lint", "--select", "TP1", "--fail-on", "warning").exit_code == 1
    # --ignore drops the finding
    assert "TP103" not in run_cli("lint", "--ignore", "TP103").stdout


def test_broken_config_exits_2_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "trackplan.toml", "plna = 1\n")
    result = run_cli("lint")
    assert result.exit_code == 2
    assert "trackplan.toml: unknown key 'plna'" in result.stderr
    assert "Traceback" not in result.stderr
