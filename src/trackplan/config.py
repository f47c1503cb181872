"""`[tool.trackplan]` in pyproject.toml or trackplan.toml, found by walking up → one frozen Settings."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from trackplan.diagnostics import FailOn, Severity, TrackplanError
from trackplan.naming import did_you_mean

CONFIG_FILE = "trackplan.toml"
PYPROJECT = "pyproject.toml"
KEYS = (
    "plan",
    "schemas",
    "fixtures",
    "logs",
    "sources",
    "diff-base",
    "select",
    "ignore",
    "fail-on",
    "severity",
    "baseline",
    "scan",
)
SCAN_KEYS = ("sdks", "wrappers", "exclude")
WRAPPER_KEYS = ("function", "event", "properties", "type")
CALL_TYPES = ("track", "identify", "page", "screen", "group")
E = TypeVar("E", FailOn, Severity)


@dataclass(frozen=True)
class Wrapper:
    """A team's own tracking function for `scan`: `trackEvent('X', props)`.

    `event` and `properties` are the argument positions (0-based) or keyword names.
    """

    function: str
    event: int | str = 0
    properties: int | str = 1
    type: str = "track"


@dataclass(frozen=True)
class Settings:
    """Everything a command needs from configuration, paths already made absolute."""

    root: Path = field(default_factory=Path.cwd)
    config_file: str = ""
    plan: Path = Path("plans")
    schemas: Path = Path("schemas")
    fixtures: tuple[Path, ...] = ()
    logs: tuple[Path, ...] = ()
    sources: tuple[Path, ...] = ()
    diff_base: str = ""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: FailOn = FailOn.ERROR
    severity: Mapping[str, Severity] = field(default_factory=dict)
    baseline: Path | None = None
    sdks: tuple[str, ...] = ()
    wrappers: tuple[Wrapper, ...] = ()
    exclude: tuple[str, ...] = ()
    # The keys the config file sets, so `check` can tell "configured" from "default".
    configured: frozenset[str] = frozenset()

    def override(self, **changes: Any) -> Settings:
        """Command-line values win over the file; None means "not given"."""
        given = {k: v for k, v in changes.items() if v is not None and v != ()}
        return replace(self, **given) if given else self


def find_config(start: Path) -> Path | None:
    """The nearest trackplan.toml, or pyproject.toml with a [tool.trackplan] table, walking up."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load_settings(config: Path | None = None, cwd: Path | None = None) -> Settings:
    """Settings from `config` (or the one found from `cwd`), defaults where there is none."""
    start = (cwd or Path.cwd()).resolve()
    path = config if config is not None else find_config(start)
    if path is None:
        return Settings(root=start, plan=start / "plans", schemas=start / "schemas")
    if not path.is_file():
        raise TrackplanError(f"{path.as_posix()}: no such config file")
    table = _read_table(path)
    return parse_settings(table, path.resolve().parent, path.as_posix())


def parse_settings(table: Mapping[str, Any], root: Path, shown: str) -> Settings:
    """Check the keys and value types of a config table (unknown keys are errors)."""
    _check_keys(table, KEYS, shown, "[tool.trackplan]")
    scan = table.get("scan", {})
    if not isinstance(scan, dict):
        raise TrackplanError(f"{shown}: `scan` must be a table")
    _check_keys(scan, SCAN_KEYS, shown, "[tool.trackplan.scan]")
    return Settings(
        root=root,
        config_file=shown,
        plan=root / _text(table, "plan", shown, "plans"),
        schemas=root / _text(table, "schemas", shown, "schemas"),
        fixtures=tuple(root / p for p in _texts(table, "fixtures", shown)),
        logs=tuple(root / p for p in _texts(table, "logs", shown)),
        sources=tuple(root / p for p in _texts(table, "sources", shown)),
        diff_base=_text(table, "diff-base", shown, ""),
        select=tuple(_texts(table, "select", shown)),
        ignore=tuple(_texts(table, "ignore", shown)),
        fail_on=_choice(table, "fail-on", shown, FailOn, FailOn.ERROR),
        severity=_severities(table.get("severity", {}), shown),
        baseline=(root / table["baseline"]) if "baseline" in table else None,
        sdks=tuple(_texts(scan, "sdks", shown)),
        wrappers=tuple(_wrapper(w, shown) for w in _list(scan, "wrappers", shown)),
        exclude=tuple(_texts(scan, "exclude", shown)),
        configured=frozenset(table),
    )


