"""`--passed` and `--failed`: the conforming and the violating messages, as NDJSON.

A conforming log line is written unchanged. A violating one is written with its findings under
the key `_trackplan`, added as the object's last key by editing the text, so every byte the
sender wrote is kept (and a `_trackplan` key of the sender's own loses, as later keys win).
A line that is not a JSON object (not JSON, not UTF-8, an array, an overlong line) is written
as `{"_trackplan": {..., "raw": "<the line>"}}` (`raw_base64` when it is not UTF-8; the first
KiB and the size for overlong lines). Every message lands in exactly one of the two files.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from trackplan.diagnostics import Diagnostic
from trackplan.validation.inputs import Overlong

ANNOTATION_KEY = "_trackplan"


@dataclass
class Split:
    """The two output streams (either may be absent)."""

    passed: BinaryIO | None = None
    failed: BinaryIO | None = None

    @property
    def active(self) -> bool:
        return self.passed is not None or self.failed is not None

    def write_passed(self, line: bytes) -> None:
        """A log line as it was read (the last line of a file gets the newline it lacked)."""
        if self.passed is not None:
            self.passed.write(line if line[-1:] == b"\n" else line + b"\n")

    def write_passed_message(self, message: Any) -> None:
        if self.passed is not None:
            self.passed.write(_dump(message) + b"\n")

    def write_failed(
        self, raw: bytes | Overlong | None, message: Any, findings: Sequence[Diagnostic]
    ) -> None:
        """One violating message: the raw line when there is one, else the parsed message."""
        if self.failed is None:
            return
        annotation = _annotation(findings)
        if isinstance(raw, Overlong):
            note = {
                **annotation,
                "raw_head": raw.head.decode("utf-8", "replace"),
                "raw_bytes": raw.size,
            }
            self.failed.write(_dump({ANNOTATION_KEY: note}) + b"\n")
            return
        if raw is not None:
            self.failed.write(annotate_line(raw, annotation, isinstance(message, dict)) + b"\n")
            return
        record = (
            {**message, ANNOTATION_KEY: annotation}
            if isinstance(message, dict)
            else {ANNOTATION_KEY: {**annotation, "raw": message}}
        )
        self.failed.write(_dump(record) + b"\n")


def annotate_line(raw: bytes, annotation: dict[str, Any], is_object: bool) -> bytes:
    """`raw` with `"_trackplan": annotation` spliced in as its last key, or wrapped."""
    text = raw.strip()
    key = json.dumps(ANNOTATION_KEY).encode()
    if is_object and text.startswith(b"{") and text.endswith(b"}"):
        inner = text[:-1].rstrip()
        comma = b"" if inner == b"{" else b","
        return inner + comma + key + b":" + _dump(annotation) + b"}"
    line = raw.rstrip(b"\r\n")
    try:
        note = {**annotation, "raw": line.decode("utf-8")}
    except UnicodeDecodeError:
        note = {**annotation, "raw_base64": base64.b64encode(line).decode("ascii")}
    return _dump({ANNOTATION_KEY: note})


def _annotation(findings: Sequence[Diagnostic]) -> dict[str, Any]:
    source = next((d.file for d in findings if d.file), "")
    return {
        "file": source,
        "findings": [
            {"code": d.code, "severity": d.severity.value, "message": d.message, "path": d.path}
            for d in findings
        ],
    }


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode()
