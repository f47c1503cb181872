"""Structural checks of regular expressions: does it compile, can it backtrack catastrophically?"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

# `re._parser` is the parser behind `re.compile` (sre_parse before 3.11): it gives the
# pattern's structure, which is all the backtracking check needs. Private, but stable enough
# for a lint; any surprise in its output only means "no finding".
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Characters the set arithmetic is done over: enough to tell `_` from `[a-z]` or `\d`.
_ALPHABET = frozenset(chr(i) for i in range(128)) | frozenset("éßÅ€中\u00a0\u2028")
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
# An outer repeat allowing at least this many rounds makes nested ambiguity explode.
_MANY = 10

Chars = frozenset[str]


@cache
def compile_error(pattern: str) -> str | None:
    """Why Python's `re` rejects `pattern`, or None when it compiles."""
    try:
        re.compile(pattern)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        return f"{exc.msg}{where}"
    except (RecursionError, OverflowError, ValueError) as exc:
        return str(exc) or type(exc).__name__
    return None


@cache
def backtracking_problem(pattern: str) -> str | None:
    """What in `pattern` can make matching take exponential time, or None.

    Looks for a repeat (`+`, `*`, `{n,}`) whose body can match the same text in more than
    one way: another variable repeat not kept apart by a mandatory character it cannot
    match (`(a+)+`, `(\\w+\\s?)*`, `(.*a)+`), or alternatives that match the same text
    (`(a|a)*`). Possessive repeats and atomic groups never backtrack and are skipped.
    """
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    try:
        return _scan(list(parsed))
    except (TypeError, ValueError, RecursionError):
        return None


def _scan(items: Sequence[Any]) -> str | None:
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            _, high, body = av
            body = list(body)
            if high == sre.MAXREPEAT or high >= _MANY:
                problem = _ambiguity(body)
                if problem is not None:
                    return problem
            found = _scan(body)
        else:
            found = _scan_children(op, av)
        if found is not None:
            return found
    return None


def _scan_children(op: Any, av: Any) -> str | None:
    if op is sre.SUBPATTERN:
        return _scan(list(av[-1]))
    if op is sre.BRANCH:
        for alternative in av[1]:
            found = _scan(list(alternative))
            if found is not None:
                return found
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _scan(list(av[1]))
    return None


def _ambiguity(body: list[Any]) -> str | None:
    """Why one round of a repeated `body` can split the same text in several ways."""
    flat = _flatten(body)
    for op, av in flat:
        if op is sre.BRANCH:
            alternatives = [list(a) for a in av[1]]
            if _has_twins(alternatives):
                return "a repeated group has alternatives that match the same text"
            if any(_has_variable_repeat(a) for a in alternatives):
                return "a repeated group has an alternative that repeats too"
    inner = [item for item in flat if _is_variable_repeat(item)]
    if not inner:
        return None
    reach = _reach([item for repeat in inner for item in repeat[1][2]])
    others = [item for item in flat if not any(item is repeat for repeat in inner)]
    for separator in _mandatory_chars(others):
        if reach is not None and not (separator & reach):
            return None  # every round must pass a character the inner repeat cannot eat
    return "a repeated group contains another repeat that can match the same text"


def _flatten(items: Iterable[Any]) -> list[Any]:
    """The sequence with plain groups opened up: `(_[a-z]+)` → `_`, `[a-z]+`."""
    out: list[Any] = []
    for op, av in items:
        if op is sre.SUBPATTERN:
            out.extend(_flatten(av[-1]))
        else:
            out.append((op, av))
    return out


def _is_variable_repeat(item: Any) -> bool:
    op, av = item
    return op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] > 1 and av[0] != av[1]


def _has_variable_repeat(items: Iterable[Any]) -> bool:
    for op, av in items:
        if _is_variable_repeat((op, av)):
            return True
        if op is sre.SUBPATTERN and _has_variable_repeat(av[-1]):
            return True
        if op is sre.BRANCH and any(_has_variable_repeat(a) for a in av[1]):
            return True
    return False


def _has_twins(alternatives: list[list[Any]]) -> bool:
    """Two alternatives written alike, or two that can both match nothing."""
    seen: list[list[Any]] = []
    nullable = 0
    for alternative in alternatives:
        if any(alternative == other for other in seen):
            return True
        seen.append(alternative)
        nullable += _can_be_empty(alternative)
    return nullable > 1


def _can_be_empty(items: Iterable[Any]) -> bool:
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if av[0] > 0 and not _can_be_empty(av[2]):
                return False
        elif op is sre.SUBPATTERN:
            if not _can_be_empty(av[-1]):
                return False
        elif op is sre.BRANCH:
            if not any(_can_be_empty(a) for a in av[1]):
                return False
        elif op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return False
    return True


def _mandatory_chars(items: Iterable[Any]) -> list[Chars]:
    """The character sets every round must match once: single characters not optional."""
    out = []
    for op, av in items:
        chars = _single(op, av)
        if chars is None and op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            body = list(av[2])
            chars = _single(*body[0]) if len(body) == 1 else None
        if chars is not None:
            out.append(chars)
    return out


def _reach(items: Iterable[Any]) -> Chars | None:
    """Every character `items` could match (an over-estimate), or None when unknown."""
    out: set[str] = set()
    for op, av in items:
        chars = _single(op, av)
        if chars is not None:
            out |= chars
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            inner = _reach(av[2])
            if inner is None:
                return None
            out |= inner
        elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            inner = _reach(av[-1])
            if inner is None:
                return None
            out |= inner
        elif op is sre.BRANCH:
            for alternative in av[1]:
                inner = _reach(alternative)
                if inner is None:
                    return None
                out |= inner
        elif op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return None
    return frozenset(out)


def _single(op: Any, av: Any) -> Chars | None:
    """The characters a one-character matcher accepts, or None for anything else."""
    if op is sre.LITERAL:
        return frozenset(chr(av))
    if op is sre.NOT_LITERAL:
        return _ALPHABET - {chr(av)}
    if op is sre.ANY:
        return _ALPHABET - {"\n"}
    if op is sre.IN:
        return _in_set(av)
    return None


def _in_set(entries: Sequence[Any]) -> Chars | None:
    out: set[str] = set()
    negate = False
    for op, av in entries:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE:
            out |= {c for c in _ALPHABET if av[0] <= ord(c) <= av[1]}
        elif op is sre.CATEGORY:
            out |= _category(str(av))
        else:
            return None
    return frozenset(_ALPHABET - out) if negate else frozenset(out)


@cache
def _category(name: str) -> Chars:
    regex = re.compile(_CATEGORIES.get(name, r"[\s\S]"))
    return frozenset(c for c in _ALPHABET if regex.fullmatch(c))
