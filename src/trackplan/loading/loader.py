"""Plan YAML → frozen model with a source map; every structural problem becomes a TP1xx diagnostic.

Fatal problems (a missing file, broken YAML, duplicate keys, a root that is not a mapping) raise
TrackplanError. Everything else is a diagnostic and the load goes on, so `lint` can report all of
them at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from trackplan import codes
from trackplan.diagnostics import Diagnostic, Severity, TrackplanError
from trackplan.files import display_path
from trackplan.loading.source import (
    YamlDocument,
    find_plan_files,
    key_position,
    load_document,
    parse_yaml,
    value_position,
)
from trackplan.model import (
    FORMATS,
    JSON_TYPES,
    Conventions,
    Event,
    EventNaming,
    EventStatus,
    Location,
    Origin,
    Plan,
    Pointer,
    Policy,
    PolicyLevel,
    Property,
    PropertyNaming,
    Section,
    pointer_text,
)
from trackplan.naming import did_you_mean

ROOT_KEYS = (
    "plan",
    "version",
    "conventions",
    "policy",
    "properties",
    "bundles",
    "common",
    "events",
    "identify",
    "group",
    "page",
    "pages",
    "screen",
    "screens",
)
# Root keys whose entries may be spread over several files; the others belong to one file.
MERGED_ROOT_KEYS = ("properties", "bundles", "events", "pages", "screens")
PROPERTY_KEYS = (
    "type",
    "required",
    "description",
    "enum",
    "pattern",
    "format",
    "min_length",
    "max_length",
    "minimum",
    "maximum",
    "items",
    "min_items",
    "max_items",
    "properties",
    "pii",
    "deprecated",
    "examples",
)
EVENT_KEYS = (
    "description",
    "owner",
    "tags",
    "status",
    "replaced_by",
    "bundles",
    "properties",
    "unplanned_properties",
)
CONVENTION_KEYS = ("events", "properties")
POLICY_KEYS = ("unplanned_events", "unplanned_properties")
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"
)


C = TypeVar("C", EventNaming, PropertyNaming, PolicyLevel, EventStatus)


@dataclass(frozen=True)
class LoadResult:
    """A loaded plan and the structural problems found on the way (sorted)."""

    plan: Plan
    diagnostics: tuple[Diagnostic, ...]
    documents: tuple[YamlDocument, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def load_plan(path: Path | str, cwd: Path | None = None) -> LoadResult:
    """Load a plan file or folder of YAML files, merged into one plan."""
    root = Path(path)
    docs = []
    for file in find_plan_files(root):
        shown = display_path(file, cwd)
        docs.append(load_document(file, shown))
    return build_plan(docs)


def load_plan_texts(sources: Sequence[tuple[str, str]]) -> LoadResult:
    """Load a plan from (display path, YAML text) pairs: files read from git, or tests."""
    return build_plan([YamlDocument(name, text, parse_yaml(text, name)) for name, text in sources])


def build_plan(docs: Sequence[YamlDocument]) -> LoadResult:
    builder = _Builder()
    for doc in docs:
        builder.add_document(doc)
    plan = builder.finish()
    return LoadResult(plan, tuple(sorted(builder.diagnostics)), tuple(docs))


@dataclass
class _Raw:
    """A property spec as written, checked but not yet resolved against the shared library."""

    name: str
    pointer: Pointer
    fields: dict[str, Any]
    items: _Raw | None = None
    children: list[_Raw] | None = None


@dataclass
class _Found:
    """One definition of a top-level entry, with where it was written."""

    node: Any
    pointer: Pointer
    file: str


@dataclass
class _Builder:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    locations: dict[Pointer, Location] = field(default_factory=dict)
    singles: dict[str, _Found] = field(default_factory=dict)
    entries: dict[str, dict[str, _Found]] = field(
        default_factory=lambda: {key: {} for key in MERGED_ROOT_KEYS}
    )
    files: list[str] = field(default_factory=list)
    _file: str = ""
    _shared_raw: dict[str, _Raw] = field(default_factory=dict)

    # -- reading documents ---------------------------------------------------------------

    def add_document(self, doc: YamlDocument) -> None:
        self._file = doc.path
        self.files.append(doc.path)
        data = doc.data
        if data is None:
            return
        if not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else f"the value {_show(data)}"
            raise TrackplanError(
                f"{doc.path}:1:1: the plan must be a mapping of keys (plan, events, properties, …),"
                f" not {kind}"
            )
        self.locations.setdefault((), Location(doc.path, 1, 1))
        for key, value in data.items():
            if not isinstance(key, str) or key not in ROOT_KEYS:
                self._unknown_key(data, key, (), ROOT_KEYS, "at the top level of a plan")
                continue
            self._mark(data, key, (key,))
            if key in MERGED_ROOT_KEYS:
                self._collect_entries(data, key, value)
            elif key in self.singles:
                self._duplicate((key,), self.singles[key], f"`{key}`")
            else:
                self.singles[key] = _Found(value, (key,), doc.path)

    def _collect_entries(self, parent: Any, key: str, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, dict):
            self._wrong(parent, key, (key,), "a mapping of names to definitions", value)
            return
        for name, body in value.items():
            if not isinstance(name, str) or not name:
                self._report(
                    codes.WRONG_VALUE,
                    value,
                    name,
                    f"a name under `{key}` must be a non-empty text, not {_show(name)}",
                    hint="quote the name",
                )
                continue
            pointer: Pointer = (key, name)
            previous = self.entries[key].get(name)
            if previous is not None:
                self._mark(value, name, pointer, override=False)
                self._duplicate(pointer, previous, f"`{key}` entry {name!r}", node=value, key=name)
                continue
            self._mark(value, name, pointer)
            self.entries[key][name] = _Found((value, name, body), pointer, self._file)

    # -- building the model --------------------------------------------------------------

    def finish(self) -> Plan:
        shared_raw = {
            name: raw
            for name, found in self.entries["properties"].items()
            if (raw := self._raw_from_entry(found)) is not None
        }
        shared = tuple(self._resolve_shared(raw) for raw in shared_raw.values())
        self._shared_raw = shared_raw
        bundles = self._bundles(shared_raw)
        events = tuple(self._event(found, bundles) for found in self.entries["events"].values())
        common = self._common()
        return Plan(
            name=self._text_single("plan"),
            version=self._version(),
            conventions=self._conventions(),
            policy=self._policy(),
            shared=shared,
            bundles=bundles,
            common=common,
            events=events,
            identify=self._section_single("identify", "traits"),
            group=self._section_single("group", "traits"),
            page=self._section_single("page", "properties"),
            pages=self._named_sections("pages"),
            screen=self._section_single("screen", "properties"),
            screens=self._named_sections("screens"),
            files=tuple(self.files),
            locations=dict(self.locations),
        )

    def _with_file(self, file: str) -> None:
        self._file = file

    def _raw_from_entry(self, found: _Found) -> _Raw | None:
        self._with_file(found.file)
        parent, name, body = found.node
        return self._raw_property(parent, name, body, found.pointer)

    def _text_single(self, key: str) -> str:
        found = self.singles.get(key)
        if found is None or found.node is None:
            return ""
        self._with_file(found.file)
        if not isinstance(found.node, str):
            self._report_at(
                found, f"`{key}` must be a text, not {_show(found.node)}", codes.WRONG_VALUE
            )
            return ""
        return found.node

    def _version(self) -> str:
        found = self.singles.get("version")
        if found is None or found.node is None:
            return ""
        self._with_file(found.file)
        text = str(found.node)
        if not isinstance(found.node, str) or not SEMVER.match(text):
            hint = "write MAJOR.MINOR.PATCH, for example 1.0.0"
            if isinstance(found.node, int | float) and not isinstance(found.node, bool):
                hint = f'write the full version, for example "{_pad_version(text)}"'
            self._report_at(
                found,
                f"version {_show(found.node)} is not a semantic version (MAJOR.MINOR.PATCH)",
                codes.INVALID_VERSION,
                hint=hint,
            )
        return text

    def _conventions(self) -> Conventions:
        body = self._mapping_single("conventions", CONVENTION_KEYS)
        if body is None:
            return Conventions()
        node, pointer = body
        events = self._choice(node, "events", pointer, EventNaming, EventNaming.OBJECT_ACTION)
        props = self._choice(node, "properties", pointer, PropertyNaming, PropertyNaming.SNAKE_CASE)
        return Conventions(events=events, properties=props)

    def _policy(self) -> Policy:
        body = self._mapping_single("policy", POLICY_KEYS)
        if body is None:
            return Policy()
        node, pointer = body
        return Policy(
            unplanned_events=self._choice(
                node, "unplanned_events", pointer, PolicyLevel, PolicyLevel.ERROR
            ),
            unplanned_properties=self._choice(
                node, "unplanned_properties", pointer, PolicyLevel, PolicyLevel.WARN
            ),
        )

    def _mapping_single(self, key: str, allowed: Sequence[str]) -> tuple[Any, Pointer] | None:
        found = self.singles.get(key)
        if found is None or found.node is None:
            return None
        self._with_file(found.file)
        if not isinstance(found.node, dict):
            self._report_at(
                found, f"`{key}` must be a mapping, not {_show(found.node)}", codes.WRONG_VALUE
            )
            return None
        self._check_keys(found.node, found.pointer, allowed, f"in `{key}`")
        return found.node, found.pointer

    def _common(self) -> tuple[Property, ...]:
        body = self._mapping_single("common", ("properties",))
        if body is None:
            return ()
        node, pointer = body
        return self._property_list(node, "properties", pointer)

    def _section_single(self, key: str, list_key: str) -> Section | None:
        body = self._mapping_single(key, (list_key, "description", "unplanned_properties"))
        if body is None:
            return None
        node, pointer = body
        return self._section(key, node, pointer, list_key)

    def _named_sections(self, key: str) -> tuple[Section, ...]:
        sections = []
        for name, found in self.entries[key].items():
            self._with_file(found.file)
            parent, _, body = found.node
            if body is None:
                body = {}
            if not isinstance(body, dict):
                self._wrong(parent, name, found.pointer, "a mapping with `properties`", body)
                continue
            self._check_keys(
                body,
                found.pointer,
                ("properties", "description", "unplanned_properties"),
                f"in `{key}` entry {name!r}",
            )
            sections.append(self._section(name, body, found.pointer, "properties"))
        return tuple(sections)

    def _section(self, name: str, node: Any, pointer: Pointer, list_key: str) -> Section:
        return Section(
            name=name,
            pointer=pointer,
            properties=self._property_list(node, list_key, pointer),
            description=self._text(node, "description", pointer),
            unplanned_properties=self._optional_choice(
                node, "unplanned_properties", pointer, PolicyLevel
            ),
        )

    def _bundles(self, shared_raw: Mapping[str, _Raw]) -> dict[str, tuple[str, ...]]:
        bundles: dict[str, tuple[str, ...]] = {}
        for name, found in self.entries["bundles"].items():
            self._with_file(found.file)
            parent, _, body = found.node
            members = self._name_list(parent, name, found.pointer, "shared property names")
            if members is None:
                continue
            for index, member in enumerate(members):
                if member not in shared_raw:
                    self._report(
                        codes.UNKNOWN_REFERENCE,
                        body,
                        index,
                        f"bundle {name!r} names {member!r}, which is not a shared property",
                        hint=_suggest(member, shared_raw, "define it under `properties:`"),
                        pointer=(*found.pointer, index),
                        use_value=True,
                    )
            bundles[name] = tuple(m for m in members if m in shared_raw)
        return bundles

    def _event(self, found: _Found, bundles: Mapping[str, tuple[str, ...]]) -> Event:
        self._with_file(found.file)
        parent, name, body = found.node
        pointer = found.pointer
        if body is None:
            body = {}
        if not isinstance(body, dict):
            self._wrong(parent, name, pointer, "a mapping (description, properties, …)", body)
            return Event(name=name, pointer=pointer)
        self._check_keys(body, pointer, EVENT_KEYS, f"in event {name!r}")
        own = self._property_list(body, "properties", pointer)
        used_bundles = self._name_list(body, "bundles", (*pointer, "bundles"), "bundle names") or []
        from_bundles: list[Property] = []
        own_names = {p.name for p in own}
        for index, bundle in enumerate(used_bundles):
            if bundle not in bundles:
                self._report(
                    codes.UNKNOWN_REFERENCE,
                    body["bundles"],
                    index,
                    f"event {name!r} uses bundle {bundle!r}, which is not defined",
                    hint=_suggest(bundle, bundles, "define it under `bundles:`"),
                    pointer=(*pointer, "bundles", index),
                    use_value=True,
                )
                continue
            for member in bundles[bundle]:
                if member in own_names or any(p.name == member for p in from_bundles):
                    continue
                shared = self._shared_raw[member]
                resolved = self._resolve(shared, Origin.SHARED)
                from_bundles.append(replace(resolved, bundle=bundle))
        status = self._choice(body, "status", pointer, EventStatus, EventStatus.ACTIVE)
        return Event(
            name=name,
            pointer=pointer,
            description=self._text(body, "description", pointer),
            owner=self._text(body, "owner", pointer),
            tags=tuple(self._name_list(body, "tags", (*pointer, "tags"), "tags") or ()),
            status=status,
            replaced_by=self._text(body, "replaced_by", pointer),
            bundles=tuple(used_bundles),
            properties=tuple(from_bundles) + own,
            unplanned_properties=self._optional_choice(
                body, "unplanned_properties", pointer, PolicyLevel
            ),
        )

    # -- properties ---------------------------------------------------------------------

    def _property_list(self, node: Any, key: str, pointer: Pointer) -> tuple[Property, ...]:
        if key not in node or node[key] is None:
            return ()
        body = node[key]
        list_pointer = (*pointer, key)
        if not isinstance(body, dict):
            self._wrong(node, key, list_pointer, "a mapping of property names to definitions", body)
            return ()
        out = []
        for name, spec in body.items():
            if not isinstance(name, str) or not name:
                self._report(
                    codes.WRONG_VALUE,
                    body,
                    name,
                    f"a property name must be a non-empty text, not {_show(name)}",
                    hint="quote the name",
                )
                continue
            prop_pointer = (*list_pointer, name)
            self._mark(body, name, prop_pointer)
            raw = self._raw_property(body, name, spec, prop_pointer)
            if raw is not None:
                out.append(self._resolve(raw, Origin.LOCAL))
        return tuple(out)

    def _raw_property(self, parent: Any, name: str, spec: Any, pointer: Pointer) -> _Raw | None:
        """Check a property spec as written: shorthand, keys and value types."""
        if spec is None:
            return _Raw(name, pointer, {})
        if isinstance(spec, str) or (
            isinstance(spec, list) and spec and all(isinstance(t, str) for t in spec)
        ):
            # An invalid type was reported already; an empty `type` keeps TP105 from repeating it.
            return _Raw(name, pointer, {"type": self._types(parent, name, pointer, spec)})
        if not isinstance(spec, dict):
            self._wrong(parent, name, pointer, "a type name or a mapping (type, required, …)", spec)
            return None
        self._check_keys(spec, pointer, PROPERTY_KEYS, f"in property {name!r}")
        fields: dict[str, Any] = {}
        raw = _Raw(name, pointer, fields)
        for key, value in spec.items():
            if key not in PROPERTY_KEYS:
                continue
            kp = (*pointer, key)
            self._mark(spec, key, kp)
            checked = self._property_field(spec, key, value, kp, raw)
            if checked is not _INVALID:
                fields[key] = checked
        return raw

    def _property_field(self, spec: Any, key: str, value: Any, pointer: Pointer, raw: _Raw) -> Any:
        if key == "type":
            return self._types(spec, key, pointer, value)
        if key in ("required", "pii", "deprecated"):
            return (
                value
                if isinstance(value, bool)
                else self._wrong(spec, key, pointer, "true or false", value)
            )
        if key in ("description", "pattern"):
            return (
                value
                if isinstance(value, str)
                else self._wrong(spec, key, pointer, "a text", value)
            )
        if key == "format":
            if not isinstance(value, str):
                return self._wrong(spec, key, pointer, "a format name", value)
            if value not in FORMATS:
                self._report(
                    codes.INVALID_CHOICE,
                    spec,
                    key,
                    f"format {value!r} is not one of {', '.join(FORMATS)}",
                    hint=_suggest(value, FORMATS, ""),
                    pointer=pointer,
                    use_value=True,
                )
                return _INVALID
            return value
        if key in ("min_length", "max_length", "min_items", "max_items"):
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
            return self._wrong(spec, key, pointer, "a whole number, 0 or more", value)
        if key in ("minimum", "maximum"):
            if isinstance(value, int | float) and not isinstance(value, bool):
                return value
            return self._wrong(spec, key, pointer, "a number", value)
        if key in ("enum", "examples"):
            if not isinstance(value, list):
                return self._wrong(spec, key, pointer, "a list of values", value)
            if key == "enum" and not value:
                return self._wrong(spec, key, pointer, "a non-empty list of values", value)
            return tuple(_plain(v) for v in value)
        if key == "items":
            raw.items = self._raw_property(spec, "items", value, pointer)
            return _INVALID  # kept on raw.items, not in fields
        if key == "properties":
            if value is None:
                raw.children = []
                return _INVALID
            if not isinstance(value, dict):
                return self._wrong(spec, key, pointer, "a mapping of nested properties", value)
            children = []
            for child_name, child_spec in value.items():
                if not isinstance(child_name, str) or not child_name:
                    self._report(
                        codes.WRONG_VALUE,
                        value,
                        child_name,
                        f"a property name must be a non-empty text, not {_show(child_name)}",
                    )
                    continue
                child_pointer = (*pointer, child_name)
                self._mark(value, child_name, child_pointer)
                child = self._raw_property(value, child_name, child_spec, child_pointer)
                if child is not None:
                    children.append(child)
            raw.children = children
            return _INVALID
        return _INVALID

    def _types(self, parent: Any, key: Any, pointer: Pointer, value: Any) -> tuple[str, ...]:
        names = value if isinstance(value, list) else [value]
        if not names:
            self._wrong(parent, key, pointer, "a type name or a list of type names", value)
            return ()
        out = []
        for index, item in enumerate(names):
            if item is None:
                item = "null"  # `type: [string, null]` without quotes means the null type
            if not isinstance(item, str) or item not in JSON_TYPES:
                shown = _show(item)
                at_node, at_key = (value, index) if isinstance(value, list) else (parent, key)
                self._report(
                    codes.UNKNOWN_TYPE,
                    at_node,
                    at_key,
                    f"unknown type {shown}; a type is one of {', '.join(JSON_TYPES)}",
                    hint=_suggest(str(item), JSON_TYPES, ""),
                    pointer=pointer,
                    use_value=True,
                )
                continue
            if item not in out:
                out.append(item)
        return tuple(out)

    def _resolve_shared(self, raw: _Raw) -> Property:
        if "type" not in raw.fields:
            self._report_pointer(
                codes.NO_DEFINITION,
                raw.pointer,
                f"shared property {raw.name!r} has no `type`",
                hint="give it a type, for example `type: string`",
            )
        return self._build(raw, Origin.LOCAL, shared=None)

    def _resolve(self, raw: _Raw, origin: Origin) -> Property:
        """Merge a property as used with the shared definition of the same name, if it has no type."""
        if "type" in raw.fields:
            return self._build(raw, origin, shared=None)
        shared = self._shared_raw.get(raw.name)
        if shared is None or shared is raw:
            if shared is None:
                self._report_pointer(
                    codes.NO_DEFINITION,
                    raw.pointer,
                    f"property {raw.name!r} has no `type` and there is no shared property of that name",
                    hint=_suggest(
                        raw.name, self._shared_raw, "give it a type, for example `type: string`"
                    ),
                )
            return self._build(raw, origin, shared=None)
        return self._build(raw, Origin.SHARED, shared=shared)

    def _build(self, raw: _Raw, origin: Origin, shared: _Raw | None) -> Property:
        fields = dict(shared.fields) if shared else {}
        fields.update(raw.fields)
        items_raw = raw.items or (shared.items if shared else None)
        children_raw = (
            raw.children if raw.children is not None else (shared.children if shared else None)
        )
        items = self._resolve(items_raw, Origin.LOCAL) if items_raw else None
        children = tuple(self._resolve(c, Origin.LOCAL) for c in children_raw or ())
        local_keys = set(raw.fields)
        if raw.items is not None:
            local_keys.add("items")
        if raw.children is not None:
            local_keys.add("properties")
        return Property(
            name=raw.name,
            pointer=raw.pointer,
            types=fields.get("type", ()),
            required=fields.get("required", False),
            description=fields.get("description", ""),
            enum=fields.get("enum"),
            pattern=fields.get("pattern"),
            format=fields.get("format"),
            min_length=fields.get("min_length"),
            max_length=fields.get("max_length"),
            minimum=fields.get("minimum"),
            maximum=fields.get("maximum"),
            items=items,
            min_items=fields.get("min_items"),
            max_items=fields.get("max_items"),
            properties=children,
            pii=fields.get("pii", False),
            deprecated=fields.get("deprecated", False),
            examples=fields.get("examples", ()),
            origin=origin,
            local_keys=frozenset(local_keys),
        )

    # -- small checked readers ----------------------------------------------------------

    def _text(self, node: Any, key: str, pointer: Pointer) -> str:
        if key not in node or node[key] is None:
            return ""
        value = node[key]
        kp = (*pointer, key)
        self._mark(node, key, kp)
        if not isinstance(value, str):
            self._wrong(node, key, kp, "a text", value)
            return ""
        return value

    def _name_list(self, node: Any, key: Any, pointer: Pointer, what: str) -> list[str] | None:
        if key not in node or node[key] is None:
            return None
        value = node[key]
        self._mark(node, key, pointer)
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._wrong(node, key, pointer, f"a list of {what}", value)
            return None
        return list(value)

    def _choice(self, node: Any, key: str, pointer: Pointer, choices: type[C], default: C) -> C:
        found = self._optional_choice(node, key, pointer, choices)
        return default if found is None else found

    def _optional_choice(self, node: Any, key: str, pointer: Pointer, choices: type[C]) -> C | None:
        if key not in node or node[key] is None:
            return None
        value = node[key]
        kp = (*pointer, key)
        self._mark(node, key, kp)
        allowed = [c.value for c in choices]
        if isinstance(value, str) and value in allowed:
            return choices(value)
        self._report(
            codes.INVALID_CHOICE,
            node,
            key,
            f"`{key}` is {_show(value)}; it must be one of {', '.join(allowed)}",
            hint=_suggest(str(value), allowed, ""),
            pointer=kp,
            use_value=True,
        )
        return None

    # -- diagnostics and positions ------------------------------------------------------

    def _check_keys(self, node: Any, pointer: Pointer, allowed: Sequence[str], where: str) -> None:
        for key in node:
            if not isinstance(key, str) or key not in allowed:
                self._unknown_key(node, key, pointer, allowed, where)

    def _unknown_key(
        self, node: Any, key: Any, pointer: Pointer, allowed: Sequence[str], where: str
    ) -> None:
        hint = _suggest(str(key), allowed, "")
        if not hint:
            hint = f"known keys: {', '.join(allowed)}"
        self._report(
            codes.UNKNOWN_KEY,
            node,
            key,
            f"unknown key {_show(key)} {where}",
            hint=hint,
            pointer=(*pointer, str(key)),
        )

    def _wrong(self, node: Any, key: Any, pointer: Pointer, expected: str, value: Any) -> Any:
        self._report(
            codes.WRONG_VALUE,
            node,
            key,
            f"`{pointer[-1]}` must be {expected}, not {_show(value)}",
            pointer=pointer,
            use_value=True,
        )
        return _INVALID

    def _duplicate(
        self, pointer: Pointer, first: _Found, what: str, node: Any = None, key: Any = None
    ) -> None:
        first_loc = self.locations.get(first.pointer)
        where = f"{first_loc.file}:{first_loc.line}" if first_loc else first.file
        message = f"{what} is defined twice; first at {where}"
        if node is not None:
            self._report(codes.DUPLICATE_DEFINITION, node, key, message, hint="keep one definition")
        else:
            self._report_pointer(
                codes.DUPLICATE_DEFINITION, pointer, message, hint="keep one definition"
            )

    def _mark(self, node: Any, key: Any, pointer: Pointer, override: bool = True) -> None:
        pos = key_position(node, key)
        if pos is not None and (override or pointer not in self.locations):
            self.locations[pointer] = Location(self._file, pos[0], pos[1])

    def _report(
        self,
        code: str,
        node: Any,
        key: Any,
        message: str,
        *,
        hint: str = "",
        pointer: Pointer | None = None,
        use_value: bool = False,
    ) -> None:
        pos = value_position(node, key) if use_value else None
        if pos is None and not isinstance(node, list):
            pos = key_position(node, key)
        if pos is None and pointer is not None:
            loc = self.locations.get(pointer)
            pos = (loc.line, loc.column) if loc else None
        line, column = pos or (0, 0)
        self.diagnostics.append(
            Diagnostic(
                file=self._file,
                line=line,
                column=column,
                code=code,
                severity=Severity.ERROR,
                message=message,
                hint=hint,
                path=pointer_text(pointer) if pointer else "",
            )
        )

    def _report_pointer(self, code: str, pointer: Pointer, message: str, hint: str = "") -> None:
        loc = self.locations.get(pointer)
        self.diagnostics.append(
            Diagnostic(
                file=loc.file if loc else self._file,
                line=loc.line if loc else 0,
                column=loc.column if loc else 0,
                code=code,
                severity=Severity.ERROR,
                message=message,
                hint=hint,
                path=pointer_text(pointer),
            )
        )

    def _report_at(self, found: _Found, message: str, code: str, hint: str = "") -> None:
        self._report_pointer(code, found.pointer, message, hint)


_INVALID: Any = object()


def _suggest(word: str, candidates: Mapping[str, Any] | Sequence[str], fallback: str) -> str:
    match = did_you_mean(word, list(candidates))
    return f"did you mean {match!r}?" if match else fallback


def _pad_version(text: str) -> str:
    parts = text.split(".")
    return ".".join([*parts, "0", "0", "0"][:3])


def _show(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _plain(value: Any) -> Any:
    """Position-keeping mappings and lists → plain dicts and lists (for enums and examples)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
