"""`trackplan diff` with git revisions, read from a real repository made in the test."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from tests.conftest import run_cli, write

V1 = """
plan: Shop
version: 1.0.0
events:
  Order Completed:
    properties:
      order_id: {type: string, required: true}
      coupon: {type: string}
  Signup Started:
    description: Old signup.
"""
V2 = """
plan: Shop
version: 2.0.0
events:
  Order Completed:
    properties:
      order_id: {type: string, required: true}
      coupon: {type: string, max_length: 20}
"""
WORKING = """
plan: Shop
version: 2.1.0
events:
  Order Completed:
    properties:
      order_id: {type: string, required: true}
      coupon: {type: string, max_length: 20}
      currency: {type: string}
"""


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository: v1 (tagged), then v2 committed, then a working-tree change."""
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path / "trackplan.toml", 'plan = "plans"\n')
    write(tmp_path / "plans" / "shop.yaml", V1)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "v1")
    git(tmp_path, "tag", "v1")
    write(tmp_path / "plans" / "shop.yaml", V2)
    git(tmp_path, "commit", "-q", "-am", "v2")
    write(tmp_path / "plans" / "shop.yaml", WORKING)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(stdout: str) -> list[str]:
    return sorted(d["code"] for d in json.loads(stdout)["diagnostics"])


def test_revision_against_the_working_tree(repo: Path) -> None:
    result = run_cli("diff", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert codes(result.stdout) == ["TP550"]
    assert document["summary"]["old"] == "HEAD"
    assert document["summary"]["new"] == "plans/"
    assert document["summary"]["bump"] == "minor"
    assert document["diagnostics"][0]["file"] == "plans/shop.yaml"


def test_two_revisions(repo: Path) -> None:
    result = run_cli("diff", "v1", "HEAD", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert codes(result.stdout) == ["TP501", "TP506"]
    summary = json.loads(result.stdout)["summary"]
    assert (summary["old_version"], summary["new_version"], summary["bump"]) == (
        "1.0.0",
        "2.0.0",
        "major",
    )


def test_revision_expressions_and_ids(repo: Path) -> None:
    commit = git(repo, "rev-parse", "HEAD~1").strip()
    by_id = run_cli("diff", commit, "main", "--format", "json")
    by_expression = run_cli("diff", "HEAD~1", "main", "--format", "json")
    assert codes(by_id.stdout) == codes(by_expression.stdout) == ["TP501", "TP506"]


def test_the_plan_path_is_found_from_a_subfolder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "src" / "app").mkdir(parents=True)
    monkeypatch.chdir(repo / "src" / "app")
    result = run_cli("diff", "v1", "--format", "json")
    assert result.exit_code == 1, result.stderr
    files = {d["file"] for d in json.loads(result.stdout)["diagnostics"]}
    # Outside the working directory, paths are shown in full (yamlsource.display_path).
    assert files == {(repo / "plans" / "shop.yaml").resolve().as_posix()}


def test_a_removal_points_at_a_line_that_exists_and_says_where_it_was(repo: Path) -> None:
    result = run_cli("diff", "v1", "HEAD", "--format", "json")
    removed = next(d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "TP501")
    assert (removed["file"], removed["line"]) == ("plans/shop.yaml", 3)  # `events:` in NEW
    assert "(it was at v1:plans/shop.yaml:8)" in removed["message"]


def test_a_path_wins_over_a_revision_of_the_same_name(repo: Path) -> None:
    write(repo / "main", V1.replace("Shop", "Other shop"))
    result = run_cli("diff", "main", "--format", "json")
    summary = json.loads(result.stdout)["summary"]
    assert summary["old"] == "main"
    assert "TP553" in codes(result.stdout)  # the plan name differs: it read the file
    result = run_cli("diff", "main^0", "--format", "json")
    assert "TP553" not in codes(result.stdout)


def test_unknown_revision(repo: Path) -> None:
    result = run_cli("diff", "mian")
    assert result.exit_code == 2
    assert "'mian' is neither a file or folder nor a revision" in result.stderr
    assert "Traceback" not in result.stderr


def test_not_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "plans" / "shop.yaml", V1)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run_cli("diff", "main")
    assert result.exit_code == 2
    assert "'main' is not a file or folder" in result.stderr
    assert "not inside a git repository" in result.stderr


def test_git_missing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-such-bin"))
    result = run_cli("diff", "HEAD")
    assert result.exit_code == 2
    assert "git is not installed" in result.stderr


def test_no_plan_at_the_revision(repo: Path) -> None:
    git(repo, "mv", "plans", "tracking")
    git(repo, "commit", "-q", "-m", "move")
    write(repo / "trackplan.toml", 'plan = "tracking"\n')
    result = run_cli("diff", "v1")
    assert result.exit_code == 2
    assert "tracking: no plan at revision 'v1'" in result.stderr


def test_a_broken_plan_at_the_revision_is_named(repo: Path) -> None:
    write(repo / "plans" / "shop.yaml", "events:\n  A: [\n")
    git(repo, "commit", "-q", "-am", "broken")
    result = run_cli("diff", "HEAD", "v1")
    assert result.exit_code == 2
    assert "plans/shop.yaml" in result.stderr and "'HEAD'" in result.stderr
    write(repo / "plans" / "shop.yaml", "events:\n  A: {bogus: 1}\n")
    git(repo, "commit", "-q", "-am", "unknown key")
    result = run_cli("diff", "HEAD", "v1")
    assert result.exit_code == 2
    assert "TP101" in result.stderr and "at revision 'HEAD'" in result.stderr


def test_files_in_sub_folders_and_symlinks(repo: Path) -> None:
    write(repo / "plans" / "events" / "extra.yaml", "events:\n  Extra Done: {}\n")
    (repo / "plans" / "link.yaml").symlink_to(repo / "plans" / "events" / "extra.yaml")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "more files")
    result = run_cli("diff", "v1", "HEAD", "--format", "json")
    assert result.exit_code == 1, result.stderr
    diagnostics = json.loads(result.stdout)["diagnostics"]
    added = [d for d in diagnostics if d["code"] == "TP550" and not d["path"]]
    assert [(d["event"], d["file"]) for d in added] == [("Extra Done", "plans/events/extra.yaml")]
