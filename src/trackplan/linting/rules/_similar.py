"""Finding near-duplicate names among many without comparing every pair."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from trackplan.naming import are_near_duplicates, normalize_name, split_words


def near_duplicate_pairs(
    names: Sequence[str], exempt: Callable[[int, int], bool] | None = None
) -> Iterator[tuple[int, int, str]]:
    """(later, earlier, reason) for each name that resembles an earlier one, in order.

    Each name is reported once, against the earliest name it resembles; `exempt(a, b)`
    can excuse a pair. Candidates are
    names sharing a normalised key, or a key with one character deleted (every pair one
    edit apart shares one), so the work grows with the number of names, not its square;
    `naming.are_near_duplicates` has the last word on each candidate.
    """
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        for key in _keys(name):
            buckets[key].append(index)
    partners: dict[int, set[int]] = defaultdict(set)
    for members in buckets.values():
        if len(members) > 1:
            for position, later in enumerate(members):
                partners[later].update(m for m in members[:position] if m != later)
    for later in sorted(partners):
        for earlier in sorted(partners[later]):
            if names[earlier] == names[later] or (exempt and exempt(earlier, later)):
                continue
            reason = are_near_duplicates(names[earlier], names[later])
            if reason is not None:
                yield later, earlier, reason
                break


def _keys(name: str) -> set[str]:
    plain = "".join(word.casefold() for word in split_words(name))
    folded = normalize_name(name)
    keys = {f"={plain}", f"={folded}"}
    keys.update(f"-{folded[:i]}{folded[i + 1 :]}" for i in range(len(folded)))
    keys.add(f"-{folded}")
    return keys
