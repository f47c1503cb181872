"""JavaScript, TypeScript and TSX calls with tree-sitter: find SDK calls, read literal arguments, resolve constants.

The grammar follows the extension (`.ts` TypeScript, `.tsx` TSX, `.js`/`.jsx`/`.mjs`/`.cjs`
JavaScript with JSX). Only the places where the byte prefilter found an SDK or wrapper name
are looked at: the node there must be an identifier that is part of a call's callee, so a
name inside a comment, a string or a template is never a call.

Constants are resolved in the same file, following the scopes between the use and the
declaration: `const` names bound once in their block (objects, `as const`, `satisfies`,
`Object.freeze(...)`, TS enums, template strings whose parts resolve, `+` of strings).

Imported names resolve one hop: `import { EVENTS } from './events'`, `import { EVENTS as E }`,
`import * as Events from './events'` read the module `modules.ModuleCache` finds, where the
name must be exported as a `const` or an `enum` declared in that module (`export const`,
`export enum`, or `const X = ...; export { X }`). The module's own imports, re-exports
(`export { X } from`), `export default`, default imports and `import type` stay unknown.
A name bound any other way (parameter, `let`, loop variable) stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache

import tree_sitter_javascript
import tree_sitter_typescript
from tree_sitter import Language as Grammar
from tree_sitter import Node, Parser

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity
from trackplan.scanning.arguments import RawCall, interpret
from trackplan.scanning.languages import Family, Language, language_of
from trackplan.scanning.modules import ModuleCache
from trackplan.scanning.sdks import Matchers
from trackplan.scanning.sites import (
    UNKNOWN,
    CallSite,
    Entry,
    Scalar,
    Value,
    ValueKind,
    relocate,
)

_GRAMMARS: dict[Language, Callable[[], object]] = {
    Language.JAVASCRIPT: tree_sitter_javascript.language,
    Language.TYPESCRIPT: tree_sitter_typescript.language_typescript,
    Language.TSX: tree_sitter_typescript.language_tsx,
}
_NAMES = frozenset({"identifier", "property_identifier"})
# Wrappers around an expression that do not change its value.
_TRANSPARENT = frozenset(
    {
        "parenthesized_expression",
        "as_expression",
        "satisfies_expression",
        "non_null_expression",
        "type_assertion",
    }
)
_FUNCTIONS = frozenset(
    {
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
    }
)
_SCOPES = frozenset({"program", "statement_block", "class_static_block"})
_DECLARATIONS = frozenset({"lexical_declaration", "variable_declaration"})
_BINDING_NODES = frozenset(
    {"identifier", "shorthand_property_identifier_pattern", "shorthand_property_identifier"}
)
_ESCAPES = re.compile(
    r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|[\s\S])"
)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_MAX_TEXT = 60
_MAX_DEPTH = 24
_CLIMB = 12

# A declaration as seen from its scope: ("const", value node), ("enum", declaration),
# ("import", import_specifier or namespace_import of a relative import) or ("other", None).
Binding = tuple[str, Node | None]


@cache
def parser_for(language: Language) -> Parser:
    """One parser per grammar and process (grammars ship inside the wheels, nothing is fetched)."""
    return Parser(Grammar(_GRAMMARS[language]()))


def extract_javascript(
    source: bytes,
    language: Language,
    matchers: Matchers,
    file: str,
    path: str | None = None,
    modules: ModuleCache | None = None,
) -> tuple[list[CallSite], list[Diagnostic]]:
    """The calls in one JavaScript/TypeScript/TSX file, and a TP408 warning if it has syntax errors.

    Calls inside a broken region are skipped; the rest of the file is still scanned. With the
    file's `path` and a `modules` cache, imported constants resolve (see the module docstring).
    """
    tree = parser_for(language).parse(source)
    imports = _Imports(path, modules) if path is not None and modules is not None else None
    reader = _FileReader(source, imports)
    problems: list[Diagnostic] = []
    if tree.root_node.has_error:
        problems.append(_syntax_problem(tree.root_node, reader, language, file))
    calls: list[CallSite] = []
    seen: set[tuple[int, int]] = set()
    pattern = matchers.patterns[Family.JAVASCRIPT]
    root = tree.root_node
    for found in pattern.finditer(source):
        node = root.named_descendant_for_byte_range(found.start(), found.end())
        if node is None or node.type not in _NAMES or node.end_byte != found.end():
            continue
        for call, segments in _enclosing_calls(node):
            span = (call.start_byte, call.end_byte)
            if span in seen:
                break
            rule = matchers.match(Family.JAVASCRIPT, segments)
            if rule is None:
                continue
            seen.add(span)
            if call.has_error:
                break
            site = interpret(reader.raw_call(call, segments), rule, Family.JAVASCRIPT, file)
            if site is not None:
                calls.append(site)
            break
    return calls, problems


def _enclosing_calls(node: Node) -> Iterator[tuple[Node, tuple[str, ...]]]:
    """The calls whose callee holds `node`, innermost first: `a.b()` then `a.b().c()`."""
    current = node
    for _ in range(_CLIMB):
        parent = current.parent
        if parent is None:
            return
        kind = parent.type
        if kind == "call_expression":
            if parent.child_by_field_name("function") != current:
                return
            yield parent, callee_segments(current)
        elif kind == "member_expression" or kind in _TRANSPARENT:
            pass
        elif kind == "subscript_expression":
            if parent.child_by_field_name("object") != current:
                return
        else:
            return
        current = parent


def callee_segments(node: Node, depth: int = 0) -> tuple[str, ...]:
    """`window.analytics?.track` → ("window", "analytics", "track"); calls end in "()"."""
    kind = node.type
    if kind in _NAMES or kind == "this":
        return (_text(node),)
    if depth > _MAX_DEPTH:
        return ("?",)
    if kind == "member_expression":
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        head = callee_segments(obj, depth + 1) if obj is not None else ("?",)
        return (*head, _text(prop) if prop is not None else "?")
    if kind == "subscript_expression":
        obj, index = node.child_by_field_name("object"), node.child_by_field_name("index")
        head = callee_segments(obj, depth + 1) if obj is not None else ("?",)
        key = _string_value(index) if index is not None and index.type == "string" else None
        return (*head, key if key is not None else "?")
    if kind == "call_expression":
        function = node.child_by_field_name("function")
        inner = callee_segments(function, depth + 1) if function is not None else ("?",)
        return (*inner[:-1], inner[-1] + "()")
    if kind in _TRANSPARENT:
        inner_node = _unwrap(node)
        return callee_segments(inner_node, depth + 1) if inner_node is not None else ("?",)
    return ("?",)


class _Imports:
    """Where a file is and the scan's module cache: what its relative imports need."""

    def __init__(self, path: str, modules: ModuleCache) -> None:
        self.path = path
        self.modules = modules

    def module(self, specifier: str) -> _ModuleExports | None:
        target = self.modules.find_javascript(self.path, specifier)
        if target is None:
            return None
        found = self.modules.load("javascript", target, _load_module)
        return found if isinstance(found, _ModuleExports) else None


class _FileReader:
    """Argument values of one file's calls, with constants resolved through the file's scopes."""

    def __init__(self, source: bytes, imports: _Imports | None = None) -> None:
        self.source = source
        self.imports = imports
        self._scopes: dict[int, dict[str, Binding]] = {}
        self._resolving: set[int] = set()
        self._constants: dict[int, Value] = {}

    def raw_call(self, call: Node, segments: tuple[str, ...]) -> RawCall:
        args: list[Value] = []
        spread_at = None
        arguments = call.child_by_field_name("arguments")
        if arguments is not None:
            for child in arguments.named_children:
                if child.type == "comment":
                    continue
                if child.type == "spread_element":
                    spread_at = len(args)
                    break
                args.append(self.value(child, 0))
        line, column = self.position(call)
        return RawCall(segments, tuple(args), line, column, spread_at=spread_at)

    def position(self, node: Node) -> tuple[int, int]:
        """1-based line and column, the column counted in characters."""
        row, col = node.start_point
        if col:
            chunk = self.source[node.start_byte - col : node.start_byte]
            if not chunk.isascii():
                col = len(chunk.decode("utf-8", errors="replace"))
        return row + 1, col + 1

    def value(self, node: Node, depth: int) -> Value:
        """What the expression is, as far as literals and same-file constants tell."""
        if depth > _MAX_DEPTH:
            return self._unknown(node)
        kind = node.type
        if kind in _TRANSPARENT:
            inner = _unwrap(node)
            return self.value(inner, depth + 1) if inner is not None else self._unknown(node)
        line, column = self.position(node)
        scalar: Scalar
        if kind == "string":
            return Value(ValueKind.STRING, _string_value(node), line=line, column=column)
        if kind == "template_string":
            text = self._template(node, depth)
            if text is None:
                return self._unknown(node)
            return Value(ValueKind.STRING, text, line=line, column=column)
        if kind == "number":
            scalar = _number(_text(node))
            if scalar is None:
                return self._unknown(node)
            return Value(ValueKind.NUMBER, scalar, line=line, column=column)
        if kind in ("true", "false"):
            return Value(ValueKind.BOOLEAN, kind == "true", line=line, column=column)
        if kind == "null":
            return Value(ValueKind.NULL, line=line, column=column)
        if kind == "object":
            return self._object(node, depth, line, column)
        if kind == "array":
            return self._array(node, depth, line, column)
        if kind == "unary_expression":
            return self._unary(node, depth, line, column)
        if kind == "binary_expression":
            return self._concatenation(node, depth, line, column)
        if kind == "identifier":
            return self._constant(node, _text(node), depth)
        if kind in ("member_expression", "subscript_expression"):
            return self._member(node, depth)
        if kind == "call_expression" and _is_freeze(node):
            arguments = node.child_by_field_name("arguments")
            named = arguments.named_children if arguments is not None else []
            if len(named) == 1:
                return self.value(named[0], depth + 1)
        return self._unknown(node)

    def _unknown(self, node: Node) -> Value:
        text = " ".join(_text(node).split())
        if len(text) > _MAX_TEXT:
            text = text[: _MAX_TEXT - 1] + "…"
        line, column = self.position(node)
        return Value(ValueKind.UNKNOWN, text=text, line=line, column=column)

    def _template(self, node: Node, depth: int) -> str | None:
        parts: list[str] = []
        for child in node.named_children:
            if child.type == "string_fragment":
                parts.append(_text(child))
            elif child.type == "escape_sequence":
                parts.append(_unescape(_text(child)))
            elif child.type == "template_substitution":
                inner = child.named_children
                if len(inner) != 1:
                    return None
                value = self.value(inner[0], depth + 1)
                whole = value.kind is ValueKind.NUMBER and isinstance(value.scalar, int)
                if value.kind is not ValueKind.STRING and not whole:
                    return None
                parts.append(str(value.scalar))
            elif child.type != "comment":
                return None
        return "".join(parts)

    def _object(self, node: Node, depth: int, line: int, column: int) -> Value:
        entries: list[Entry] = []
        is_open = False
        for child in node.named_children:
            kind = child.type
            if kind == "pair":
                key_node, value_node = (
                    child.child_by_field_name("key"),
                    child.child_by_field_name("value"),
                )
                key = self._key(key_node, depth) if key_node is not None else None
                if key is None or value_node is None:
                    is_open = True
                    continue
                key_line, key_column = self.position(child)
                entries.append(Entry(key, self.value(value_node, depth + 1), key_line, key_column))
            elif kind == "shorthand_property_identifier":
                name = _text(child)
                key_line, key_column = self.position(child)
                value = self._constant(child, name, depth + 1)
                entries.append(Entry(name, value, key_line, key_column))
            elif kind == "method_definition":
                name_node = child.child_by_field_name("name")
                key = self._key(name_node, depth) if name_node is not None else None
                if key is None:
                    is_open = True
                    continue
                key_line, key_column = self.position(child)
                entries.append(Entry(key, self._unknown(child), key_line, key_column))
            elif kind != "comment":
                is_open = True  # a spread, or anything the grammar adds later
        return Value(
            ValueKind.OBJECT, entries=tuple(entries), open=is_open, line=line, column=column
        )

    def _key(self, node: Node, depth: int) -> str | None:
        kind = node.type
        if kind in ("property_identifier", "private_property_identifier"):
            return _text(node)
        if kind == "string":
            return _string_value(node)
        if kind == "number":
            number = _number(_text(node))
            return _number_key(number) if number is not None else None
        if kind == "computed_property_name":
            inner = node.named_children
            if len(inner) != 1:
                return None
            value = self.value(inner[0], depth + 1)
            if value.kind is ValueKind.STRING:
                return str(value.scalar)
            if value.kind is ValueKind.NUMBER and value.scalar is not None:
                return _number_key(value.scalar)
        return None

    def _array(self, node: Node, depth: int, line: int, column: int) -> Value:
        items: list[Value] = []
        is_open = False
        for child in node.named_children:
            if child.type == "spread_element":
                is_open = True
            elif child.type != "comment":
                items.append(self.value(child, depth + 1))
        return Value(ValueKind.ARRAY, items=tuple(items), open=is_open, line=line, column=column)

    def _unary(self, node: Node, depth: int, line: int, column: int) -> Value:
        operator = node.child_by_field_name("operator")
        argument = node.child_by_field_name("argument")
        if operator is None or argument is None or _text(operator) not in ("-", "+"):
            return self._unknown(node)
        value = self.value(argument, depth + 1)
        if value.kind is not ValueKind.NUMBER or isinstance(value.scalar, bool):
            return self._unknown(node)
        number = value.scalar
        if not isinstance(number, int | float):
            return self._unknown(node)
        signed = -number if _text(operator) == "-" else number
        return Value(ValueKind.NUMBER, signed, line=line, column=column)

    def _concatenation(self, node: Node, depth: int, line: int, column: int) -> Value:
        operator = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if operator is None or left is None or right is None or _text(operator) != "+":
            return self._unknown(node)
        a, b = self.value(left, depth + 1), self.value(right, depth + 1)
        if a.kind is ValueKind.STRING and b.kind is ValueKind.STRING:
            return Value(ValueKind.STRING, f"{a.scalar}{b.scalar}", line=line, column=column)
        return self._unknown(node)

    def _member(self, node: Node, depth: int) -> Value:
        obj = node.child_by_field_name("object")
        if obj is None:
            return self._unknown(node)
        if node.type == "member_expression":
            prop = node.child_by_field_name("property")
            key = _text(prop) if prop is not None else None
        else:
            index = node.child_by_field_name("index")
            key_value = self.value(index, depth + 1) if index is not None else UNKNOWN
            key = (
                str(key_value.scalar)
                if key_value.kind is ValueKind.STRING
                else (
                    _number_key(key_value.scalar)
                    if key_value.kind is ValueKind.NUMBER and key_value.scalar is not None
                    else None
                )
            )
        if key is None:
            return self._unknown(node)
        container = self.value(obj, depth + 1)
        if container.kind is ValueKind.OBJECT:
            entry = container.entry(key)
            if entry is not None and entry.value.kind is not ValueKind.UNKNOWN:
                return self._moved(entry.value, node)
        return self._unknown(node)

    def _constant(self, node: Node, name: str, depth: int) -> Value:
        """The value of a `const` (or enum) `name` as seen from `node`, or unknown."""
        binding = self._lookup(node, name)
        if binding is None or binding[0] == "other" or binding[1] is None:
            return self._unknown(node)
        value = self.bound_value(binding, depth)
        if value.kind is ValueKind.UNKNOWN:
            return self._unknown(node)
        if binding[0] == "import":
            value = relocate(value, *self.position(node))
        return self._moved(value, node)

    def bound_value(self, binding: Binding, depth: int) -> Value:
        """The value of a declaration (UNKNOWN when it is not a resolvable constant)."""
        kind, declared = binding
        if declared is None or kind == "other":
            return UNKNOWN
        value = self._constants.get(declared.id)
        if value is None:
            if declared.id in self._resolving:
                return UNKNOWN  # a cycle: `const a = b, b = a`
            self._resolving.add(declared.id)
            try:
                if kind == "enum":
                    value = self._enum(declared)
                elif kind == "import":
                    value = self._imported(declared)
                else:
                    value = self.value(declared, depth + 1)
            finally:
                self._resolving.discard(declared.id)
            self._constants[declared.id] = value
        return value

    def _imported(self, specifier: Node) -> Value:
        """What an import specifier (or `* as N`) names in the module it comes from."""
        statement = specifier.parent
        while statement is not None and statement.type != "import_statement":
            statement = statement.parent
        source = statement.child_by_field_name("source") if statement is not None else None
        if self.imports is None or source is None:
            return UNKNOWN
        module = self.imports.module(_string_value(source))
        if module is None:
            return UNKNOWN
        if specifier.type == "namespace_import":
            return module.namespace()
        name = specifier.child_by_field_name("name")
        if name is None:
            return UNKNOWN
        return module.exported(_string_value(name) if name.type == "string" else _text(name))

    def _moved(self, value: Value, node: Node) -> Value:
        """A resolved constant reported where it is used (with its name there, `Kind.Count`)."""
        line, column = self.position(node)
        text = value.text if value.kind is ValueKind.STRING else self._unknown(node).text
        return replace(value, text=text, line=line, column=column)

    def _enum(self, node: Node) -> Value:
        body = node.child_by_field_name("body")
        entries: list[Entry] = []
        if body is not None:
            for member in body.named_children:
                if member.type != "enum_assignment":
                    continue
                name_node = member.child_by_field_name("name")
                value_node = member.child_by_field_name("value")
                if name_node is None or value_node is None:
                    continue
                key = _string_value(name_node) if name_node.type == "string" else _text(name_node)
                line, column = self.position(member)
                entries.append(Entry(key, self.value(value_node, 1), line, column))
        line, column = self.position(node)
        # Members without an initializer are numbers the scanner does not count: open.
        return Value(ValueKind.OBJECT, entries=tuple(entries), open=True, line=line, column=column)

    def _lookup(self, node: Node, name: str) -> Binding | None:
        """The declaration `name` refers to at `node`, walking out through the scopes."""
        current = node.parent
        while current is not None:
            kind = current.type
            if kind in _FUNCTIONS:
                for field in ("parameters", "parameter"):
                    params = current.child_by_field_name(field)
                    if params is not None and _binds(params, name):
                        return ("other", None)
            elif kind in ("for_in_statement", "for_statement"):
                for field in ("left", "initializer"):
                    head = current.child_by_field_name(field)
                    if head is not None and _binds(head, name):
                        return ("other", None)
            elif kind == "catch_clause":
                param = current.child_by_field_name("parameter")
                if param is not None and _binds(param, name):
                    return ("other", None)
            if kind in _SCOPES or kind == "switch_body":
                found = self._scope(current).get(name)
                if found is not None:
                    return found
            current = current.parent
        return None

    def _scope(self, block: Node) -> dict[str, Binding]:
        known = self._scopes.get(block.id)
        if known is None:
            known = {}
            for statement in _statements(block):
                for bound, binding in _declared(statement):
                    # Bound twice in one scope (or by `var` and `function`): ambiguous.
                    known[bound] = binding if bound not in known else ("other", None)
            self._scopes[block.id] = known
        return known


def _statements(block: Node) -> Iterator[Node]:
    for child in block.named_children:
        if child.type == "switch_case" or child.type == "switch_default":
            yield from child.named_children
        else:
            yield child


def _declared(statement: Node) -> Iterator[tuple[str, Binding]]:
    """The names a statement binds in its scope, each with its binding."""
    kind = statement.type
    if kind == "export_statement":
        declaration = statement.child_by_field_name("declaration")
        if declaration is not None:
            yield from _declared(declaration)
        return
    if kind in _DECLARATIONS:
        keyword = statement.child_by_field_name("kind")
        is_const = keyword is not None and _text(keyword) == "const"
        for declarator in statement.named_children:
            if declarator.type != "variable_declarator":
                continue
            target = declarator.child_by_field_name("name")
            value = declarator.child_by_field_name("value")
            if target is None:
                continue
            if target.type == "identifier":
                binding: Binding = (
                    ("const", value) if is_const and value is not None else ("other", None)
                )
                yield _text(target), binding
            else:
                for bound in _bound_names(target):
                    yield bound, ("other", None)
        return
    if kind == "enum_declaration":
        name = statement.child_by_field_name("name")
        if name is not None:
            yield _text(name), ("enum", statement)
        return
    if kind in (
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "abstract_class_declaration",
        "module",
        "internal_module",
    ):
        name = statement.child_by_field_name("name")
        if name is not None:
            yield _text(name), ("other", None)
        return
    if kind == "import_statement":
        yield from _imports(statement)


def _imports(statement: Node) -> Iterator[tuple[str, Binding]]:
    """The names an import binds: named and namespace imports of a relative module can resolve."""
    source = statement.child_by_field_name("source")
    specifier = _string_value(source) if source is not None else ""
    relative = specifier.startswith(("./", "../")) or specifier in (".", "..")
    type_only = any(child.type == "type" for child in statement.children)
    for clause in statement.named_children:
        if clause.type != "import_clause":
            if clause.type not in ("string", "comment"):
                for bound in _bound_names(clause):
                    yield bound, ("other", None)
            continue
        for part in clause.named_children:
            if part.type == "named_imports":
                for item in part.named_children:
                    if item.type != "import_specifier":
                        continue
                    alias = item.child_by_field_name("alias")
                    name = alias if alias is not None else item.child_by_field_name("name")
                    if name is None:
                        continue
                    value_import = relative and not type_only
                    value_import = value_import and not any(c.type == "type" for c in item.children)
                    yield _text(name), (("import", item) if value_import else ("other", None))
            elif part.type == "namespace_import":
                for bound in _bound_names(part):
                    yield (
                        bound,
                        (("import", part) if relative and not type_only else ("other", None)),
                    )
            else:
                for bound in _bound_names(part):
                    yield bound, ("other", None)


