"""The plan's output directory: written through a staging directory, and never left half-written."""

from __future__ import annotations

import shutil
from pathlib import Path

PLAN_FILE, POLICIES_DIR = "plan.json", "policies"
# Written by `plan --against` only; removed with the rest, so no stale comparison outlives its plan.
CHANGES_FILE = "changes.json"


def remove_plan_outputs(directory: Path, *, keep_directory: bool = False) -> None:
    """A failed plan leaves nothing in DIR: no stale plan that a reviewer could take for this one."""
    (directory / PLAN_FILE).unlink(missing_ok=True)
    (directory / CHANGES_FILE).unlink(missing_ok=True)
    shutil.rmtree(directory / POLICIES_DIR, ignore_errors=True)
    if not keep_directory and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()


def install(staging: Path, directory: Path) -> None:
    """Move a finished plan from ``staging`` into ``directory``, replacing the previous one."""
    directory.mkdir(parents=True, exist_ok=True)
    remove_plan_outputs(directory, keep_directory=True)
    (staging / PLAN_FILE).replace(directory / PLAN_FILE)
    (staging / POLICIES_DIR).replace(directory / POLICIES_DIR)
    if (staging / CHANGES_FILE).exists():
        (staging / CHANGES_FILE).replace(directory / CHANGES_FILE)
