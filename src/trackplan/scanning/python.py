"""Python calls with the standard `ast`: find SDK calls, read literal arguments, resolve constants.

Constants are module-level names bound exactly once (`ORDER = "Order Completed"`,
`ORDER: Final = ...`) and class attributes (`Events.ORDER`, nested classes too). For Enum
classes `Events.ORDER.value` resolves, and `Events.ORDER` too when the member is a string
itself (`class Events(str, Enum)`, `StrEnum`). A name that a function binds locally (a parameter, an
assignment, a loop variable), that is bound twice, or that a `global` statement touches,
stays unknown. f-strings and `+` resolve when every part does.

Names imported at module level with `from .events import ORDER` or `from app.events import
Events` (aliases too) resolve one hop: `modules.ModuleCache` finds the module (relative to
the importing file's package, or below the scan roots) and the name must be a constant or
class bound in that module itself; what that module imports stays unknown, as do `import x`,
`from . import events` and star imports.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity
from trackplan.scanning.arguments import RawCall, interpret
from trackplan.scanning.languages import Family
from trackplan.scanning.modules import ModuleCache
from trackplan.scanning.sdks import Matchers
from trackplan.scanning.sites import CallSite, Entry, Value, ValueKind, relocate

_MAX_TEXT = 60
_MAX_DEPTH = 24
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_ALL_SCOPES = _SCOPES + _COMPREHENSIONS


def extract_python(
    source: str,
    matchers: Matchers,
    file: str,
    path: str | None = None,
    modules: ModuleCache | None = None,
) -> tuple[list[CallSite], list[Diagnostic]]:
    """The calls in one Python file; a file with a syntax error is one TP408 warning instead.

    With the file's `path` and a `modules` cache, imported constants resolve (one hop).
    """
    if "\r" in source:  # one line ending, so that every line count below agrees with `ast`
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return [], [_syntax_problem(exc, file)]
    except (ValueError, RecursionError) as exc:  # a NUL byte; absurd nesting
        return [], [_syntax_problem(SyntaxError(str(exc)), file)]
    lines = _anchor_lines(source.encode("utf-8"), matchers.patterns[Family.PYTHON])
    reader = _ModuleReader(source, tree)
    if path is not None and modules is not None:
        reader.imports = (path, modules)
    calls: list[CallSite] = []
    for call, scopes in _iter_calls(tree, lines):
        segments = _segments(call.func)
        rule = matchers.match(Family.PYTHON, segments)
        if rule is None:
            continue
        site = interpret(reader.raw_call(call, segments, scopes), rule, Family.PYTHON, file)
        if site is not None:
            calls.append(site)
    return calls, []


def _anchor_lines(source: bytes, pattern: re.Pattern[bytes]) -> list[int]:
    """The 1-based numbers of the lines where an SDK or wrapper name appears, ascending."""
    lines: list[int] = []
    line, position = 1, 0
    for found in pattern.finditer(source):
        line += source.count(b"\n", position, found.start())
        position = found.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _iter_calls(
    tree: ast.Module, lines: Sequence[int]
) -> Iterator[tuple[ast.Call, tuple[ast.AST, ...]]]:
    """The calls on `lines` (where an SDK name appears), with the scopes around each.

    Subtrees whose lines hold no SDK name are skipped: most of a file is never visited.
    """
    stack: list[tuple[ast.AST, tuple[ast.AST, ...]]] = [(tree, ())]
    while stack:
        node, scopes = stack.pop()
        first = getattr(node, "lineno", None)
        if first is not None:
            last = getattr(node, "end_lineno", None) or first
            index = bisect_left(lines, first)
            if index == len(lines) or lines[index] > last:
                continue
        if isinstance(node, ast.Call):
            yield node, scopes
        inner = (*scopes, node) if isinstance(node, _ALL_SCOPES) else scopes
        stack.extend((child, inner) for child in reversed(list(ast.iter_child_nodes(node))))


def _segments(func: ast.expr, depth: int = 0) -> tuple[str, ...]:
    """`self.analytics.track` → ("self", "analytics", "track"); calls end in "()"."""
    if isinstance(func, ast.Name):
        return (func.id,)
    if depth > _MAX_DEPTH:
        return ("?",)
    if isinstance(func, ast.Attribute):
        return (*_segments(func.value, depth + 1), func.attr)
    if isinstance(func, ast.Call):
        inner = _segments(func.func, depth + 1)
        return (*inner[:-1], inner[-1] + "()")
    return ("?",)


@dataclass
class _ClassInfo:
    body: dict[str, ast.expr | None] = field(default_factory=dict)  # None: ambiguous
    classes: dict[str, _ClassInfo | None] = field(default_factory=dict)
    imported: dict[str, tuple[str | None, int, str]] = field(default_factory=dict)
    is_enum: bool = False
    sends_value: bool = False  # a str-mixin Enum or StrEnum: the member itself is its value


class _ModuleReader:
    """Argument values, with module and class constants resolved."""

    def __init__(self, source: str, tree: ast.Module) -> None:
        self.source = source
        self.lines = source.split("\n")  # as `ast` counts lines (not str.splitlines)
        self.tree = tree
        self._locals: dict[int, frozenset[str]] = {}
        self._resolving: set[int] = set()
        # The file's path and the scan's module cache: set, `from ... import` names resolve.
        self.imports: tuple[str, ModuleCache] | None = None

    @cached_property
    def module(self) -> _ClassInfo:
        return _bindings(self.tree.body)

    @cached_property
    def _globals(self) -> frozenset[str]:
        if "global" not in self.source:
            return frozenset()
        return frozenset(
            name
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Global)
            for name in node.names
        )

    def raw_call(
        self, call: ast.Call, segments: tuple[str, ...], scopes: tuple[ast.AST, ...]
    ) -> RawCall:
        args: list[Value] = []
        spread_at = None
        for arg in call.args:
            if isinstance(arg, ast.Starred):
                spread_at = len(args)
                break
            args.append(self.value(arg, scopes, 0))
        keywords: list[tuple[str, Value]] = []
        open_keywords = False
        for keyword in call.keywords:
            if keyword.arg is None:
                open_keywords = True
            else:
                keywords.append((keyword.arg, self.value(keyword.value, scopes, 0)))
        line, column = self.position(call)
        return RawCall(
            segments, tuple(args), line, column, tuple(keywords), spread_at, open_keywords
        )

    def position(self, node: ast.expr | ast.keyword) -> tuple[int, int]:
        """1-based line and column in characters (`ast` counts UTF-8 bytes)."""
        line, offset = node.lineno, node.col_offset
        if 0 < line <= len(self.lines) and not self.lines[line - 1].isascii():
            offset = len(self.lines[line - 1].encode("utf-8")[:offset].decode("utf-8", "replace"))
        return line, offset + 1

    def value(self, node: ast.expr, scopes: tuple[ast.AST, ...], depth: int) -> Value:
        line, column = self.position(node)
        if depth > _MAX_DEPTH:
            return self._unknown(node)
        if isinstance(node, ast.Constant):
            return _constant(node.value, line, column) or self._unknown(node)
        if isinstance(node, ast.JoinedStr):
            text = self._fstring(node, scopes, depth)
            if text is None:
                return self._unknown(node)
            return Value(ValueKind.STRING, text, line=line, column=column)
        if isinstance(node, ast.Dict):
            return self._dict(node, scopes, depth, line, column)
        if isinstance(node, ast.List | ast.Tuple):
            items: list[Value] = []
            is_open = False
            for item in node.elts:
                if isinstance(item, ast.Starred):
                    is_open = True
                else:
                    items.append(self.value(item, scopes, depth + 1))
            return Value(
                ValueKind.ARRAY, items=tuple(items), open=is_open, line=line, column=column
            )
        if isinstance(node, ast.Call) and _segments(node.func) == ("dict",) and not node.args:
            return self._dict_call(node, scopes, depth, line, column)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            inner = self.value(node.operand, scopes, depth + 1)
            number = inner.scalar
            if inner.kind is ValueKind.NUMBER and isinstance(number, int | float):
                signed = -number if isinstance(node.op, ast.USub) else number
                return Value(ValueKind.NUMBER, signed, line=line, column=column)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self.value(node.left, scopes, depth + 1)
            right = self.value(node.right, scopes, depth + 1)
            if left.kind is ValueKind.STRING and right.kind is ValueKind.STRING:
                text = f"{left.scalar}{right.scalar}"
                return Value(ValueKind.STRING, text, line=line, column=column)
        if isinstance(node, ast.Name | ast.Attribute):
            resolved = self._resolve(node, scopes, depth)
            if resolved is not None:
                # Reported where it is used, with its name there (`Kinds.COUNT`).
                text = resolved.text if resolved.kind is ValueKind.STRING else self._segment(node)
                return replace(resolved, text=text, line=line, column=column)
        return self._unknown(node)

    def _unknown(self, node: ast.expr) -> Value:
        text = " ".join(self._segment(node).split())
        if len(text) > _MAX_TEXT:
            text = text[: _MAX_TEXT - 1] + "…"
        line, column = self.position(node)
        return Value(ValueKind.UNKNOWN, text=text or "…", line=line, column=column)

    def _segment(self, node: ast.expr) -> str:
        """The start of an expression's source text (the rest of its first line at most)."""
        line = node.lineno
        if not 0 < line <= len(self.lines):
            return ""
        raw = self.lines[line - 1].encode("utf-8")
        end = node.end_col_offset if node.end_lineno == line else None
        text = raw[node.col_offset : end].decode("utf-8", errors="replace")
        return text if end is not None else text + " …"

    def _fstring(self, node: ast.JoinedStr, scopes: tuple[ast.AST, ...], depth: int) -> str | None:
        parts: list[str] = []
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                parts.append(part.value)
            elif (
                isinstance(part, ast.FormattedValue)
                and part.conversion == -1
                and part.format_spec is None
            ):
                value = self.value(part.value, scopes, depth + 1)
                if value.kind is not ValueKind.STRING:
                    return None
                parts.append(str(value.scalar))
            else:
                return None
        return "".join(parts)

    def _dict(
        self, node: ast.Dict, scopes: tuple[ast.AST, ...], depth: int, line: int, column: int
    ) -> Value:
        entries: list[Entry] = []
        is_open = False
        for key_node, value_node in zip(node.keys, node.values, strict=True):
            if key_node is None:  # **spread
                is_open = True
                continue
            key = self.value(key_node, scopes, depth + 1)
            if key.kind is not ValueKind.STRING:
                is_open = True
                continue
            key_line, key_column = self.position(key_node)
            value = self.value(value_node, scopes, depth + 1)
            entries.append(Entry(str(key.scalar), value, key_line, key_column))
        return Value(
            ValueKind.OBJECT, entries=tuple(entries), open=is_open, line=line, column=column
        )

    def _dict_call(
        self, node: ast.Call, scopes: tuple[ast.AST, ...], depth: int, line: int, column: int
    ) -> Value:
        entries: list[Entry] = []
        is_open = False
        for keyword in node.keywords:
            if keyword.arg is None:
                is_open = True
                continue
            key_line, key_column = self.position(keyword)
            value = self.value(keyword.value, scopes, depth + 1)
            entries.append(Entry(keyword.arg, value, key_line, key_column))
        return Value(
            ValueKind.OBJECT, entries=tuple(entries), open=is_open, line=line, column=column
        )

    def _resolve(
        self, node: ast.Name | ast.Attribute, scopes: tuple[ast.AST, ...], depth: int
    ) -> Value | None:
        """A Name or a dotted class attribute bound once to a constant, else None."""
        path: list[str] = []
        current: ast.expr = node
        while isinstance(current, ast.Attribute):
            path.append(current.attr)
            current = current.value
        if not isinstance(current, ast.Name):
            return None
        name = current.id
        if name in self._globals or any(name in self._local_names(s) for s in scopes):
            return None
        path.reverse()
        return self.lookup(name, path, depth, self.position(node))

    def lookup(
        self, name: str, path: list[str], depth: int, at: tuple[int, int] = (0, 0)
    ) -> Value | None:
        """The module-level constant `name` (then `path` through its classes), or None.

        `at` is where it is used: an imported value's positions all move there.
        """
        if self.module.body.get(name) is None and name in self.module.imported:
            return self._imported(name, path, depth, at)
        target: ast.expr | None
        if not path:
            target = self.module.body.get(name)
            if target is None:
                return None
        else:
            info = self.module.classes.get(name)
            if info is None:
                return None
            for index, part in enumerate(path):
                rest = path[index + 1 :]
                if part in info.classes and rest:
                    found = info.classes[part]
                    if found is None:
                        return None
                    info = found
                    continue
                if rest not in ([], ["value"]) or (rest and not info.is_enum):
                    return None
                if not rest and info.is_enum and not info.sends_value:
                    return None  # a plain Enum member is not its value
                target = info.body.get(part)
                break
            else:
                return None
            if target is None:
                return None
        if id(target) in self._resolving:
            return None
        self._resolving.add(id(target))
        try:
            # A constant's own expression is read at module level: no function scopes apply.
            value = self.value(target, (), depth + 1)
        finally:
            self._resolving.discard(id(target))
        return None if value.kind is ValueKind.UNKNOWN else value

    def _imported(
        self, name: str, path: list[str], depth: int, at: tuple[int, int]
    ) -> Value | None:
        if self.imports is None:
            return None
        importer, modules = self.imports
        module, level, original = self.module.imported[name]
        target = modules.find_python(importer, module, level)
        if target is None:
            return None
        other = modules.load("python", target, _load_module)
        if not isinstance(other, _ModuleReader):
            return None
        value = other.lookup(original, path, depth + 1)  # its own imports stay unknown
        return None if value is None else relocate(value, *at)

    def _local_names(self, scope: ast.AST) -> frozenset[str]:
        known = self._locals.get(id(scope))
        if known is None:
            known = frozenset(_local_bindings(scope))
            self._locals[id(scope)] = known
        return known


