"""A `Draft` as plan YAML: the format people edit, with the counts behind each choice as comments.

Events, properties and page names are sorted, so the same logs give the same bytes. Counts
go in comments (`# 40 messages`, `# in 3 of 40`), never in descriptions: descriptions are
for people to write. Names from the data are quoted by the one plan writer (`formatting.writing`) wherever needed,
so any name (quotes, `#`, `: `, line breaks, control characters) reads back unchanged, and the
text is already in `trackplan fmt`'s form.
"""

from __future__ import annotations

from typing import Any

from trackplan.formatting.writing import Flow, Noted, write_plan
from trackplan.inferring.drafting import Draft, DraftProperty, DraftSection
from trackplan.inferring.observing import ENUM_MAX_VALUES, ENUM_MIN_VALUES

DRAFT_NAME = "Draft"
DRAFT_VERSION = "0.1.0"


def render_draft(draft: Draft) -> str:
    """The YAML text of the draft plan."""
    root: dict[str, Any] = {
        "plan": DRAFT_NAME,
        "version": DRAFT_VERSION,
        "conventions": {
            "events": draft.events_convention.value,
            "properties": draft.properties_convention.value,
        },
    }
    if draft.shared:
        root["properties"] = {p.name: _spec(p, with_required=False) for p in draft.shared}
    if draft.common:
        root["common"] = {"properties": _properties(draft.common, "messages")}
    if draft.events:
        root["events"] = {event.name: _section(event, "properties") for event in draft.events}
    for key, section in (("identify", draft.identify), ("group", draft.group)):
        if section is not None:
            root[key] = _section(section, "traits")
    for key, generic, named in (
        ("page", draft.page, draft.pages),
        ("screen", draft.screen, draft.screens),
    ):
        if generic is not None:
            root[key] = _section(generic, "properties")
        if named:
            root[f"{key}s"] = {view.name: _section(view, "properties") for view in named}
    return write_plan(root, _header(draft), shown="draft")


def _header(draft: Draft) -> list[str]:
    files = "1 file" if draft.files == 1 else f"{draft.files} files"
    return [
        f"Draft tracking plan inferred by `trackplan infer` from {_messages(draft.messages)}"
        f" in {files}.",
        "Review it before use: write a description (and owner, tags) for every event, check",
        "each type, `required` and enum, and mark personal data with `pii: true`.",
        f"Enums are drafted for text properties with at most {ENUM_MAX_VALUES} distinct values"
        f" over at least {ENUM_MIN_VALUES}.",
        "Comments count the messages behind each choice: `# in 3 of 40` is an optional property.",
    ]


def _section(section: DraftSection, key: str) -> Noted:
    body: dict[str, Any] = {}
    if section.properties:
        body[key] = _properties(section.properties, "messages")
    return Noted(body if body else Flow({}), _messages(section.messages))


def _properties(props: tuple[DraftProperty, ...], unit: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for prop in props:
        spec = _spec(prop, with_required=True)
        comment = _comment(prop, unit)
        out[prop.name] = Noted(spec, comment) if comment else spec
    return out


def _spec(prop: DraftProperty, *, with_required: bool) -> Any:
    spec: dict[str, Any] = {}
    if not prop.shared:
        spec["type"] = prop.types[0] if len(prop.types) == 1 else Flow(list(prop.types))
    if with_required and prop.required:
        spec["required"] = True
    if prop.format:
        spec["format"] = prop.format
    if prop.enum is not None:
        spec["enum"] = Flow(list(prop.enum))
    if prop.pii:
        spec["pii"] = True
    if prop.items is not None:
        spec["items"] = _spec(prop.items, with_required=False)
    if prop.properties:
        spec["properties"] = _properties(prop.properties, "objects")
    return spec if _nested_properties(prop) else Flow(spec)


def _nested_properties(prop: DraftProperty) -> bool:
    """Whether the property holds object properties at any depth (they carry comments)."""
    if prop.properties:
        return True
    return prop.items is not None and _nested_properties(prop.items)


def _comment(prop: DraftProperty, unit: str) -> str:
    parts = []
    if not prop.required:
        parts.append(f"in {prop.seen} of {prop.of} {unit}")
    if prop.type_counts:
        parts.append(", ".join(f"{name} {count}" for name, count in prop.type_counts))
    return "; ".join(parts)


def _messages(count: int) -> str:
    return "1 message" if count == 1 else f"{count} messages"
