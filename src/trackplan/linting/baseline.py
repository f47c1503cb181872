"""Baselines: today's findings recorded in a file, so that only new findings fail the run.

A baseline is JSON: `{"trackplan_baseline": 1, "findings": [{"code", "file", "message"}]}`,
sorted, one entry per finding. Line numbers are left out on purpose, so editing the file
above a finding does not make it new; paths are relative to the baseline's own folder,
so the run's working directory does not matter. A finding is "in the baseline" when an
entry has the same code, file and message; each entry covers one finding, so a third
copy of a finding recorded twice is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trackplan.diagnostics import Diagnostic, TrackplanError
from trackplan.files import decode_text, display_path, write_atomic

FORMAT_KEY = "trackplan_baseline"
FORMAT_VERSION = 1

Key = tuple[str, str, str]  # code, file (relative to the baseline's folder), message


@dataclass(frozen=True)
class Baseline:
    """The findings a baseline file records, counted by key."""

    folder: Path
    entries: Mapping[Key, int] = field(default_factory=dict)

    def filter(self, diagnostics: Iterable[Diagnostic]) -> tuple[list[Diagnostic], int]:
        """The diagnostics not covered by the baseline, and how many were."""
        remaining = Counter(self.entries)
        new = []
        for diag in sorted(diagnostics):
            key = finding_key(diag, self.folder)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                new.append(diag)
        return new, sum(self.entries.values()) - sum(remaining.values())


def finding_key(diag: Diagnostic, folder: Path) -> Key:
    """What identifies a finding across edits: its code, file and message."""
    return diag.code, _relative(diag.file, folder), diag.message


def render_baseline(diagnostics: Iterable[Diagnostic], folder: Path) -> str:
    """The baseline file's text for these findings: sorted, stable, no line numbers."""
    keys = sorted(finding_key(d, folder) for d in diagnostics)
    findings = [{"code": c, "file": f, "message": m} for c, f, m in keys]
    body = {FORMAT_KEY: FORMAT_VERSION, "findings": findings}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, diagnostics: Iterable[Diagnostic]) -> int:
    """Record the findings in `path` (replacing it); returns how many were recorded."""
    items = list(diagnostics)
    folder = path.resolve().parent
    write_atomic(path, render_baseline(items, folder))  # TrackplanError when it cannot
    return len(items)


def read_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed one stops the run with where and why."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TrackplanError(
            f"{shown}: no such baseline file; create it with"
            f" `trackplan lint --write-baseline {shown}`"
        ) from None
    except OSError as exc:
        raise TrackplanError(f"{shown}: cannot read the baseline ({exc.strerror or exc})") from exc
    text = decode_text(raw, shown)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TrackplanError(f"{shown}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc
    entries = _entries(data, shown)
    return Baseline(path.resolve().parent, Counter(entries))


def _entries(data: Any, shown: str) -> list[Key]:
    expected = f'expected {{"{FORMAT_KEY}": {FORMAT_VERSION}, "findings": [...]}}'
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise TrackplanError(f"{shown}: not a trackplan baseline ({expected})")
    if data.get(FORMAT_KEY) != FORMAT_VERSION:
        raise TrackplanError(
            f"{shown}: unsupported baseline version {data.get(FORMAT_KEY)!r} ({expected})"
        )
    keys = []
    for index, item in enumerate(data["findings"]):
        code, file, message = (
            item.get(k) if isinstance(item, dict) else None for k in ("code", "file", "message")
        )
        if not (isinstance(code, str) and isinstance(file, str) and isinstance(message, str)):
            raise TrackplanError(
                f"{shown}: findings[{index}] needs text `code`, `file` and `message`"
            )
        keys.append((code, file, message))
    return keys


def _relative(file: str, folder: Path) -> str:
    """A diagnostic's file (relative to the working directory) relative to `folder`."""
    if not file:
        return ""
    try:
        return Path(os.path.relpath(Path(file).resolve(), folder)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(file).as_posix()
