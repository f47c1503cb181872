"""Which source files `scan` reads: `.gitignore` respected, vendored and generated folders skipped.

A folder inside a git work tree is listed with `git ls-files --cached --others
--exclude-standard` (tracked files plus untracked ones that no ignore rule covers, so
`.git/info/exclude` and the global excludes count too). Elsewhere, or where git is missing,
the folder is walked and every `.gitignore` on the way is applied with `pathspec`, nested
files and `!` negations included.

Always skipped below a given folder: dependency, build and cache folders (`node_modules`,
`vendor`, `dist`, `build`, `.next`, `coverage`, `__pycache__`, `.venv`, ...), type
declarations (`*.d.ts`) and minified bundles (`*.min.js`). `scan.exclude` (and
`--exclude`) add gitignore-style patterns, matched against the path relative to the config
file's folder (the working directory without one). A file named on the command line is
always read: exclusions apply to what folders hold.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from trackplan.diagnostics import TrackplanError
from trackplan.scanning.languages import EXTENSIONS, Language, language_of

SKIPPED_FOLDERS = frozenset(
    {
        # dependencies
        "node_modules",
        "bower_components",
        "jspm_packages",
        "vendor",
        "vendors",
        "third_party",
        "third-party",
        "site-packages",
        ".venv",
        "venv",
        ".yarn",
        ".pnpm-store",
        # build output and generated code
        "dist",
        "build",
        "out",
        ".next",
        ".nuxt",
        ".svelte-kit",
        ".output",
        ".expo",
        ".turbo",
        "storybook-static",
        "coverage",
        "__generated__",
        "generated",
        # tool caches and version control
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".cache",
        ".parcel-cache",
        ".git",
        ".hg",
        ".svn",
    }
)
_GIT_TIMEOUT = 60


@dataclass(frozen=True, order=True)
class SourceFile:
    """A file to scan: its path as diagnostics show it, its absolute path and its grammar."""

    shown: str
    path: str
    language: Language


def find_sources(
    paths: Sequence[Path], exclude: Sequence[str] = (), root: Path | None = None
) -> list[SourceFile]:
    """Every source file under `paths`, sorted by shown path, each once.

    A path that does not exist, or a named file of a kind `scan` does not read, stops the run.
    """
    cwd = Path.cwd().resolve()
    base = (root or cwd).resolve()
    excluded = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
    found: dict[str, SourceFile] = {}
    for given in paths:
        if not given.exists():
            raise TrackplanError(f"{given.as_posix()}: no such file or folder to scan")
        if given.is_file():
            language = language_of(given)
            if language is None:
                known = ", ".join(sorted(EXTENSIONS))
                raise TrackplanError(
                    f"{given.as_posix()}: not a source file scan reads (it reads {known};"
                    " not *.d.ts or *.min.js)"
                )
            named = given.resolve()
            found.setdefault(str(named), SourceFile(display(named, cwd), str(named), language))
            continue
        folder = given.resolve()
        # Paths are joined as text: 100,000 Path objects would cost more than the listing.
        shown_prefix = _prefix(display(folder, cwd))
        real_prefix = _prefix(str(folder))
        exclude_prefix = _prefix(
            folder.relative_to(base).as_posix() if folder.is_relative_to(base) else ""
        )
        for relative in list_folder(folder):
            language = language_of(relative)
            if language is None or _in_skipped_folder(relative):
                continue
            if excluded is not None and excluded.match_file(exclude_prefix + relative):
                continue
            real = real_prefix + relative
            if real not in found:
                found[real] = SourceFile(shown_prefix + relative, real, language)
    return sorted(found.values())


def list_folder(folder: Path) -> list[str]:
    """Relative `/` paths of the files in `folder` that no ignore rule covers."""
    listed = git_files(folder)
    return listed if listed is not None else list(walk_files(folder))


def git_files(folder: Path) -> list[str] | None:
    """The files git would add in `folder`, or None when it is not a work tree (or no git)."""
    try:
        done = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--",
                ".",
            ],
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    # Tracked files deleted from the work tree are still in the index: keep what exists
    # only at read time (a missing file is skipped there, quietly).
    return sorted(dict.fromkeys(name for name in names if name))


def walk_files(folder: Path) -> Iterator[str]:
    """Files under `folder`, honouring every `.gitignore` met on the way (no git needed)."""
    specs: list[tuple[str, pathspec.GitIgnoreSpec]] = []

    def ignored(relative: str, is_dir: bool) -> bool:
        verdict = None
        probe = relative + "/" if is_dir else relative
        for prefix, spec in specs:
            if prefix and not probe.startswith(prefix):
                continue
            result = spec.check_file(probe[len(prefix) :])
            if result.include is not None:
                verdict = result.include
        return bool(verdict)

    for current, dirs, files in os.walk(folder):
        here = Path(current)
        relative_dir = "" if here == folder else here.relative_to(folder).as_posix() + "/"
        # Specs of folders we have left no longer apply.
        specs[:] = [(p, s) for p, s in specs if relative_dir.startswith(p)]
        if ".gitignore" in files:
            spec = _read_gitignore(here / ".gitignore")
            if spec is not None:
                specs.append((relative_dir, spec))
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED_FOLDERS and not ignored(relative_dir + d, is_dir=True)
        )
        for name in sorted(files):
            if language_of(name) is None:
                continue
            relative = relative_dir + name
            if not ignored(relative, is_dir=False):
                yield relative


def display(path: Path, cwd: Path) -> str:
    """The path as diagnostics show it: relative to the working directory when inside it."""
    if path.is_relative_to(cwd):
        return path.relative_to(cwd).as_posix()
    return path.as_posix()


def _read_gitignore(path: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _in_skipped_folder(relative: str) -> bool:
    parts = relative.split("/")[:-1]
    return any(part in SKIPPED_FOLDERS for part in parts)


def _prefix(folder: str) -> str:
    """`folder` as a prefix to join a relative path to ("" for the current folder)."""
    if folder in ("", "."):
        return ""
    return folder if folder.endswith("/") else folder + "/"
