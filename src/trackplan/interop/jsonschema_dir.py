"""Folders of per-event JSON Schemas → a plan, Snowplow Iglu self-describing schemas included.

Which files: every `*.json` file under the folders given (recursively, sorted, hidden ones
skipped), plus files without a suffix, as Iglu names them (`…/jsonschema/1-0-2`); a file given
by name is always read. A file that is not valid JSON stops the run, except a suffix-less file
found in a folder, which is skipped with TP703.

What each file is:
- an Iglu schema (`self: {vendor, name, version}`): the event is `self.name`; `self` and the
  `$schema` meta-schema are not rules. Of several versions of one vendor/name the newest is kept.
- a schema `trackplan compile` wrote (its `type` property is a `const` message kind): the
  event, identify, group, page or screen it describes, so a compiled folder imports back.
  `index.json` gives the plan's name.
- any other object schema: the event is its `title`, else the file name without suffix.
Two schemas that claim one event name are both renamed (TP702): `vendor/name` for Iglu
schemas, the path under the folder otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from trackplan.diagnostics import TrackplanError
from trackplan.files import decode_text, display_path
from trackplan.interop.envelope import read_section
from trackplan.interop.findings import NAME_COLLISION, SKIPPED, Findings
from trackplan.interop.imported import (
    ImportedPlan,
    ImportedSection,
    Kind,
    PlanBuilder,
    rank_version,
)
from trackplan.interop.jsonfile import parse_json

JSON_SCHEMAS = "JSON Schema files"
INDEX_FILE = "index.json"
MESSAGE_KINDS = {kind.value: kind for kind in Kind}


@dataclass(frozen=True)
class _Candidate:
    """One schema file that describes an event or section."""

    file: str  # as shown in diagnostics
    relative: str  # its path under the folder given, without suffix
    kind: Kind
    name: str
    schema: Mapping[str, Any]
    vendor: str = ""  # Iglu only
    version: str = ""  # Iglu only
    compiled: bool = False  # written by `trackplan compile`


def import_jsonschema(paths: Sequence[Path], findings: Findings) -> ImportedPlan:
    """JSON Schema files and folders → an imported plan; problems go to `findings`."""
    candidates: list[_Candidate] = []
    plan_name = ""
    for root, file, explicit in find_schema_files(paths):
        shown = display_path(file)
        data = _read(file, shown, explicit, findings.for_file(shown))
        if data is _UNREADABLE:
            continue
        if _is_index(file, data):
            plan_name = str(data.get("plan") or "")
            continue
        found = _classify(data, file, root, shown, findings.for_file(shown))
        if found is not None:
            candidates.append(found)
    candidates = _rename_collisions(_newest_versions(candidates, findings), findings)
    builder = PlanBuilder(findings)
    for found in candidates:
        builder.add(_section(found, findings.for_file(found.file)), origin=found.file)
    if not plan_name and len(paths) == 1 and paths[0].is_dir():
        plan_name = paths[0].resolve().name
    return builder.build(plan_name, _shown_sources(paths), JSON_SCHEMAS)


def find_schema_files(paths: Sequence[Path]) -> list[tuple[Path, Path, bool]]:
    """(folder given, file, given by name) for every schema file, sorted within each folder."""
    out: list[tuple[Path, Path, bool]] = []
    for path in paths:
        if not path.exists():
            raise TrackplanError(f"{display_path(path)}: no such file or folder")
        if path.is_file():
            out.append((path.parent, path, True))
            continue
        found = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in (".json", "")
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise TrackplanError(
                f"{display_path(path)}: the folder holds no JSON Schema files (*.json, or Iglu's"
                " suffix-less version files)"
            )
        out += [(path, p, False) for p in found]
    return out


_UNREADABLE: Any = object()


def _read(file: Path, shown: str, explicit: bool, findings: Findings) -> Any:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise TrackplanError(f"{shown}: cannot read the file ({exc.strerror or exc})") from exc
    try:
        return parse_json(decode_text(raw, shown), shown)
    except TrackplanError as exc:
        if explicit or file.suffix:
            raise
        findings.add(SKIPPED, f"skipped a file that is not JSON ({exc})")
        return _UNREADABLE


def _is_index(file: Path, data: Any) -> bool:
    return (
        file.name == INDEX_FILE
        and isinstance(data, Mapping)
        and isinstance(data.get("schemas"), list)
    )


def _classify(
    data: Any, file: Path, root: Path, shown: str, findings: Findings
) -> _Candidate | None:
    under = file.relative_to(root)
    relative = (under.with_suffix("") if file.suffix else under).as_posix()
    if not isinstance(data, Mapping):
        findings.add(SKIPPED, "skipped: the file is not a JSON Schema object")
        return None
    compiled = _compiled_kind(data)
    if compiled is not None:
        kind, name = compiled
        return _Candidate(shown, relative, kind, name, data, compiled=True)
    self_desc = data.get("self")
    if isinstance(self_desc, Mapping) and isinstance(self_desc.get("name"), str):
        return _Candidate(
            shown,
            relative,
            Kind.TRACK,
            self_desc["name"],
            data,
            vendor=str(self_desc.get("vendor", "")),
            version=str(self_desc.get("version", "")),
        )
    kind_ok = data.get("type") in (None, "object") or (
        isinstance(data.get("type"), list) and "object" in data["type"]
    )
    if not kind_ok or not ("properties" in data or "type" in data or "$schema" in data):
        plan_like = "rules" in data or "events" in data
        findings.add(
            SKIPPED,
            "skipped: the file is not a JSON Schema of an object",
            hint="it looks like a tracking plan: use `trackplan import segment` or `rudderstack`"
            if plan_like
            else "",
        )
        return None
    title = data.get("title")
    name = title.strip() if isinstance(title, str) and title.strip() else file.name
    if name == file.name and file.suffix:
        name = file.stem
    return _Candidate(shown, relative, Kind.TRACK, name, data)


def _compiled_kind(data: Mapping[str, Any]) -> tuple[Kind, str] | None:
    """(kind, name) of a whole-message schema `trackplan compile` wrote, else None."""
    props = data.get("properties")
    if not isinstance(props, Mapping):
        return None
    kind_rule = props.get("type")
    if not isinstance(kind_rule, Mapping) or kind_rule.get("const") not in MESSAGE_KINDS:
        return None
    kind = MESSAGE_KINDS[kind_rule["const"]]
    name_key = "event" if kind is Kind.TRACK else "name"
    name_rule = props.get(name_key)
    name = name_rule.get("const") if isinstance(name_rule, Mapping) else None
    if kind is Kind.TRACK and not isinstance(name, str):
        return None
    if kind in (Kind.IDENTIFY, Kind.GROUP) or not isinstance(name, str):
        name = ""
    return kind, name


def _newest_versions(candidates: list[_Candidate], findings: Findings) -> list[_Candidate]:
    """Of several versions of one Iglu vendor/name, the newest."""
    newest: dict[tuple[str, str], _Candidate] = {}
    for found in candidates:
        if not found.vendor:
            continue
        key = (found.vendor, found.name)
        best = newest.get(key)
        if best is None or rank_version(found.version) > rank_version(best.version):
            newest[key] = found
    kept = []
    for found in candidates:
        best = newest.get((found.vendor, found.name)) if found.vendor else None
        if best is None or best is found:
            kept.append(found)
            continue
        findings.for_file(found.file).add(
            NAME_COLLISION,
            f"{found.vendor}/{found.name} version {found.version} is skipped; version"
            f" {best.version} ({best.file}) is newer",
            event=found.name,
            hint="import the older version on its own if you need it",
        )
    return kept


def _rename_collisions(candidates: list[_Candidate], findings: Findings) -> list[_Candidate]:
    """Events that claim one name are all renamed: `vendor/name` (Iglu) or their path."""
    users: dict[str, int] = {}
    for found in candidates:
        if found.kind is Kind.TRACK:
            users[found.name] = users.get(found.name, 0) + 1
    out = []
    for found in candidates:
        if found.kind is not Kind.TRACK or users[found.name] < 2:
            out.append(found)
            continue
        new_name = f"{found.vendor}/{found.name}" if found.vendor else found.relative
        findings.for_file(found.file).add(
            NAME_COLLISION,
            f"event name {found.name!r} is claimed by {users[found.name]} schemas;"
            f" this one is imported as {new_name!r}",
            event=found.name,
            hint="rename the event in the plan if another name suits it better",
        )
        out.append(replace(found, name=new_name))
    return out


def _section(found: _Candidate, findings: Findings) -> ImportedSection:
    schema = found.schema
    if found.compiled:
        part = "traits" if found.kind in (Kind.IDENTIFY, Kind.GROUP) else "properties"
        body = schema["properties"].get(part, {})
        description = schema.get("description")
        return read_section(
            found.kind,
            found.name,
            body,
            f"properties.{part}",
            findings,
            description=description if isinstance(description, str) else "",
            detect_message=False,
        )
    return read_section(found.kind, found.name, schema, "", findings, detect_message=False)


def _shown_sources(paths: Sequence[Path]) -> str:
    return ", ".join(display_path(p) for p in paths)
