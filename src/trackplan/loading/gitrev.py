"""Reading a plan path as it is at a git revision, through `git ls-tree` and `git cat-file`.

Nothing is checked out and the working tree is never touched. Paths are resolved against the
repository root (`git rev-parse --show-toplevel`), so `plans/` means the same folder from any
sub-folder. Symbolic links and submodules inside the plan path are skipped, as a checkout
would need them to be resolved first. Every failure (git missing, not a repository, unknown
revision, no plan at that path) is a TrackplanError naming the revision.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from trackplan.diagnostics import TrackplanError
from trackplan.files import decode_text, display_path
from trackplan.loading.source import PLAN_SUFFIXES

_BLOB_MODES = ("100644", "100755")


@dataclass(frozen=True)
class RevisionFile:
    """One plan file at a revision: its display path (as the working tree would show it) and text."""

    path: str
    text: str


def resolve_commit(name: str, cwd: Path) -> str:
    """The full commit id `name` points at; a clear error when it is not a revision."""
    if name.startswith("-"):
        raise TrackplanError(f"{name!r} is not a git revision")
    root = repository_root(cwd)
    result = _run_git(["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], root)
    if result.returncode != 0:
        raise TrackplanError(
            f"{name!r} is neither a file or folder nor a revision of the git repository at"
            f" {root.as_posix()}"
        )
    return result.stdout.decode("ascii").strip()


def repository_root(cwd: Path) -> Path:
    """The top folder of the git working tree around `cwd`."""
    result = _run_git(["rev-parse", "--show-toplevel"], cwd)
    if result.returncode != 0:
        raise TrackplanError(
            f"{cwd.as_posix()}: not inside a git repository, so git revisions cannot be read"
        )
    return Path(os.fsdecode(result.stdout).strip())


def read_plan_files(revision: str, plan: Path, cwd: Path | None = None) -> list[RevisionFile]:
    """The plan's YAML files as they are at `revision`, in the order `load_plan` reads them.

    `plan` is the plan file or folder in the working tree (absolute or relative to `cwd`); its
    path inside the repository is looked up at `revision`.
    """
    here = (cwd or Path.cwd()).resolve()
    try:
        root = repository_root(here).resolve()
    except TrackplanError as exc:
        raise TrackplanError(f"{revision!r} is not a file or folder; {exc}") from None
    commit = resolve_commit(revision, here)
    target = (here / plan).resolve() if not plan.is_absolute() else plan.resolve()
    try:
        inside = target.relative_to(root).as_posix()
    except ValueError:
        raise TrackplanError(
            f"{display_path(target, here)}: the plan path is outside the git repository at"
            f" {root.as_posix()}"
        ) from None
    entries = _list_blobs(commit, inside, root)
    files = sorted(
        (path for path in entries if PurePosixPath(path).suffix.lower() in PLAN_SUFFIXES),
        key=PurePosixPath,
    )
    if not files:
        shown = display_path(target, here)
        raise TrackplanError(
            f"{shown}: no plan at revision {revision!r} (no *.yaml or *.yml files at that path)"
        )
    texts = _read_blobs([entries[path] for path in files], root, revision)
    return [
        RevisionFile(display_path(root / path, here), _decode(text, revision, path))
        for path, text in zip(files, texts, strict=True)
    ]


def _list_blobs(commit: str, inside: str, root: Path) -> dict[str, str]:
    """Repository path → blob id of the regular files at `inside` (a file or folder)."""
    args = ["ls-tree", "-r", "-z", "--full-tree", commit]
    if inside not in ("", "."):
        args += ["--", inside]
    result = _run_git(args, root)
    if result.returncode != 0:
        raise TrackplanError(f"git ls-tree failed: {_message(result)}")
    blobs = {}
    for record in result.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split()
        if kind == "blob" and mode in _BLOB_MODES:
            blobs[os.fsdecode(raw_path)] = sha
    return blobs


def _read_blobs(shas: Sequence[str], root: Path, revision: str) -> list[bytes]:
    """The contents of blobs, read with one `git cat-file --batch`."""
    request = "".join(f"{sha}\n" for sha in shas).encode("ascii")
    result = _run_git(["cat-file", "--batch"], root, stdin=request)
    if result.returncode != 0:
        raise TrackplanError(f"cannot read revision {revision!r}: {_message(result)}")
    out, position, contents = result.stdout, 0, []
    for _ in shas:
        header_end = out.index(b"\n", position)
        header = out[position:header_end].decode("ascii").split()
        if len(header) != 3:
            raise TrackplanError(f"cannot read revision {revision!r}: {' '.join(header)}")
        size = int(header[2])
        start = header_end + 1
        contents.append(out[start : start + size])
        position = start + size + 1  # the blob is followed by a newline
    return contents


def _decode(raw: bytes, revision: str, path: str) -> str:
    try:
        return decode_text(raw, f"{revision}:{path}")
    except TrackplanError as exc:
        raise TrackplanError(f"{exc} (at revision {revision!r})") from None


def _run_git(
    args: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False, env=env
        )
    except FileNotFoundError:
        raise TrackplanError(
            "git is not installed (or not on PATH), so git revisions cannot be read"
        ) from None
    except OSError as exc:
        raise TrackplanError(f"cannot run git: {exc.strerror or exc}") from None


def _message(result: subprocess.CompletedProcess[bytes]) -> str:
    text = result.stderr.decode("utf-8", "replace").strip()
    return " ".join(text.split()) or f"exit code {result.returncode}"
