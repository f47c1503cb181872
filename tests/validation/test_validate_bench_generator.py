"""A smoke test of the benchmark's generator: its planted violations are exactly what validate finds."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.conftest import REPO, run_cli


def test_planted_violations_are_found_exactly(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "generate", REPO / "bench" / "validate" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    manifest = generate.generate(tmp_path, messages=1500, seed=11, rate=0.05)
    again = generate.generate(tmp_path / "again", messages=1500, seed=11, rate=0.05)
    assert (tmp_path / "events.ndjson").read_bytes() == (
        tmp_path / "again" / "events.ndjson"
    ).read_bytes()
    assert manifest == again
    result = run_cli(
        "validate", str(tmp_path / "plan"), str(tmp_path / "events.ndjson"),
        "--format", "json", "--max-examples", "0",
    )  # fmt: skip
    found: dict[str, list[str]] = {}
    for diagnostic in json.loads(result.stdout)["diagnostics"]:
        found.setdefault(str(diagnostic["line"]), []).append(diagnostic["code"])
    assert {line: sorted(codes) for line, codes in found.items()} == manifest["planted"]
    assert set(manifest["counts"]) == {f"TP30{n}" for n in range(1, 10)} | {"TP310"}
