"""Imported modules for `scan`: the file an import names, found one hop and never guessed.

An event name imported from a constants module (`import { EVENTS } from
'./events'`, `from .events import ORDER_COMPLETED`) is resolved by reading that module
lazily: only when a call's argument needs it, and each module once per process and scan
(the main process and every worker keep their own `ModuleCache`, so no parsed tree crosses
a process boundary and the result depends on the files alone, never on which worker saw
them first).

Only certain imports resolve:

- JavaScript/TypeScript: a relative specifier (`./x`, `../x`) naming exactly one file, as
  written or with one of `.ts .tsx .js .jsx .mjs .cjs .mts .cts` appended, or a folder's
  `index.*`; `./x.js` may name `x.ts` (TypeScript's rule). Two candidates (`x.ts` and
  `x.js`) are ambiguous: unresolved.
- Python: `from .x import N` relative to the importing file's folder, or `from a.b import N`
  found below the scan roots or beside the importing file's top-level package; a module that
  exists as both `b.py` and `b/__init__.py`, or below two roots as different files, is
  ambiguous: unresolved.

Bare package names (`'some-npm-pkg'`, `requests`) are never read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

JS_EXTENSIONS = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
_TS_FOR_JS = {".js": (".ts", ".tsx"), ".mjs": (".mts",), ".cjs": (".cts",), ".jsx": (".tsx",)}
# A constants module larger than this is not read (it is not a constants module).
MAX_MODULE_BYTES = 2 * 1024 * 1024


class ModuleCache:
    """Imported modules, each read and parsed at most once; `roots` are the scan's folders."""

    def __init__(self, roots: Sequence[str] = ()) -> None:
        self.roots = tuple(dict.fromkeys(os.path.abspath(root) for root in roots))
        self._loaded: dict[tuple[str, str], Any] = {}

    def load(self, kind: str, path: str, loader: Callable[[str, bytes], Any]) -> Any:
        """`loader(path, bytes)` for `path`, cached; None when the file cannot be read."""
        key = (kind, path)
        if key not in self._loaded:
            data = read_module(path)
            self._loaded[key] = None if data is None else loader(path, data)
        return self._loaded[key]

    def find_javascript(self, importer: str, specifier: str) -> str | None:
        """The one file a relative JavaScript/TypeScript import names, or None."""
        if not specifier.startswith(("./", "../")) and specifier not in (".", ".."):
            return None
        base = os.path.normpath(os.path.join(os.path.dirname(importer), specifier))
        candidates = [base + extension for extension in JS_EXTENSIONS]
        stem, extension = os.path.splitext(base)
        if extension in JS_EXTENSIONS:
            candidates.insert(0, base)
            candidates += [stem + other for other in _TS_FOR_JS.get(extension, ())]
        candidates += [os.path.join(base, "index" + extension) for extension in JS_EXTENSIONS]
        return _only(candidates)

    def find_python(self, importer: str, module: str | None, level: int) -> str | None:
        """The one file `from <level dots><module> import ...` names, or None."""
        parts = module.split(".") if module else []
        if level > 0:
            if not parts:
                return None  # `from . import events` imports a module, not a constant
            base = os.path.dirname(importer)
            for _ in range(level - 1):
                base = os.path.dirname(base)
            return _python_module(base, parts)
        if not parts:
            return None
        found = {
            path
            for root in (*self.roots, _package_root(importer))
            if (path := _python_module(root, parts)) is not None
        }
        return found.pop() if len(found) == 1 else None


def read_module(path: str) -> bytes | None:
    """A module's bytes, or None when it is missing, unreadable or too large."""
    try:
        if os.path.getsize(path) > MAX_MODULE_BYTES:
            return None
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _only(candidates: Sequence[str]) -> str | None:
    found = {os.path.realpath(path) for path in candidates if os.path.isfile(path)}
    return found.pop() if len(found) == 1 else None


def _python_module(base: str, parts: Sequence[str]) -> str | None:
    target = os.path.join(base, *parts)
    return _only([target + ".py", os.path.join(target, "__init__.py")])


def _package_root(importer: str) -> str:
    """The folder holding the importing file's top-level package (the file's folder at least)."""
    folder = os.path.dirname(importer)
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder
