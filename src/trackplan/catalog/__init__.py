"""The plan as a catalog for people (`trackplan docs`): README.md and a self-contained index.html.

Both files are generated and carry a marker saying so; a README.md or index.html in the
output folder without that marker was written by someone else and is never overwritten
unless `force` is given. Same plan, same bytes: no dates, no absolute paths.
"""

from __future__ import annotations

import os
from pathlib import Path

from trackplan.catalog.entries import Catalog, build_catalog
from trackplan.catalog.html import GENERATOR, render_html
from trackplan.catalog.markdown import MARKER, render_markdown
from trackplan.diagnostics import Report, TrackplanError
from trackplan.files import display_path
from trackplan.model import Plan

__all__ = [
    "Catalog",
    "build_catalog",
    "catalog_files",
    "render_html",
    "render_markdown",
    "write_catalog",
]

MARKDOWN_FILE = "README.md"
HTML_FILE = "index.html"
_HTML_MARKER = f'<meta name="generator" content="{GENERATOR}">'


def catalog_files(plan: Plan) -> dict[str, str]:
    """File name → text, for every file `docs` writes."""
    catalog = build_catalog(plan)
    return {MARKDOWN_FILE: render_markdown(catalog), HTML_FILE: render_html(catalog)}


def write_catalog(plan: Plan, out: Path, force: bool = False) -> Report:
    """Write the catalog into `out` (created if needed); files already up to date are left alone."""
    files = catalog_files(plan)
    shown = display_path(out)
    if out.exists() and not out.is_dir():
        raise TrackplanError(f"{shown}: is a file; give a folder for the catalog")
    written = []
    for name, content in files.items():
        target = out / name
        current = _read(target)
        if current == content:
            continue
        if current is not None and not force and not _is_generated(name, current):
            raise TrackplanError(
                f"{display_path(target)}: exists and was not written by `trackplan docs`;"
                " choose another --out folder, or pass --force to overwrite it"
            )
        _write(target, content)
        written.append(name)
    summary = {
        "events": len(plan.events),
        "shared_properties": len(plan.shared),
        "files_written": len(written),
        "files_unchanged": len(files) - len(written),
    }
    return Report.build("docs", (), summary)


def _is_generated(name: str, text: str) -> bool:
    if name == MARKDOWN_FILE:
        return text.startswith(MARKER)
    return _HTML_MARKER in text[:2000]


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        return ""  # not ours: refused without --force, replaced with it
    except OSError as exc:
        raise TrackplanError(f"{display_path(path)}: cannot read: {exc}") from None


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, path)
    except OSError as exc:
        raise TrackplanError(f"{display_path(path)}: cannot write: {exc.strerror or exc}") from None