class _ModuleExports:
    """The constants a module exports, read from its own declarations only (one hop)."""

    def __init__(self, reader: _FileReader, root: Node) -> None:
        self.reader = reader
        self.root = root
        self.names: dict[str, str] = {}  # exported name → local name
        for statement in root.named_children:
            if statement.type != "export_statement" or _is_default(statement):
                continue
            if statement.child_by_field_name("source") is not None:
                continue  # `export { X } from './other'`, `export * from`: a second hop
            declaration = statement.child_by_field_name("declaration")
            if declaration is not None:
                for bound, _ in _declared(declaration):
                    self.names[bound] = bound
                continue
            for clause in statement.named_children:
                if clause.type != "export_clause":
                    continue
                for item in clause.named_children:
                    name = item.child_by_field_name("name")
                    alias = item.child_by_field_name("alias")
                    if item.type == "export_specifier" and name is not None:
                        self.names[_text(alias if alias is not None else name)] = _text(name)

    def exported(self, name: str) -> Value:
        local = self.names.get(name)
        if local is None:
            return UNKNOWN
        binding = self.reader._scope(self.root).get(local)
        if binding is None or binding[0] == "import":
            return UNKNOWN  # a re-export of an import: a second hop
        return self.reader.bound_value(binding, 0)

    def namespace(self) -> Value:
        """`import * as N`: an object of every exported constant (open: others are unknown)."""
        entries = []
        for name in sorted(self.names):
            value = self.exported(name)
            if value.kind is not ValueKind.UNKNOWN:
                entries.append(Entry(name, value, value.line, value.column))
        return Value(ValueKind.OBJECT, entries=tuple(entries), open=True)


