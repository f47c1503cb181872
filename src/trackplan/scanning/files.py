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

Imported modules (`ModuleCache`): the file an import names, found one hop and never
guessed. An event name imported from a constants module (`import { EVENTS } from
'./events'`, `from .events import ORDER_COMPLETED`) is resolved by reading that module
lazily: only when a call's argument needs it, and each module once per process and scan
(the main process and every worker keep their own `ModuleCache`, so no parsed tree crosses
a process boundary and the result depends on the files alone, never on which worker saw
them first).

Only certain imports resolve:

- JavaScript/TypeScript: a relative specifier (`./x`, `../x`) naming exactly one file, as
  written or with one of `.ts .tsx .js .jsx .mjs .cjs .mts .cts` appended, or a folder's
  `index.*`; `./x.js` may name `x.ts` (TypeScript's rule). Two candidates (`x.ts` and
  `x.js`) are ambiguous: unresolved.
- Python: `from .x import N` relative to the importing file's folder, or `from a.b import N`
  found below the scan roots or beside the importing file's top-level package; a module that
  exists as both `b.py` and `b/__init__.py`, or below two roots as different files, is
  ambiguous: unresolved.

Bare package names (`'some-npm-pkg'`, `requests`) are never read.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


JS_EXTENSIONS = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
_TS_FOR_JS = {".js": (".ts", ".tsx"), ".mjs": (".mts",), ".cjs": (".cts",), ".jsx": (".tsx",)}
# A constants module larger than this is not read (it is not a constants module).
MAX_MODULE_BYTES = 2 * 1024 * 1024


class ModuleCache:
    """Imported modules, each read and parsed at most once; `roots` are the scan's folders."""

    def __init__(self, roots: Sequence[str] = ()) -> None:
        self.roots = tuple(dict.fromkeys(os.path.abspath(root) for root in roots))
        self._loaded: dict[tuple[str, str], Any] = {}

    def load(self, kind: str, path: str, loader: Callable[[str, bytes], Any]) -> Any:
        """`loader(path, bytes)` for `path`, cached; None when the file cannot be read."""
        key = (kind, path)
        if key not in self._loaded:
            data = read_module(path)
            self._loaded[key] = None if data is None else loader(path, data)
        return self._loaded[key]

    def find_javascript(self, importer: str, specifier: str) -> str | None:
        """The one file a relative JavaScript/TypeScript import names, or None."""
        if not specifier.startswith(("./", "../")) and specifier not in (".", ".."):
            return None
        base = os.path.normpath(os.path.join(os.path.dirname(importer), specifier))
        candidates = [base + extension for extension in JS_EXTENSIONS]
        stem, extension = os.path.splitext(base)
        if extension in JS_EXTENSIONS:
            candidates.insert(0, base)
            candidates += [stem + other for other in _TS_FOR_JS.get(extension, ())]
        candidates += [os.path.join(base, "index" + extension) for extension in JS_EXTENSIONS]
        return _only(candidates)

    def find_python(self, importer: str, module: str | None, level: int) -> str | None:
        """The one file `from <level dots><module> import ...` names, or None."""
        parts = module.split(".") if module else []
        if level > 0:
            if not parts:
                return None  # `from . import events` imports a module, not a constant
            base = os.path.dirname(importer)
            for _ in range(level - 1):
                base = os.path.dirname(base)
            return _python_module(base, parts)
        if not parts:
            return None
        found = {
            path
            for root in (*self.roots, _package_root(importer))
            if (path := _python_module(root, parts)) is not None
        }
        return found.pop() if len(found) == 1 else None


def read_module(path: str) -> bytes | None:
    """A module's bytes, or None when it is missing, unreadable or too large."""
    try:
        if os.path.getsize(path) > MAX_MODULE_BYTES:
            return None
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _only(candidates: Sequence[str]) -> str | None:
    found = {os.path.realpath(path) for path in candidates if os.path.isfile(path)}
    return found.pop() if len(found) == 1 else None


def _python_module(base: str, parts: Sequence[str]) -> str | None:
    target = os.path.join(base, *parts)
    return _only([target + ".py", os.path.join(target, "__init__.py")])


def _package_root(importer: str) -> str:
    """The folder holding the importing file's top-level package (the file's folder at least)."""
    folder = os.path.dirname(importer)
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder
