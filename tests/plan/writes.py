"""What the tests of plan's output directory share: a byte-for-byte picture of a directory, and a disk
that fills up while plan writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from encrypted_workspaces.plan import output_dir


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory``, byte for byte (and every directory, as such)."""
    return {
        str(p.relative_to(directory)): p.read_bytes() if p.is_file() else b"<dir>"
        for p in sorted(directory.rglob("*"))
    }


def fill_the_disk_while_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    """plan's next write fails half-way, as on a full disk: plan.json half written in the staging
    directory, then ENOSPC."""
    original = output_dir.write_atomically

    def failing(directory, write):
        def half(staging):
            (staging / "plan.json").write_text("{half")
            raise OSError(28, "No space left on device")

        return original(directory, half)

    monkeypatch.setattr("encrypted_workspaces.plan.command.write_atomically", failing)
