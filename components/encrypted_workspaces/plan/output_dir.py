"""The plan's output directory is plan's own: checked before anything runs, written whole or not at all.

DIR may be missing, empty or hold a previous plan (the files below, nothing else); anything else is
someone's work (``--out .``, ``--out stacks``, a file) and is refused before plan touches anything. A
new plan is written into a staging directory beside DIR and renamed into place, so DIR holds either
the previous plan or the new one, never half of one. A failed run removes the previous plan: a stale
plan must never be taken for this config's, unless that plan is the ``--against`` baseline (``holds``):
then a failed run leaves DIR byte for byte as it was, because the baseline is the record of what is
deployed, which the reviewer named and which no plan can recreate.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

PLAN_FILE, POLICIES_DIR = "plan.json", "policies"
# Written by `plan --against` only; plan's own like the rest, so no stale comparison outlives its plan.
CHANGES_FILE = "changes.json"
PLAN_FILES = frozenset({PLAN_FILE, CHANGES_FILE})


def _is_plan_entry(entry: Path) -> bool:
    if entry.is_symlink():
        return False
    if entry.name in PLAN_FILES:
        return entry.is_file()
    if entry.name == POLICIES_DIR and entry.is_dir():
        return all(
            child.suffix == ".json" and child.is_file() and not child.is_symlink()
            for child in entry.iterdir()
        )
    return False


def out_dir_problem(text: str) -> str | None:
    """Why ``--out`` cannot be plan's output directory, or None. Reads, never writes."""
    if text.strip() == "":
        return f"must name a directory for the plan (got {text!r})"
    directory = Path(text)
    try:
        if directory.resolve() == Path.cwd().resolve():
            return (
                f"is the current directory (got {text!r}); plan replaces what it writes, so it needs a "
                "directory of its own, such as build/plan/<stack>"
            )
        if directory.is_symlink():
            return f"is a symbolic link (got {text!r}); give the directory itself"
        if directory.exists() and not directory.is_dir():
            return f"is a file, not a directory (got {text!r})"
        if directory.is_dir():
            foreign = sorted(entry.name for entry in directory.iterdir() if not _is_plan_entry(entry))
            if foreign:
                shown = ", ".join(repr(name) for name in foreign[:3]) + (
                    " and more" if len(foreign) > 3 else ""
                )
                return (
                    f"holds {shown}, which no plan writes (got {text!r}); plan writes only into a "
                    "directory that is missing, empty or holds a previous plan"
                )
        else:
            ancestor = next((p for p in directory.absolute().parents if p.exists()), None)
            if ancestor is not None and not ancestor.is_dir():
                return f"cannot be created: {ancestor} is a file (got {text!r})"
    except OSError as error:
        return f"cannot be read ({error.strerror}) (got {text!r})"
    return None


def holds(directory: Path, path: Path) -> bool:
    """Whether ``path`` is ``directory`` or lies inside it, links resolved."""
    try:
        return path.resolve().is_relative_to(directory.resolve())
    except (OSError, RuntimeError):  # a symlink loop: it can hold no baseline plan reads
        return False


def remove_plan(directory: Path) -> None:
    """A failed plan leaves no plan in DIR: no stale plan that a reviewer could take for this one.

    Only plan's own files go (DIR was checked to hold nothing else); DIR goes too once it is empty.
    """
    if not directory.is_dir():
        return
    for entry in directory.iterdir():
        if _is_plan_entry(entry):
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    if not any(directory.iterdir()):
        directory.rmdir()


def write_atomically(directory: Path, write: Callable[[Path], None]) -> None:
    """Have ``write`` fill a staging directory beside ``directory``, then swap it into place."""
    directory = directory.absolute()
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}.new-"))
    try:
        write(staging)
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; DIR is an ordinary directory
        if directory.exists():
            retired = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}.old-"))
            os.replace(directory, retired)  # onto an empty directory: one rename
            try:
                os.replace(staging, directory)
            except BaseException:
                os.replace(retired, directory)
                raise
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