def _load_module(path: str, data: bytes) -> _ModuleReader | None:
    """Parse an imported module for its constants; None when it does not parse."""
    try:
        source = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        source = source.replace("\r\n", "\n").replace("\r", "\n")
        return _ModuleReader(source, ast.parse(source, filename=path))
    except (SyntaxError, ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None


def _bindings(body: list[ast.stmt]) -> _ClassInfo:
    """Names bound in a module or class body: constants, classes, and ambiguous (None)."""
    info = _ClassInfo()
    counts: dict[str, int] = {}
    for statement in body:
        for name, value in _statement_bindings(statement):
            counts[name] = counts.get(name, 0) + 1
            info.body[name] = value
            if isinstance(statement, ast.ClassDef) and name == statement.name:
                info.classes[name] = _class_info(statement)
        if isinstance(statement, ast.ImportFrom):
            for alias in statement.names:
                if alias.name != "*":
                    local = alias.asname or alias.name
                    info.imported[local] = (statement.module, statement.level, alias.name)
    for name, count in counts.items():
        if count > 1:
            info.body[name] = None
            info.imported.pop(name, None)
            if name in info.classes:
                info.classes[name] = None
    return info


def _class_info(node: ast.ClassDef) -> _ClassInfo:
    info = _bindings(node.body)
    bases = [_segments(base)[-1] for base in node.bases]
    info.is_enum = any(base.endswith("Enum") for base in bases)
    info.sends_value = info.is_enum and any(base in ("str", "StrEnum") for base in bases)
    return info


def _statement_bindings(statement: ast.stmt) -> Iterator[tuple[str, ast.expr | None]]:
    """(name, constant expression or None) for each name a statement binds in its own scope."""
    if isinstance(statement, ast.Assign):
        simple = len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)
        for target in statement.targets:
            for name in _target_names(target):
                yield name, statement.value if simple else None
    elif isinstance(statement, ast.AnnAssign):
        for name in _target_names(statement.target):
            yield name, statement.value
    elif isinstance(statement, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        yield statement.name, None
    else:
        # Imports, loops, with, try, augmented assignment, if-blocks: never a constant.
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                yield node.id, None
            elif isinstance(node, ast.alias):
                yield (node.asname or node.name).split(".")[0], None
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                yield node.name, None


def _target_names(target: ast.expr) -> Iterator[str]:
    for node in ast.walk(target):
        if isinstance(node, ast.Name):
            yield node.id


def _local_bindings(scope: ast.AST) -> Iterator[str]:
    """Every name a function, lambda or comprehension binds (an over-approximation)."""
    if isinstance(scope, _SCOPES):
        arguments = scope.args
        for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
            yield arg.arg
        for extra in (arguments.vararg, arguments.kwarg):
            if extra is not None:
                yield extra.arg
        body: list[ast.AST] = [scope.body] if isinstance(scope, ast.Lambda) else list(scope.body)
    elif isinstance(scope, _COMPREHENSIONS):
        body = [generator.target for generator in scope.generators]
    else:
        return
    for statement in body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
                yield node.id
            elif isinstance(node, ast.alias):
                yield (node.asname or node.name).split(".")[0]
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                yield node.name
            elif isinstance(node, ast.ExceptHandler):
                yield node.name or ""


def _constant(value: object, line: int, column: int) -> Value | None:
    if isinstance(value, str):
        return Value(ValueKind.STRING, value, line=line, column=column)
    if isinstance(value, bool):
        return Value(ValueKind.BOOLEAN, value, line=line, column=column)
    if isinstance(value, int | float):
        return Value(ValueKind.NUMBER, value, line=line, column=column)
    if value is None:
        return Value(ValueKind.NULL, line=line, column=column)
    return None


def _syntax_problem(exc: SyntaxError, file: str) -> Diagnostic:
    return Diagnostic(
        file=file,
        line=exc.lineno or 0,
        column=exc.offset or 0,
        code=codes.UNREADABLE_SOURCE,
        severity=Severity.WARNING,
        message=f"the file does not parse as Python ({exc.msg}); its calls were not scanned",
        hint="fix the syntax, or exclude the file with `scan.exclude`",
    )
