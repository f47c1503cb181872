"""The GitHub Action, the workflows and the pre-commit hooks: valid, and run for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tests.conftest import REPO, write

ACTION = REPO / ".github" / "actions" / "trackplan" / "action.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"


def _check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_action_validates_against_the_github_actions_schema() -> None:
    result = _check_jsonschema("vendor.github-actions", ACTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_validate_against_the_github_workflows_schema() -> None:
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = _check_jsonschema("vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_action_documents_every_input_and_runs_check_with_sarif() -> None:
    action = yaml.safe_load(ACTION.read_text())
    assert action["runs"]["using"] == "composite"
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
    steps = action["runs"]["steps"]
    run_text = "\n".join(step.get("run", "") for step in steps)
    assert "trackplan check" in run_text and "--sarif-file" in run_text
    assert any(
        step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps
    )


def test_pre_commit_hooks_name_real_commands() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text())}
    assert set(hooks) == {"trackplan-lint", "trackplan-fmt", "trackplan-scan"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["entry"].startswith("trackplan ")


GOOD_PLAN = """\
plan: Shop
version: 1.0.0
events:
  Order Completed:
    description: An order was paid.
    properties:
      revenue: {type: number, required: true, description: Amount.}
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hooks_run_for_real_with_try_repo(tmp_path: Path) -> None:
    """pre-commit installs this repository as the hooks' environment and runs all three."""
    pytest.importorskip("pre_commit")
    project = tmp_path / "project"
    write(project / "pyproject.toml", '[tool.trackplan]\nplan = "plans"\nsources = ["web"]\n')
    write(project / "plans" / "plan.yaml", GOOD_PLAN)
    write(project / "web" / "app.js", "analytics.track('Order Completed', { revenue: 3 });\n")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("VIRTUAL_ENV", None)

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(REPO),
                "--all-files",
                "--color",
                "never",
            ],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    clean = try_repo()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    for hook in ("trackplan lint", "trackplan fmt", "trackplan scan"):
        assert hook in clean.stdout

    write(project / "plans" / "plan.yaml", GOOD_PLAN.replace("Order Completed", "order_completed"))
    _git(project, "add", "-A")
    broken = try_repo()
    assert broken.returncode == 1
    assert "TP201" in broken.stdout and "TP401" in broken.stdout


def _run_step(step: dict, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:  # type: ignore[type-arg]
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_action_check_step_runs_for_real_and_sets_its_outputs(tmp_path: Path) -> None:
    """The action's own shell step, run as GitHub would: annotations, SARIF, exit code output."""
    action = yaml.safe_load(ACTION.read_text())
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    write(tmp_path / "plans" / "plan.yaml", GOOD_PLAN.replace("Order Completed", "order_completed"))
    outputs = tmp_path / "github-output"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(outputs),
        "TRACKPLAN_ARGS": "--fail-on error",
        "TRACKPLAN_SARIF": "trackplan.sarif",
        "TRACKPLAN_ANNOTATIONS": "true",
    }
    result = _run_step(step, tmp_path, env)
    assert result.returncode == 0, result.stderr  # the step records the code, a later step fails
    assert "::error file=plans/plan.yaml" in result.stdout and "TP201" in result.stdout
    recorded = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    assert recorded == {
        "exit-code": "1",
        "sarif-file": "trackplan.sarif",
        "sarif-written": "true",
    }
    assert (tmp_path / "trackplan.sarif").is_file()
