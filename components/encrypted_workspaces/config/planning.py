"""Reading the config under ``plan``: what validation could not check, or only warns about, is
noted for plan to print (``planning``), rather than logged to an engine that plan does not have."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from contextvars import ContextVar

# The notes of the plan that is running; None outside plan.
_NOTES: ContextVar[list[str] | None] = ContextVar("encrypted_workspaces_plan_notes", default=None)


@contextlib.contextmanager
def planning() -> Iterator[list[str]]:
    """Within: the config is plan's (secure values are placeholders it cannot decrypt); the lines
    validation notes are collected in the list this yields, each once, in the order noted."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def is_planning() -> bool:
    return _NOTES.get() is not None


def note(lines: Iterable[str]) -> bool:
    """Note ``lines`` for the plan that is running; False (nothing noted) outside plan."""
    notes = _NOTES.get()
    if notes is None:
        return False
    notes.extend(line for line in lines if line not in notes)
    return True
