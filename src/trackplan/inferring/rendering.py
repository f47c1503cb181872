"""A `Draft` as plan YAML: the format people edit, with the counts behind each choice as comments.

Events, properties and page names are sorted, so the same logs give the same bytes. Counts
go in comments (`# 40 messages`, `# in 3 of 40`), never in descriptions: descriptions are
for people to write. Names from the data are quoted by the YAML writer wherever needed, so
any name (quotes, `#`, `: `, line breaks, control characters) reads back unchanged.
"""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from trackplan.inferring.drafting import Draft, DraftProperty, DraftSection
from trackplan.inferring.observing import ENUM_MAX_VALUES, ENUM_MIN_VALUES

DRAFT_NAME = "Draft"
DRAFT_VERSION = "0.1.0"


def render_draft(draft: Draft) -> str:
    """The YAML text of the draft plan."""
    root = CommentedMap()
    root.yaml_set_start_comment(_header(draft))
    root["plan"] = DRAFT_NAME
    root["version"] = DRAFT_VERSION
    root["conventions"] = CommentedMap(
        [
            ("events", draft.events_convention.value),
            ("properties", draft.properties_convention.value),
        ]
    )
    if draft.shared:
        shared = CommentedMap()
        for prop in draft.shared:
            shared[_scalar(prop.name)] = _spec(prop, with_required=False)
        root["properties"] = shared
    if draft.common:
        root["common"] = CommentedMap([("properties", _properties(draft.common, "messages"))])
    if draft.events:
        events = CommentedMap()
        for event in draft.events:
            name = _scalar(event.name)
            events[name] = _section(event, "properties")
            events.yaml_add_eol_comment(_messages(event.messages), name, column=0)
        root["events"] = events
    for key, section in (("identify", draft.identify), ("group", draft.group)):
        if section is not None:
            root[key] = _section(section, "traits")
            root.yaml_add_eol_comment(_messages(section.messages), key, column=0)
    for key, generic, named in (
        ("page", draft.page, draft.pages),
        ("screen", draft.screen, draft.screens),
    ):
        if generic is not None:
            root[key] = _section(generic, "properties")
            root.yaml_add_eol_comment(_messages(generic.messages), key, column=0)
        if named:
            views = CommentedMap()
            for section in named:
                name = _scalar(section.name)
                views[name] = _section(section, "properties")
                views.yaml_add_eol_comment(_messages(section.messages), name, column=0)
            root[f"{key}s"] = views
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # long enum lists stay on one line rather than wrap mid-list
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    return _space_sections(buffer.getvalue())


def _header(draft: Draft) -> str:
    files = "1 file" if draft.files == 1 else f"{draft.files} files"
    return (
        f"Draft tracking plan inferred by `trackplan infer` from {_messages(draft.messages)}"
        f" in {files}.\n"
        "Review it before use: write a description (and owner, tags) for every event, check\n"
        "each type, `required` and enum, and mark personal data with `pii: true`.\n"
        f"Enums are drafted for text properties with at most {ENUM_MAX_VALUES} distinct values"
        f" over at least {ENUM_MIN_VALUES}.\n"
        "Comments count the messages behind each choice: `# in 3 of 40` is an optional property."
    )


def _section(section: DraftSection, key: str) -> CommentedMap:
    body = CommentedMap()
    if section.properties:
        body[key] = _properties(section.properties, "messages")
    return body


def _properties(props: tuple[DraftProperty, ...], unit: str) -> CommentedMap:
    out = CommentedMap()
    for prop in props:
        name = _scalar(prop.name)
        out[name] = _spec(prop, with_required=True)
        comment = _comment(prop, unit)
        if comment:
            out.yaml_add_eol_comment(comment, name, column=0)
    return out


def _spec(prop: DraftProperty, *, with_required: bool) -> CommentedMap:
    spec = CommentedMap()
    if not prop.shared:
        spec["type"] = prop.types[0] if len(prop.types) == 1 else _flow_list(prop.types)
    if with_required and prop.required:
        spec["required"] = True
    if prop.format:
        spec["format"] = prop.format
    if prop.enum is not None:
        spec["enum"] = _flow_list(prop.enum)
    if prop.pii:
        spec["pii"] = True
    if prop.items is not None:
        spec["items"] = _spec(prop.items, with_required=False)
    if prop.properties:
        spec["properties"] = _properties(prop.properties, "objects")
    if not prop.properties and (prop.items is None or not prop.items.properties):
        spec.fa.set_flow_style()
    return spec


def _comment(prop: DraftProperty, unit: str) -> str:
    parts = []
    if not prop.required:
        parts.append(f"in {prop.seen} of {prop.of} {unit}")
    if prop.type_counts:
        parts.append(", ".join(f"{name} {count}" for name, count in prop.type_counts))
    return "; ".join(parts)


def _scalar(text: str) -> str:
    """Text from the data, double-quoted when it holds characters YAML would not keep as they
    are in another style (control characters, NEL, line and paragraph separators, BOM)."""
    return text if text.isprintable() else DoubleQuotedScalarString(text)


def _flow_list(values: tuple[str, ...]) -> CommentedSeq:
    seq = CommentedSeq(_scalar(value) for value in values)
    seq.fa.set_flow_style()
    return seq


def _messages(count: int) -> str:
    return "1 message" if count == 1 else f"{count} messages"


def _space_sections(text: str) -> str:
    """A blank line before each top-level key after the first, for people reading the file."""
    lines = text.splitlines()
    out: list[str] = []
    seen_key = False
    for line in lines:
        is_key = bool(line) and not line[0].isspace() and not line.startswith(("#", "?", ":"))
        if is_key and seen_key and line.split(":", 1)[0] in _SPACED_KEYS:
            out.append("")
        seen_key = seen_key or is_key
        out.append(line)
    return "\n".join(out) + "\n"


_SPACED_KEYS = frozenset(
    (
        "conventions",
        "properties",
        "common",
        "events",
        "identify",
        "group",
        "page",
        "pages",
        "screen",
        "screens",
    )
)
