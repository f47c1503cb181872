"""An imported plan before it is written as YAML, and the builder that settles name collisions.

Every reader (Segment, RudderStack, JSON Schema folders) adds sections to a `PlanBuilder`; the
builder keeps the newest version when one name is defined several times (TP702), takes the
properties an event repeats from `common` out of the event, and decides the unplanned-properties
policy: when every section refuses unplanned properties the plan says so once, in `policy`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from trackplan.interop.findings import NAME_COLLISION, Findings
from trackplan.interop.properties import Spec


class Kind(StrEnum):
    """The message kinds a rule can describe."""

    TRACK = "track"
    IDENTIFY = "identify"
    GROUP = "group"
    PAGE = "page"
    SCREEN = "screen"


@dataclass(frozen=True)
class ImportedSection:
    """An event, identify, group, or a generic or named page/screen, as the plan will say it."""

    kind: Kind
    name: str = ""  # "" for identify, group and the generic page/screen
    description: str = ""
    owner: str = ""
    tags: tuple[str, ...] = ()
    deprecated: bool = False
    replaced_by: str = ""
    closed: bool = False  # refuses unplanned properties
    properties: Mapping[str, Spec] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportedPlan:
    """A whole imported plan; `shared` and references in sections are filled by `share_properties`."""

    name: str
    source: str  # the input, as shown to the user
    shape: str  # "Segment Public API", …
    description: str = ""
    closed: bool = False  # `policy.unplanned_properties: error`
    shared: Mapping[str, Spec] = field(default_factory=dict)
    common: Mapping[str, Spec] = field(default_factory=dict)
    sections: tuple[ImportedSection, ...] = ()

    def of_kind(self, kind: Kind, named: bool) -> tuple[ImportedSection, ...]:
        return tuple(s for s in self.sections if s.kind is kind and bool(s.name) == named)

    @property
    def events(self) -> tuple[ImportedSection, ...]:
        return self.of_kind(Kind.TRACK, named=True)


@dataclass
class _Entry:
    section: ImportedSection
    version: tuple[float, ...]
    label: str  # the version as the input wrote it
    origin: str  # where it came from, for collision messages


@dataclass
class PlanBuilder:
    """Collects sections from one input; mutable while reading, `build()` gives the frozen plan."""

    findings: Findings
    entries: dict[tuple[Kind, str], _Entry] = field(default_factory=dict)
    common: dict[str, Spec] = field(default_factory=dict)

    def add(self, section: ImportedSection, *, version: Any = None, origin: str = "") -> None:
        """Add a section; a second definition of the same kind and name keeps the newer version."""
        key = (section.kind, section.name)
        entry = _Entry(
            section, rank_version(version), "" if version is None else str(version), origin
        )
        previous = self.entries.get(key)
        if previous is None:
            self.entries[key] = entry
            return
        what = _describe(section)
        kept, dropped = (entry, previous) if entry.version > previous.version else (previous, entry)
        if entry.version == previous.version:
            message = f"{what} is defined twice; the first definition is kept"
        else:
            message = (
                f"{what} is defined in several versions; version {kept.label} is kept,"
                f" version {dropped.label} is skipped"
            )
        self.findings.add(
            NAME_COLLISION,
            message,
            path=dropped.origin,
            event=section.name,
            hint="import the other version on its own if you need it",
        )
        self.entries[key] = kept

    def merge_traits(self, kind: Kind, properties: Mapping[str, Spec], origin: str) -> None:
        """Add traits to identify or group (the Config API lists them one by one)."""
        key = (kind, "")
        entry = self.entries.get(key)
        section = entry.section if entry else ImportedSection(kind)
        merged = dict(section.properties)
        for name, spec in properties.items():
            if name in merged and merged[name] != spec:
                self.findings.add(
                    NAME_COLLISION,
                    f"{kind.value} trait {name!r} is defined twice; the first definition is kept",
                    path=origin,
                )
                continue
            merged.setdefault(name, spec)
        section = replace(section, properties=merged)
        self.entries[key] = _Entry(
            section, entry.version if entry else (), entry.label if entry else "", origin
        )

    def add_common(self, properties: Mapping[str, Spec]) -> None:
        for name, spec in properties.items():
            self.common.setdefault(name, spec)

    def build(self, name: str, source: str, shape: str, description: str = "") -> ImportedPlan:
        sections = tuple(self._without_common(e.section) for e in self.entries.values())
        closed = bool(sections) and all(s.closed for s in sections)
        if closed:
            sections = tuple(replace(s, closed=False) for s in sections)
        return ImportedPlan(
            name=name,
            source=source,
            shape=shape,
            description=description,
            closed=closed,
            common=dict(self.common),
            sections=sections,
        )

    def _without_common(self, section: ImportedSection) -> ImportedSection:
        """An event need not repeat a common property word for word: `common` applies to it."""
        if section.kind is not Kind.TRACK or not self.common:
            return section
        own = {k: v for k, v in section.properties.items() if self.common.get(k) != v}
        return section if len(own) == len(section.properties) else replace(section, properties=own)


def _describe(section: ImportedSection) -> str:
    if section.kind is Kind.TRACK:
        return f"event {section.name!r}"
    if section.name:
        return f"{section.kind.value} {section.name!r}"
    return f"the {section.kind.value} rule"


def rank_version(version: Any) -> tuple[float, ...]:
    """Comparable versions: 2 → (2,), SchemaVer "1-0-2" → (1, 0, 2); anything else sorts first."""
    if isinstance(version, int | float) and not isinstance(version, bool):
        return (float(version),)
    if isinstance(version, str):
        parts = version.replace("-", ".").split(".")
        if all(p.isdigit() for p in parts):
            return tuple(float(p) for p in parts)
    return ()
