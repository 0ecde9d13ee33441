"""plan at fleet scale: what is the same is said once, with a count (issue 20, item 4).

Without ``--verbose``, a run of more than GROUPED_ABOVE lines of the summary that would say the same
thing but for a name (a WorkSpace in the resource tree, a row of the WorkSpaces table, a created
WorkSpace in the changes table) is printed as one line with their count; a map of the outputs with more
than GROUPED_ABOVE entries is printed as its size. plan.json, changes.json and ``--verbose`` keep every one.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, TypeVar

from encrypted_workspaces.aws.types import WORKSPACE

# Ten, because up to ten rows a reviewer still reads name by name, so the stacks in stacks/ (2 and 4
# users) and a pilot group print every WorkSpace as before, while a 5,000-user fleet, ~15,000 lines
# printed one by one, reads on a few screens.
GROUPED_ABOVE = 10
# At most this many rows are listed one by one in a grouped WorkSpaces table (after the counted ones),
# because a fleet in which hundreds of users have settings of their own must still fit on a few
# screens; the rest are counted in a closing line.
LISTED_AT_MOST = 100
# What stands for the part of the names that differs: for WorkSpaces, it is the user's name.
USER_PLACEHOLDER = "<user>"
NAME_PLACEHOLDER = "<name>"

Item = TypeVar("Item")


def counted(number: int) -> str:
    """``4,998``: thousands separated, as the rollout paragraph writes them."""
    return f"{number:,}"


def runs(items: Sequence[Item], key) -> list[Item | list[Item]]:
    """``items`` in their order, with each set of more than GROUPED_ABOVE that share ``key(item)`` (None
    for an item never grouped) as one list, placed where its first item was."""
    members: dict[Hashable, list[Item]] = {}
    for item in items:
        if (shared := key(item)) is not None:
            members.setdefault(shared, []).append(item)
    grouped = {shared for shared, group in members.items() if len(group) > GROUPED_ABOVE}
    placed: set[Hashable] = set()
    result: list[Item | list[Item]] = []
    for item in items:
        shared = key(item)
        if shared not in grouped:
            result.append(item)
        elif shared not in placed:
            placed.add(shared)
            result.append(members[shared])
    return result


def name_pattern(names: Iterable[str], resource_type: str) -> str:
    """``workspaces-workspace-<user>``: what the names have in common, whole words at either end, and a
    placeholder for the rest."""
    names = list(names)
    prefix = os.path.commonprefix(names)
    suffix = os.path.commonprefix([name[len(prefix) :][::-1] for name in names])[::-1]
    # Cut back to a separator, so that user0 of user00001 ... user04999 is not taken for a word.
    prefix = prefix[: max((prefix.rfind(sep) for sep in "-_.:/"), default=-1) + 1]
    starts = [suffix.find(sep) for sep in "-_.:/" if sep in suffix]
    suffix = suffix[min(starts) :] if starts else ""
    return prefix + (USER_PLACEHOLDER if resource_type == WORKSPACE else NAME_PLACEHOLDER) + suffix


def outputs_in_short(value: Any, path: str = "") -> Any:
    """The outputs with each object or list of more than GROUPED_ABOVE entries replaced by a string that
    says its size and where the entries are (``workspaceIds`` at fleet scale)."""
    if isinstance(value, dict | list) and len(value) > GROUPED_ABOVE:
        noun = "entries" if isinstance(value, dict) else "items"
        return f"<{counted(len(value))} {noun}: in plan.json (outputs.{path}); --verbose prints them>"
    if isinstance(value, dict):
        return {key: outputs_in_short(item, f"{path}.{key}" if path else key) for key, item in value.items()}
    return value