def _is_default(statement: Node) -> bool:
    return any(child.type == "default" for child in statement.children)


def _load_module(path: str, data: bytes) -> _ModuleExports | None:
    """Parse an imported module (with the grammar its extension names) for its exports."""
    language = language_of(path)
    if language is None or language is Language.PYTHON:
        return None
    tree = parser_for(language).parse(data)
    if tree.root_node.has_error:
        return None  # what a broken module exports is not certain
    return _ModuleExports(_FileReader(data), tree.root_node)


def _bound_names(node: Node) -> Iterator[str]:
    """Every identifier a pattern or an import binds (over-approximated: any identifier)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in _BINDING_NODES:
            yield _text(current)
        elif current.type not in ("string", "comment"):
            stack.extend(current.named_children)


def _binds(node: Node, name: str) -> bool:
    return any(bound == name for bound in _bound_names(node))


def _unwrap(node: Node) -> Node | None:
    """The expression inside `(x)`, `x as T`, `x satisfies T`, `x!`, `<T>x`."""
    named = [c for c in node.named_children if c.type != "comment"]
    if not named:
        return None
    return named[-1] if node.type == "type_assertion" else named[0]


def _is_freeze(node: Node) -> bool:
    function = node.child_by_field_name("function")
    return function is not None and callee_segments(function) == ("Object", "freeze")


def _text(node: Node) -> str:
    raw = node.text
    return raw.decode("utf-8", errors="replace") if raw is not None else ""


def _string_value(node: Node) -> str:
    parts: list[str] = []
    for child in node.named_children:
        if child.type == "string_fragment":
            parts.append(_text(child))
        elif child.type == "escape_sequence":
            parts.append(_unescape(_text(child)))
    return "".join(parts)


def _unescape(escape: str) -> str:
    return _ESCAPES.sub(_replace_escape, escape)


def _replace_escape(match: re.Match[str]) -> str:
    body = match.group(1)
    if body in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[body]
    if body.startswith("u{"):
        return chr(int(body[2:-1], 16))
    if body[0] in "ux" and len(body) > 1:
        return chr(int(body[1:], 16))
    if body[0] in "01234567":
        return chr(int(body, 8))
    if body in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
        return ""  # a line continuation
    return body


def _number(text: str) -> int | float | None:
    """A JavaScript numeric literal: `1_000`, `0x1F`, `1.5e3`, `.5`, `10n`."""
    cleaned = text.replace("_", "").lower()
    if cleaned.endswith("n"):
        cleaned = cleaned[:-1]
    try:
        if cleaned.startswith(("0x", "0o", "0b")):
            return int(cleaned, 0)
        if cleaned.isdigit():
            return int(cleaned)
        return float(cleaned)
    except ValueError:
        return None


def _number_key(number: Scalar) -> str:
    """A number used as an object key, as JavaScript turns it into a string."""
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)


def _syntax_problem(root: Node, reader: _FileReader, language: Language, file: str) -> Diagnostic:
    """TP408 at the first syntax error of the file."""
    node = root
    while True:
        for child in node.children:
            if child.is_error or child.is_missing:
                node = child
                break
            if child.has_error:
                node = child
                break
        else:
            break
        if node.is_error or node.is_missing:
            break
    line, column = reader.position(node)
    what = f"missing {node.type!r}" if node.is_missing else "a syntax error"
    grammar = {"javascript": "JavaScript", "typescript": "TypeScript", "tsx": "TSX"}[language]
    return Diagnostic(
        file=file,
        line=line,
        column=column,
        code=codes.UNREADABLE_SOURCE,
        severity=Severity.WARNING,
        message=f"the file does not parse as {grammar} ({what}); calls in the broken part were skipped",
        hint="fix the syntax, or exclude the file with `scan.exclude`",
    )
