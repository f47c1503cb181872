"""Recognising string formats in observed values: date-time, date, email, uri and uuid.

Each check is at least as strict as the format checker a JSON Schema validator applies to the
compiled plan, so a format drafted from a log never makes that same log fail validation.
A property keeps a format only while every one of its string values matches it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

DATE_TIME = 1
DATE = 2
EMAIL = 4
URI = 8
UUID = 16
ALL_FORMATS = DATE_TIME | DATE | EMAIL | URI | UUID

_DATE = r"(?!0000)(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"  # year 0 is no date
_DATE_TIME_RE = re.compile(
    _DATE + r"T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)",
    re.ASCII,
)
_DATE_RE = re.compile(_DATE, re.ASCII)
# One @, no spaces, a dot in the domain: stricter than any validator's email check.
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
# An absolute URI with an authority ("https://…"), following RFC 3986's grammar
# (IP-literal hosts aside).
_PCT = r"%[0-9A-Fa-f]{2}"
_SUB = r"A-Za-z0-9\-._~!$&'()*+,;="
_PCHAR = rf"(?:[{_SUB}:@]|{_PCT})"
_URI_RE = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.-]*://(?:(?:[{_SUB}:]|{_PCT})*@)?(?:[{_SUB}]|{_PCT})*(?::\d*)?"
    rf"(?:/{_PCHAR}*)*(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?",
    re.ASCII,
)
_UUID_RE = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", re.ASCII
)


def _is_real_date(match: re.Match[str]) -> bool:
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    return day <= 28 or day <= calendar.monthrange(year, month)[1]


def _is_date_time(value: str) -> bool:
    match = _DATE_TIME_RE.fullmatch(value)
    return match is not None and _is_real_date(match)


def _is_date(value: str) -> bool:
    match = _DATE_RE.fullmatch(value)
    return match is not None and _is_real_date(match)


def _is_email(value: str) -> bool:
    return _EMAIL_RE.fullmatch(value) is not None


def _is_uri(value: str) -> bool:
    return _URI_RE.fullmatch(value) is not None


def _is_uuid(value: str) -> bool:
    return _UUID_RE.fullmatch(value) is not None


_CHECKS: tuple[tuple[int, Callable[[str], bool]], ...] = (
    (DATE_TIME, _is_date_time),
    (DATE, _is_date),
    (EMAIL, _is_email),
    (URI, _is_uri),
    (UUID, _is_uuid),
)
# The plan's name of each format, most specific first: the order a draft picks one in.
FORMAT_NAMES: tuple[tuple[int, str], ...] = (
    (UUID, "uuid"),
    (DATE_TIME, "date-time"),
    (DATE, "date"),
    (EMAIL, "email"),
    (URI, "uri"),
)


def match_formats(value: str, alive: int) -> int:
    """The formats of `alive` (a bit set) that `value` still matches."""
    for bit, check in _CHECKS:
        if alive & bit and not check(value):
            alive &= ~bit
    return alive


def format_name(alive: int) -> str | None:
    """The plan's name of the most specific format left in `alive`, or None."""
    return next((name for bit, name in FORMAT_NAMES if alive & bit), None)
