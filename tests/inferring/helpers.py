"""Helpers for the `infer` tests: running the command on messages, checking a draft against a log."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator
from typer.testing import CliRunner

from trackplan.cli import app
from trackplan.compiling.schemas import compile_plan
from trackplan.loading.loader import load_plan_texts
from trackplan.model import Plan

try:  # the checker `validate` uses: draft-07's formats plus `uuid`, none skipped
    from trackplan.validation.formats import FORMAT_CHECKER
except ImportError:  # pragma: no cover - before the validation package existed
    FORMAT_CHECKER = Draft7Validator.FORMAT_CHECKER


@dataclass(frozen=True)
class Inferred:
    exit_code: int
    stdout: str
    stderr: str

    def plan(self) -> Plan:
        """The draft, loaded; a draft must always load without a TP1xx finding."""
        result = load_plan_texts([("draft.yaml", self.stdout)])
        assert result.diagnostics == (), result.diagnostics
        return result.plan


def run_infer(*args: str, stdin: bytes | None = None) -> Inferred:
    result = CliRunner().invoke(app, ["infer", *args], input=stdin, catch_exceptions=False)
    return Inferred(result.exit_code, result.stdout, result.stderr)


def write_log(path: Path, messages: Iterable[Any]) -> Path:
    """One JSON value per line; strings are written as they are (for broken lines)."""
    lines = [m if isinstance(m, str) else json.dumps(m) for m in messages]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def track(event: str, properties: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    message: dict[str, Any] = {"type": "track", "event": event, "userId": "u1", **extra}
    if properties is not None:
        message["properties"] = properties
    return message


def validation_errors(plan: Plan, messages: Sequence[dict[str, Any]]) -> list[str]:
    """What draft-07 validation of the compiled plan says about each message (none expected).

    Stands in for `trackplan validate`: the schema for a message is its event's, its named
    page's or screen's, else the generic one of its type.
    """
    schemas = {(c.kind.value, c.name): c.schema for c in compile_plan(plan)}
    errors = []
    for number, message in enumerate(messages, 1):
        kind = message["type"]
        if kind == "alias":  # a plan has nothing to say about alias calls
            continue
        name = message.get("event") if kind == "track" else message.get("name", "")
        schema = schemas.get((kind, name)) or schemas.get((kind, ""))
        if schema is None:
            errors.append(f"message {number}: no schema for {kind} {name!r}")
            continue
        validator = Draft7Validator(schema, format_checker=FORMAT_CHECKER)
        errors += [f"message {number}: {e.message}" for e in validator.iter_errors(message)]
    return errors
