"""The languages `scan` reads and the file extensions that select each grammar."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath


class Language(StrEnum):
    """A grammar: the tree-sitter grammar must match the extension (TSX is not TypeScript)."""

    JAVASCRIPT = "javascript"
    TYPESCRIPT = "typescript"
    TSX = "tsx"
    PYTHON = "python"

    @property
    def family(self) -> Family:
        return Family.PYTHON if self is Language.PYTHON else Family.JAVASCRIPT


class Family(StrEnum):
    """Languages that call an SDK the same way share one set of call rules."""

    JAVASCRIPT = "javascript"
    PYTHON = "python"


EXTENSIONS: dict[str, Language] = {
    ".js": Language.JAVASCRIPT,
    ".jsx": Language.JAVASCRIPT,  # the JavaScript grammar parses JSX
    ".mjs": Language.JAVASCRIPT,
    ".cjs": Language.JAVASCRIPT,
    ".ts": Language.TYPESCRIPT,
    ".mts": Language.TYPESCRIPT,
    ".cts": Language.TYPESCRIPT,
    ".tsx": Language.TSX,
    ".py": Language.PYTHON,
}

# Generated or bundled files that hold no hand-written calls: type declarations, minified
# bundles.
SKIPPED_SUFFIXES = (".d.ts", ".d.mts", ".d.cts", ".min.js", ".min.mjs", ".bundle.js")


def language_of(path: PurePath | str) -> Language | None:
    """The grammar for a file name, or None when `scan` does not read it."""
    name = path.name if isinstance(path, PurePath) else path.rsplit("/", 1)[-1]
    lowered = name.lower()
    if lowered.endswith(SKIPPED_SUFFIXES):
        return None
    dot = lowered.rfind(".")
    return EXTENSIONS.get(lowered[dot:]) if dot > 0 else None
