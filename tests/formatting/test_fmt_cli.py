"""`trackplan fmt` on the command line: writing, --check, --diff, --sort and bad plans."""

from __future__ import annotations

import json
import shutil
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from tests.conftest import REPO, run_cli, write

from trackplan.formatting import format_plan
from trackplan.loading.loader import load_plan

UNFORMATTED = """
# The plan.
version: 1.0.0   # bump me
plan: Shop
events:
    Order Completed:
        properties:
            total: {minimum: 0, type: number}
        description: 'Paid.'
"""
FORMATTED = """\
# The plan.
plan: Shop
version: 1.0.0   # bump me
events:
  Order Completed:
    description: "Paid."
    properties:
      total: {type: number, minimum: 0}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path / "plans" / "plan.yaml", UNFORMATTED)
    write(tmp_path / "plans" / "events" / "done.yaml", "events:\n  Cart Viewed: {}\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def test_rewrites_the_files_that_change(project: Path) -> None:
    result = run_cli("fmt")
    assert result.exit_code == 0, result.stderr
    assert (project / "plans" / "plan.yaml").read_text(encoding="utf-8") == FORMATTED
    assert "reformatted plans/plan.yaml" in result.stderr
    assert "1 file reformatted, 1 unchanged" in result.stderr
    again = run_cli("fmt")
    assert "0 files reformatted, 2 unchanged" in again.stderr


def test_check_lists_the_files_that_would_change(project: Path) -> None:
    result = run_cli("fmt", "--check")
    assert result.exit_code == 1
    assert "plans/plan.yaml:2:1  error  TP604  plan file is not in canonical form" in result.stdout
    assert "done.yaml" not in result.stdout
    assert (project / "plans" / "plan.yaml").read_text(encoding="utf-8").startswith("# The plan.")
    assert "version: 1.0.0   # bump me\nplan" in (project / "plans" / "plan.yaml").read_text()
    as_json = json.loads(run_cli("fmt", "--check", "--format", "json").stdout)
    assert [d["file"] for d in as_json["diagnostics"]] == ["plans/plan.yaml"]
    assert as_json["summary"]["would_change"] == 1
    run_cli("fmt")
    assert run_cli("fmt", "--check").exit_code == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(project: Path) -> None:
    before = (project / "plans" / "plan.yaml").read_text(encoding="utf-8")
    result = run_cli("fmt", "--diff")
    assert result.exit_code == 0
    assert result.stdout.startswith("--- a/plans/plan.yaml\n+++ b/plans/plan.yaml\n@@")
    assert "-plan: Shop\n" in result.stdout
    assert "+plan: Shop\n" in result.stdout
    assert (project / "plans" / "plan.yaml").read_text(encoding="utf-8") == before
    checked = run_cli("fmt", "--diff", "--check")
    assert checked.exit_code == 1
    assert checked.stdout == result.stdout


def test_a_plan_that_does_not_load_is_never_rewritten(project: Path) -> None:
    broken = UNFORMATTED.replace("type: number", "type: nmber")
    write(project / "plans" / "plan.yaml", broken)
    result = run_cli("fmt")
    assert result.exit_code == 2
    assert "TP103 unknown type 'nmber'" in result.stderr
    assert "nothing was written" in result.stderr
    assert (project / "plans" / "plan.yaml").read_text(encoding="utf-8").lstrip() == broken.lstrip()
    write(project / "plans" / "plan.yaml", "events: [\n")
    result = run_cli("fmt", "--check")
    assert result.exit_code == 2
    assert "plans/plan.yaml:2:1" in result.stderr
    assert "Traceback" not in result.stderr


def test_writes_keep_permissions_and_leave_no_temporary_files(project: Path) -> None:
    target = project / "plans" / "plan.yaml"
    target.chmod(0o640)
    assert run_cli("fmt").exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["events", "plan.yaml"]


def test_a_symbolic_link_stays_a_link(project: Path) -> None:
    real = project / "shared" / "done.yaml"
    write(real, "events:\n    Cart Viewed: {}\n")
    link = project / "plans" / "events" / "done.yaml"
    link.unlink()
    link.symlink_to(real)
    assert run_cli("fmt").exit_code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "events:\n  Cart Viewed: {}\n"


def test_sort_orders_events_by_name(project: Path) -> None:
    write(project / "plans" / "events" / "done.yaml", "events:\n  Z Done: {}\n  A Done: {}\n")
    assert run_cli("fmt", "--sort").exit_code == 0
    text = (project / "plans" / "events" / "done.yaml").read_text(encoding="utf-8")
    assert text == "events:\n  A Done: {}\n  Z Done: {}\n"


def test_a_plan_file_argument_and_the_config(project: Path) -> None:
    write(project / "trackplan.toml", 'plan = "plans/events"\n')
    write(project / "plans" / "events" / "done.yaml", "events:\n    Cart Viewed: {}\n")
    assert run_cli("fmt", "--check").exit_code == 1  # the configured plan: plans/events
    assert run_cli("fmt", "plans/events/done.yaml").exit_code == 0
    assert run_cli("fmt", "--check").exit_code == 0


def test_help_has_an_example() -> None:
    result = run_cli("fmt", "--help")
    assert result.exit_code == 0
    assert "Example: trackplan fmt" in result.stdout


@pytest.mark.parametrize("plan", ["plans", "src/trackplan/data/starter_plan.yaml"])
def test_the_shipped_plans_format_to_the_same_plan(plan: str, tmp_path: Path) -> None:
    source = REPO / plan
    copy = tmp_path / source.name
    if source.is_dir():
        shutil.copytree(source, copy)
    else:
        shutil.copy(source, copy)
    before = load_plan(copy, tmp_path).plan
    files = format_plan(copy, cwd=tmp_path)
    for file in files:
        file.path.write_text(file.after, encoding="utf-8")
    assert replace(load_plan(copy, tmp_path).plan, locations={}) == replace(before, locations={})
    assert all(not f.changed for f in format_plan(copy, cwd=tmp_path))