def split_codes(values: Sequence[str] | None) -> tuple[str, ...] | None:
    """`--select TP2,TP301 --select TP4` → ("TP2", "TP301", "TP4"); None when not given."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TrackplanError(f"{path.as_posix()}: invalid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TrackplanError(f"{path.as_posix()}: cannot read the config file ({exc})") from exc
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("trackplan", {})
    else:
        table = data.get("tool", {}).get("trackplan", data)
    if not isinstance(table, dict):
        raise TrackplanError(f"{path.as_posix()}: [tool.trackplan] must be a table")
    return table


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        # A broken pyproject.toml that mentions us is still ours: report it when read.
        try:
            return "[tool.trackplan" in pyproject.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    tool = data.get("tool", {})
    return isinstance(tool, dict) and "trackplan" in tool


def _check_keys(table: Mapping[str, Any], known: Sequence[str], shown: str, where: str) -> None:
    for key in table:
        if key not in known:
            guess = did_you_mean(key, list(known)) or did_you_mean(
                key.replace("_", "-"), list(known)
            )
            hint = f"; did you mean {guess!r}?" if guess else f"; known keys: {', '.join(known)}"
            raise TrackplanError(f"{shown}: unknown key {key!r} in {where}{hint}")


def _text(table: Mapping[str, Any], key: str, shown: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise TrackplanError(f"{shown}: `{key}` must be a string")
    return value


def _list(table: Mapping[str, Any], key: str, shown: str) -> list[Any]:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise TrackplanError(f"{shown}: `{key}` must be a list")
    return value


def _texts(table: Mapping[str, Any], key: str, shown: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TrackplanError(f"{shown}: `{key}` must be a list of strings")
    return value


def _choice(table: Mapping[str, Any], key: str, shown: str, choices: type[E], default: E) -> E:
    value = table.get(key)
    if value is None:
        return default
    allowed = [c.value for c in choices]
    if value not in allowed:
        raise TrackplanError(f"{shown}: `{key}` is {value!r}; use one of {', '.join(allowed)}")
    return choices(value)


def _severities(table: Any, shown: str) -> dict[str, Severity]:
    if not isinstance(table, dict):
        raise TrackplanError(f"{shown}: `severity` must be a table of code = severity")
    allowed = [s.value for s in Severity]
    out = {}
    for code, value in table.items():
        if value not in allowed:
            raise TrackplanError(
                f"{shown}: severity of {code} is {value!r}; use one of {', '.join(allowed)}"
            )
        out[code.upper()] = Severity(value)
    return out


def _wrapper(item: Any, shown: str) -> Wrapper:
    if not isinstance(item, dict) or "function" not in item:
        raise TrackplanError(f"{shown}: each `scan.wrappers` entry needs a `function` name")
    _check_keys(item, WRAPPER_KEYS, shown, "a [[tool.trackplan.scan.wrappers]] entry")
    kind = item.get("type", "track")
    if kind not in CALL_TYPES:
        raise TrackplanError(
            f"{shown}: wrapper `type` is {kind!r}; use one of {', '.join(CALL_TYPES)}"
        )
    for key in ("event", "properties"):
        if key in item and not isinstance(item[key], int | str):
            raise TrackplanError(f"{shown}: wrapper `{key}` must be an argument position or name")
    return Wrapper(
        function=str(item["function"]),
        event=item.get("event", 0),
        properties=item.get("properties", 1),
        type=kind,
    )
