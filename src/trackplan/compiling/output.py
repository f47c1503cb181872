"""Writing compiled schemas to a folder atomically, and checking a folder for stale files (TP6xx)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity, TrackplanError
from trackplan.files import write_atomic

STALE = codes.STALE_SCHEMA
MISSING = codes.MISSING_SCHEMA
EXTRA = codes.EXTRA_SCHEMA


def existing_schema_files(out: Path) -> set[str]:
    """The `*.json` files under `out`, relative with `/` separators: what `compile` manages."""
    if not out.is_dir():
        return set()
    return {p.relative_to(out).as_posix() for p in out.rglob("*.json") if p.is_file()}


def write_schema_files(files: Mapping[str, str], out: Path) -> tuple[list[str], list[str]]:
    """Write every file that changed and remove `*.json` files no longer planned.

    Returns (written, removed). Unchanged files are not touched, so timestamps stay put.
    """
    if out.exists() and not out.is_dir():
        raise TrackplanError(f"{out.as_posix()}: exists and is not a folder")
    written, removed = [], []
    for rel, text in sorted(files.items()):
        target = out / rel
        if target.is_file() and _read(target) == text:
            continue
        write_atomic(target, text)
        written.append(rel)
    for rel in sorted(existing_schema_files(out) - set(files)):
        try:
            (out / rel).unlink()
        except OSError as exc:
            raise TrackplanError(
                f"{(out / rel).as_posix()}: cannot remove ({exc.strerror})"
            ) from exc
        removed.append(rel)
    return written, removed


def check_schema_files(files: Mapping[str, str], out: Path, shown: str) -> list[Diagnostic]:
    """One diagnostic per stale, missing or extra file in `out` (shown as `shown`)."""
    found = []
    hint = "run `trackplan compile` and commit the result"
    for rel in sorted(files):
        target = out / rel
        if not target.is_file():
            found.append(_diag(f"{shown}/{rel}", MISSING, "compiled schema is missing", hint))
        elif _read(target) != files[rel]:
            found.append(_diag(f"{shown}/{rel}", STALE, "compiled schema is out of date", hint))
    for rel in sorted(existing_schema_files(out) - set(files)):
        found.append(
            _diag(f"{shown}/{rel}", EXTRA, "file is not produced by the plan (left over?)", hint)
        )
    return found


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _diag(file: str, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(file=file, code=code, severity=Severity.ERROR, message=message, hint=hint)
