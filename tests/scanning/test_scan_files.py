"""Which files `scan` reads: .gitignore (with git and without), vendored folders, excludes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tests.scanning.conftest import Project, called_files, found

from trackplan.scanning.files import walk_files

CALL = 'analytics.track("Order Completed", { order_id: "o-1" });\n'


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_git_repository_skips_ignored_files_and_reads_untracked_ones(project: Project) -> None:
    project.write(".gitignore", "ignored.js\nscratch/\n")
    for name in ("app/tracked.js", "app/untracked.ts", "ignored.js", "scratch/tmp.js"):
        project.write(name, CALL)
    project.write("app/forced.js", CALL)
    project.write(".gitignore", "ignored.js\nscratch/\napp/forced.js\n")
    git(project.root, "init", "-q")
    git(project.root, "add", ".gitignore", "app/tracked.js")
    git(project.root, "add", "-f", "app/forced.js")  # tracked although ignored: git lists it
    git(project.root, "commit", "-q", "-m", "start")
    _, document = project.scan_json("plans", ".")
    assert called_files(document) == ["app/forced.js", "app/tracked.js", "app/untracked.ts"]
    assert document["summary"]["files"] == 3


def test_without_git_every_gitignore_applies_nested_and_negated(project: Project) -> None:
    project.write(".gitignore", "*.gen.js\nlogs/\n")
    project.write("web/.gitignore", "local/\n!keep.gen.js\n")
    for name in (
        "web/app.js",
        "web/app.gen.js",
        "web/keep.gen.js",
        "web/local/me.js",
        "logs/x.js",
        "other/app.gen.js",
    ):
        project.write(name, CALL)
    assert list(walk_files(project.root)) == ["web/app.js", "web/keep.gen.js"]
    _, document = project.scan_json("plans", ".")
    assert called_files(document) == ["web/app.js", "web/keep.gen.js"]


@pytest.mark.parametrize("use_git", [False, True])
def test_vendored_generated_and_minified_files_are_skipped(project: Project, use_git: bool) -> None:
    for name in (
        "src/app.js",
        "node_modules/lib/index.js",
        "src/vendor/sdk.js",
        "dist/bundle.js",
        "packages/ui/build/out.js",
        "src/__generated__/api.ts",
        "src/types.d.ts",
        "public/analytics.min.js",
        ".venv/lib/site.py",
    ):
        project.write(name, CALL)
    if use_git:
        git(project.root, "init", "-q")
    _, document = project.scan_json("plans", ".")
    assert called_files(document) == ["src/app.js"]


def test_a_named_file_is_read_even_inside_a_skipped_folder(project: Project) -> None:
    project.write("node_modules/lib/track.js", 'analytics.track("Nope Happened");\n')
    _, document = project.scan_json("plans", "node_modules/lib/track.js")
    assert found(document)[0] == ("node_modules/lib/track.js", 1, "TP401")


def test_exclude_patterns_from_the_config_and_the_command_line(project: Project) -> None:
    project.write(
        "trackplan.toml",
        '[tool.trackplan]\nsources = ["src"]\n[tool.trackplan.scan]\nexclude = ["legacy/"]\n',
    )
    for name in ("src/app.js", "src/legacy/old.js", "src/app.test.js", "src/deep/legacy/x.js"):
        project.write(name, CALL)
    _, document = project.scan_json()
    assert called_files(document) == ["src/app.js", "src/app.test.js"]
    _, document = project.scan_json("--exclude", "*.test.js")
    assert called_files(document) == ["src/app.js"]


def test_sources_default_to_the_config_then_the_project_folder(project: Project) -> None:
    project.write("web/a.js", CALL)
    project.write("api/b.py", 'analytics.track("u", "Order Completed", {"order_id": "1"})\n')
    _, document = project.scan_json()
    assert called_files(document) == ["api/b.py", "web/a.js"]
    project.write("trackplan.toml", '[tool.trackplan]\nsources = ["web"]\n')
    _, document = project.scan_json()
    assert called_files(document) == ["web/a.js"]


def test_overlapping_sources_are_read_once(project: Project) -> None:
    project.write("src/a.js", CALL)
    _, document = project.scan_json("plans", "src", "src/a.js", ".")
    assert document["summary"]["files"] == 1
    assert len(document["summary"]["calls"]) == 1
