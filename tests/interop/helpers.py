"""Helpers shared by the import/export tests."""

from __future__ import annotations

from trackplan.loading.loader import LoadResult, load_plan_texts


def without_header(text: str) -> str:
    """The plan text after its leading comment block (which names the source)."""
    lines = text.splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def load_text(text: str) -> LoadResult:
    """Load plan text, asserting it has no TP1xx problem."""
    result = load_plan_texts([("plan.yaml", text)])
    structural = [d for d in result.diagnostics if d.code.startswith("TP1")]
    assert structural == [], structural
    return result
