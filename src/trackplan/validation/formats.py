"""String formats: the reference checker (draft-07's, plus `uuid`) and exact fast shortcuts.

jsonschema skips a format silently when the package behind it is missing (`date-time` needs
rfc3339-validator, `uri` needs rfc3986-validator) and draft-07 does not define `uuid` at all.
`format_checker()` holds the seven formats a plan may use and refuses to work without one of
them, so a plan's `format` is never ignored. It is built on first use: a log of well-formed
values never needs it, and jsonschema costs a worker process 11 MiB.

The fast predicates answer the common case with one precompiled regular expression that
accepts a subset of what the reference accepts, and ask the reference checker when it does
not match: `fast(s) or reference(s)` equals `reference(s)` for every string.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from trackplan.model import FORMATS

if TYPE_CHECKING:
    import jsonschema

FormatPredicate = Callable[[str], bool]


def _is_uuid(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    uuid.UUID(instance)
    return all(instance[position] == "-" for position in (8, 13, 18, 23))


@cache
def format_checker() -> jsonschema.FormatChecker:
    """jsonschema's checker of the formats a plan may use (built once, on first use)."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=[f for f in FORMATS if f != "uuid"])

    # draft-07 has no `uuid`: the check of later drafts (hyphens where RFC 4122 puts them).
    checker.checks("uuid", raises=ValueError)(_is_uuid)

    missing = sorted(set(FORMATS) - set(checker.checkers))
    if missing:
        raise RuntimeError(
            f"jsonschema cannot check the formats {', '.join(missing)}: install trackplan's"
            " dependencies (rfc3339-validator, rfc3986-validator)"
        )
    return checker


def __getattr__(name: str) -> Any:
    if name == "FORMAT_CHECKER":  # the module's former constant, for callers that import it
        return format_checker()
    raise AttributeError(name)


# Subsets of the reference grammars, each fully anchored (`\Z`: the reference's `$` also lets
# a final newline through, which the fallback then accepts).
_YEAR = r"(?!0000)[0-9]{4}"
_LEAP_YEAR = r"(?!0000)(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DATE = (
    rf"(?:{_YEAR}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    rf"|{_LEAP_YEAR}-02-29)"
)
_TIME = (
    r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
)
_URI_CHARS = r"[a-zA-Z0-9_.~!$&'()*+,;=:@/-]"
_FAST_PATTERNS = {
    "date-time": rf"{_DATE}T{_TIME}\Z",
    "date": rf"{_DATE}\Z",
    # scheme://host[:port][/path][?query][#fragment] without percent-escapes or user info.
    "uri": (
        r"[a-zA-Z][a-zA-Z0-9+.-]*://[a-zA-Z0-9_.~!$&'()*+,;=-]*(?::[0-9]*)?"
        rf"(?:/{_URI_CHARS}*)?(?:\?[a-zA-Z0-9_.~!$&'()*+,;=:@/?-]*)?"
        r"(?:#[a-zA-Z0-9_.~!$&'()*+,;=:@/?-]*)?\Z"
    ),
    "uuid": r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z",
    "ipv4": r"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}"
    r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\Z",
}


def reference_predicate(fmt: str) -> FormatPredicate:
    """The reference check of `fmt` (what jsonschema decides), as a predicate on strings."""

    def conforms(value: str) -> bool:
        return bool(format_checker().conforms(value, fmt))

    return conforms


def fast_matcher(fmt: str) -> Callable[[str], object] | None:
    """A regular expression's match (None on failure) for a subset of `fmt`'s valid strings.

    For `email` the reference check is itself a pattern: a string with an "@".
    """
    if fmt == "email":
        return re.compile("@").search
    pattern = _FAST_PATTERNS.get(fmt)
    return re.compile(pattern).match if pattern else None


def rfc3339_parser() -> Callable[[str], object]:
    """A parser that returns a true value or raises ValueError, for a subset of date-times.

    It is the optional `ciso8601` package's C `parse_rfc3339` (about 60 ns, a fifth of the
    regular expression), which also takes a space for the `T` and ordinal dates (`2024-061T…`),
    both refused by draft-07: callers must first require a `T` at index 10. With that guard,
    every string it accepts the reference accepts (fuzzed with 1.5 million mutated timestamps);
    what it refuses goes to `fast_predicate("date-time")`. Without the package: the fast regular
    expression, raising when it does not match.
    """
    try:
        from ciso8601 import parse_rfc3339
    except ImportError:  # pragma: no cover - ciso8601 is optional
        match = re.compile(_FAST_PATTERNS["date-time"]).match

        def by_pattern(value: str) -> object:
            if match(value) is None:
                raise ValueError(value)
            return True

        return by_pattern
    return parse_rfc3339


def fast_predicate(fmt: str) -> FormatPredicate:
    """A predicate equal to `reference_predicate(fmt)`, fast for the usual well-formed values."""
    reference = reference_predicate(fmt)
    if fmt == "email":
        # The reference itself: an address is a string with an "@".
        return lambda value: "@" in value
    pattern = _FAST_PATTERNS.get(fmt)
    if pattern is None:
        return reference
    match = re.compile(pattern).match

    def conforms(value: str) -> bool:
        return match(value) is not None or reference(value)

    return conforms
