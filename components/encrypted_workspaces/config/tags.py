"""``encrypted-workspaces:tags`` across its keys: what no single tag shows (base.py checks each tag)."""

from __future__ import annotations

from collections.abc import Mapping

# The component's own tag, declared with the tag types (base.py); the component imports it from here.
from .base import OWNER_TAG
from .problems import shown

__all__ = ["OWNER_TAG", "tags_problems"]


def tags_problems(tags: Mapping[str, str]) -> list[tuple[str, str]]:
    """(key path, message) for tag keys that IAM would take for one another."""
    problems = []
    folded: dict[str, str] = {}
    for key in tags:
        first = folded.setdefault(key.casefold(), key)
        if first != key:
            problems.append(
                (
                    f"tags.{key}",
                    f"differs from {shown(first)} only in case: IAM tag keys are case-insensitive, so IAM "
                    "refuses both on one resource",
                )
            )
    return problems
