"""Helpers every stage shares for files: paths as diagnostics show them, decoding, atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from trackplan.diagnostics import TrackplanError


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path as diagnostics show it: relative to the working directory when inside it, `/` separators."""
    base = cwd or Path.cwd()
    try:
        rel = os.path.relpath(path.resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        return path.as_posix()
    if rel.startswith(".."):
        return path.resolve().as_posix() if path.is_absolute() else path.as_posix()
    return Path(rel).as_posix()


def decode_text(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise TrackplanError(
            f"{shown}:{line}:{column}: the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x});"
            " save it as UTF-8"
        ) from exc


def write_atomic(target: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename it over the target.

    The target's permissions are kept when it exists.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = target.stat().st_mode & 0o7777 if target.exists() else None
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            if mode is not None:
                os.chmod(tmp, mode)
            else:
                os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise TrackplanError(f"{target.as_posix()}: cannot write ({exc.strerror or exc})") from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
