"""import, infer and init write plans through the fmt emitter: their output passes `fmt --check`.

Before there was one writer, `import segment X --out p/ && fmt p --check` failed with TP604 and
the `trackplan-fmt` pre-commit hook rewrote every freshly imported plan.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import REPO, run_cli

from trackplan.formatting import format_text
from trackplan.formatting.writing import Flow, Noted, write_plan


def _fmt_check(path: Path) -> None:
    run = run_cli("fmt", str(path), "--check")
    assert run.exit_code == 0, run.stdout + run.stderr


def test_imported_plan_passes_fmt_check(tmp_path: Path) -> None:
    source = REPO / "tests" / "interop" / "data" / "kitchen-sink.public-api.json"
    out = tmp_path / "plans"
    run = run_cli("import", "segment", str(source), "--out", str(out))
    assert run.exit_code in (0, 1), run.stderr
    files = sorted(out.rglob("*.yaml"))
    assert files
    for file in files:
        _fmt_check(file)


def test_inferred_plan_passes_fmt_check(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    run = run_cli("infer", str(REPO / "examples" / "events.ndjson"), "--out", str(out))
    assert run.exit_code in (0, 1), run.stderr
    _fmt_check(out)


def test_init_plan_passes_fmt_check_and_says_what_makes_check_pass(tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        run = run_cli("init")
        assert run.exit_code == 0, run.stderr
        assert "trackplan compile" in run.stdout
        _fmt_check(tmp_path / "plans" / "plan.yaml")
        assert run_cli("compile").exit_code == 0
        checked = run_cli("check")
        assert checked.exit_code == 0, checked.stdout + checked.stderr
    finally:
        os.chdir(cwd)


_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
_scalar = st.one_of(
    _text,
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)


@st.composite
def _plain_data(draw: st.DrawFn) -> dict[str, object]:
    value = st.recursive(
        _scalar,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3),
            st.dictionaries(_text, inner, max_size=3),
            st.lists(inner, max_size=3).map(Flow),
            st.dictionaries(_text, inner, max_size=3).map(Flow),
        ),
        max_leaves=8,
    )
    noted = st.tuples(value, _text).map(lambda pair: Noted(*pair))
    return draw(st.dictionaries(_text, st.one_of(value, noted), min_size=1, max_size=4))


def _plain(value: object) -> object:
    if isinstance(value, Noted):
        return _plain(value.value)
    if isinstance(value, Flow):
        return _plain(value.value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@settings(max_examples=150, deadline=None)
@given(_plain_data())
def test_any_data_reads_back_unchanged_and_is_canonical(data: dict[str, object]) -> None:
    import yaml

    text = write_plan(data, ["a header", "", "  indented"])
    assert yaml.safe_load(text) == _plain(data)
    assert format_text(text) == text


@pytest.mark.parametrize("value", [":0", "? x", "- y", "#z", "yes", "null", "1e3", "a: b", "é"])
def test_awkward_strings_are_quoted_where_needed(value: str) -> None:
    import yaml

    text = write_plan({"k": Flow([value]), value: value})
    assert yaml.safe_load(text) == {"k": [value], value: value}
