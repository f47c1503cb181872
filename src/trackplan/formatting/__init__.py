"""Rewriting plan files in one canonical form, keeping every comment (`trackplan fmt`).

`format_text` formats one file's text; `format_plan` formats every file of a plan that loads
and returns the before and after of each, without writing; `check_formatting` turns that into
a Report (TP604 per file that would change), `render_diff` into a unified diff, and
`write_formatted` writes the changed files atomically, permissions kept.

Safety: the text is parsed into a layout tree (see `layout`) and written by a purpose-built
emitter (see `emit`), not by ruamel's dumper: ruamel drops comments inside multi-line flow
mappings and files a comment between two keys under the key before it, so moving keys through
it would move comments to the wrong place. Every result is checked before it is returned: it
must parse to the same data, hold the same comments, and load to the same plan. When the
canonical key order cannot pass that check, the file keeps its key order; when even that fails,
fmt refuses with exit 2 and leaves the file as it is. Files using anchors and aliases keep
their key order, since moving a key could put an alias before its anchor.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Report, Severity, TrackplanError
from trackplan.files import write_atomic
from trackplan.formatting.emit import emit_document
from trackplan.formatting.layout import parse_layout
from trackplan.formatting.verify import find_unfaithful
from trackplan.loading.loader import LoadResult, load_plan, load_plan_texts
from trackplan.loading.source import find_plan_files
from trackplan.model import Plan

UNFORMATTED = codes.UNFORMATTED_PLAN

__all__ = [
    "UNFORMATTED",
    "FormattedFile",
    "check_formatting",
    "format_plan",
    "format_text",
    "render_diff",
    "write_formatted",
]


@dataclass(frozen=True)
class FormattedFile:
    """One plan file: where it is, how it is shown, its text now and in canonical form."""

    path: Path
    shown: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def format_text(text: str, shown: str = "<text>", *, sort: bool = False) -> str:
    """One YAML text in canonical form; TrackplanError when it cannot be rewritten safely."""
    source = text.lstrip("\ufeff").replace("\r\n", "\n")
    doc = parse_layout(source, shown)
    if doc.root is None:
        return text
    reorder = not doc.has_anchors
    result = emit_document(doc, reorder=reorder, sort=sort and reorder)
    problem = find_unfaithful(doc, result, shown)
    if problem and reorder:
        result = emit_document(doc, reorder=False, sort=False)
        problem = find_unfaithful(doc, result, shown)
    if problem:
        raise TrackplanError(
            f"{shown}: fmt could not rewrite this file without changing it ({problem});"
            " the file was left as it is"
        )
    return result


def format_plan(path: Path, *, sort: bool = False, cwd: Path | None = None) -> list[FormattedFile]:
    """Every file of the plan at `path`, formatted; a plan that does not load stops the run."""
    loaded = load_plan(path, cwd)
    _require_loadable(loaded)
    files = []
    for file, doc in zip(find_plan_files(path), loaded.documents, strict=True):
        # A byte-order mark is not canonical: keep it in `before` so the file counts as changed.
        before = "\ufeff" + doc.text if file.read_bytes().startswith(b"\xef\xbb\xbf") else doc.text
        files.append(
            FormattedFile(file, doc.path, before, format_text(before, doc.path, sort=sort))
        )
    after = load_plan_texts([(f.shown, f.after) for f in files])
    if _comparable(after.plan, sort) != _comparable(loaded.plan, sort) or not after.ok:
        raise TrackplanError(
            f"{files[0].shown if files else path}: fmt would change what the plan means;"
            " nothing was written (please report this as a bug)"
        )
    return files


def check_formatting(files: Sequence[FormattedFile]) -> Report:
    """TP604 for each file that is not in canonical form, at its first line that would change."""
    diagnostics = []
    for file in files:
        if not file.changed:
            continue
        diagnostics.append(
            Diagnostic(
                file=file.shown,
                line=_first_difference(file.before, file.after),
                column=1,
                code=UNFORMATTED,
                severity=Severity.ERROR,
                message="plan file is not in canonical form",
                hint="run `trackplan fmt` (add --diff to see the changes)",
            )
        )
    changed = len(diagnostics)
    return Report.build("fmt", diagnostics, {"files": len(files), "would_change": changed})


def render_diff(files: Sequence[FormattedFile]) -> str:
    """A unified diff (a/ and b/ prefixes, as git writes them) of the files that would change."""
    chunks = []
    for file in files:
        if not file.changed:
            continue
        lines = difflib.unified_diff(
            file.before.splitlines(keepends=True),
            file.after.splitlines(keepends=True),
            fromfile=f"a/{file.shown}",
            tofile=f"b/{file.shown}",
        )
        for line in lines:
            chunks.append(
                line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            )
    return "".join(chunks)


def write_formatted(files: Sequence[FormattedFile]) -> list[str]:
    """Write the files that changed (atomically, permissions kept); their display paths."""
    written = []
    for file in files:
        if file.changed:
            # Through a symbolic link to the file it names: the link stays a link.
            write_atomic(file.path.resolve(), file.after)
            written.append(file.shown)
    return written


def _require_loadable(result: LoadResult) -> None:
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise TrackplanError(
            f"{first.location()}: {first.code} {first.message}{more}; fmt rewrites only a plan"
            " that loads, so nothing was written (run `trackplan lint`)"
        )


def _comparable(plan: Plan, sort: bool) -> Plan:
    """The plan without its source map (and, after --sort, with named entries in name order)."""
    plan = replace(plan, locations={})
    if not sort:
        return plan
    return replace(
        plan,
        events=tuple(sorted(plan.events, key=lambda item: item.name)),
        shared=tuple(sorted(plan.shared, key=lambda item: item.name)),
        pages=tuple(sorted(plan.pages, key=lambda item: item.name)),
        screens=tuple(sorted(plan.screens, key=lambda item: item.name)),
    )


def _first_difference(before: str, after: str) -> int:
    for number, (old, new) in enumerate(
        zip(before.splitlines(), after.splitlines(), strict=False), start=1
    ):
        if old != new:
            return number
    return min(len(before.splitlines()), len(after.splitlines())) + 1
