"""Names one typo away from a name we know: what a "did you mean" suggests, for config namespaces and
keys. A typo in a key would otherwise be refused with only the list of keys allowed, and a typo in
the namespace would not be refused at all: Pulumi passes ``encrypted-workspace:alarms`` to no one.
"""

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(first: str, second: str) -> int:
    """The fewest single-character insertions, deletions, substitutions and swaps of two neighbours
    that turn ``first`` into ``second`` (the optimal string alignment distance)."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _normal(name: str) -> str:
    """A name as a typo leaves it the same: any case, ``_`` for ``-``."""
    return name.casefold().replace("_", "-")


def _edits_allowed(known: str) -> int:
    """One edit in a short name, two from 8 characters on: few enough that a suggestion is a typo of
    the name, not another word (``key`` and ``tags`` are 2 edits apart)."""
    return 1 if len(known) < 8 else 2


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name ``name`` is most likely a typo of, or None: equal but for case, ``_`` for ``-``
    or a missing ``-``, or within a few edits; the nearest wins, then the first in sorted order."""
    typed = _normal(name)
    candidates = []
    for candidate in sorted(known):
        target = _normal(candidate)
        if typed.replace("-", "") == target.replace("-", ""):
            distance = 0
        else:
            distance = edit_distance(typed, target)
            if distance > _edits_allowed(candidate):
                continue
        candidates.append((distance, candidate))
    return min(candidates)[1] if candidates else None
