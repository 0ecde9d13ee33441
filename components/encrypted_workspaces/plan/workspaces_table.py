"""The WorkSpaces of plan's summary: what a reviewer checks per user (bundle, compute, running mode,
auto-stop, volume sizes, encryption, key); at fleet scale, the users that share settings counted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from encrypted_workspaces.aws.types import WORKSPACE
from encrypted_workspaces.offline.recorder import Registration

from .grouping import GROUPED_ABOVE, LISTED_AT_MOST, counted, runs
from .render import canonical
from .report import Block, Paragraph, Table

HEADER = ("USER", "BUNDLE", "COMPUTE", "RUNNING MODE", "AUTO-STOP MIN", "ROOT GIB", "USER GIB")
HEADER += ("ROOT ENCRYPTED", "USER ENCRYPTED")


@dataclass(frozen=True)
class WorkspaceRow:
    """One WorkSpace as the summary shows it."""

    user: str
    bundle: str
    compute: str
    running_mode: str
    auto_stop_minutes: int | None  # AUTO_STOP only
    root_gib: int | None
    user_gib: int | None
    root_encrypted: bool
    user_encrypted: bool
    key: str


def workspace_rows(resources: list[Registration]) -> list[WorkspaceRow]:
    rows = []
    for workspace in (r for r in resources if r.type == WORKSPACE):
        inputs = workspace.inputs
        properties = inputs.get("workspaceProperties", {})
        rows.append(
            WorkspaceRow(
                user=inputs["userName"],
                bundle=inputs.get("bundleId", ""),
                compute=properties.get("computeTypeName", ""),
                running_mode=properties.get("runningMode", ""),
                auto_stop_minutes=properties.get("runningModeAutoStopTimeoutInMinutes"),
                root_gib=properties.get("rootVolumeSizeGib"),
                user_gib=properties.get("userVolumeSizeGib"),
                root_encrypted=bool(inputs.get("rootVolumeEncryptionEnabled")),
                user_encrypted=bool(inputs.get("userVolumeEncryptionEnabled")),
                key=inputs.get("volumeEncryptionKey") or "-",
            )
        )
    return sorted(rows, key=lambda row: row.user.lower())


def _number(value: int | float | None) -> str:
    return "-" if value is None else str(canonical(value))


def _settings(row: WorkspaceRow, with_key: bool) -> tuple[str, ...]:
    """The row's cells but the user's name: what two WorkSpaces with the same settings share."""
    cells = (
        row.bundle,
        row.compute,
        row.running_mode,
        _number(row.auto_stop_minutes),
        _number(row.root_gib),
        _number(row.user_gib),
        "yes" if row.root_encrypted else "NO",
        "yes" if row.user_encrypted else "NO",
    )
    return cells + ((row.key,) if with_key else ())


def workspaces_blocks(rows: list[WorkspaceRow], *, grouped: bool = False) -> list[Block]:
    """The table of WorkSpaces, the key once above it when every WorkSpace has the same (the usual case).

    ``grouped``: the users of each settings that more than GROUPED_ABOVE share are one row, counted,
    largest first; the others (the users with settings of their own) are listed by name after them, at
    most LISTED_AT_MOST, the rest counted below the table."""
    if not rows:
        return [Paragraph("(no WorkSpaces)")]
    keys = {row.key for row in rows}
    one_key = len(keys) == 1
    header = HEADER + (() if one_key else ("KEY",))
    above: list[Block] = [Paragraph(f"key of every WorkSpace: {next(iter(keys))}")] if one_key else []
    entries = runs(rows, lambda row: _settings(row, not one_key)) if grouped else rows
    if not any(isinstance(entry, list) for entry in entries):
        return [*above, Table(header, [(row.user, *_settings(row, not one_key)) for row in entries])]
    groups = sorted(
        (entry for entry in entries if isinstance(entry, list)),
        key=lambda group: (-len(group), _settings(group[0], not one_key)),
    )
    listed = [entry for entry in entries if not isinstance(entry, list)]
    cells = [(f"({counted(len(group))} users)", *_settings(group[0], not one_key)) for group in groups]
    cells += [(row.user, *_settings(row, not one_key)) for row in listed[:LISTED_AT_MOST]]
    below = [
        Paragraph(
            f"{counted(sum(map(len, groups)))} WorkSpaces counted, not named: those whose settings more than "
            f"{GROUPED_ABOVE} share; --verbose names each, plan.json has each"
        )
    ]
    if len(listed) > LISTED_AT_MOST:
        rest = listed[LISTED_AT_MOST:]
        kinds = len(Counter(_settings(row, not one_key) for row in rest))
        below.append(
            Paragraph(
                f"and {counted(len(rest))} more users, whose settings at most {GROUPED_ABOVE} share "
                f"({counted(kinds)} different settings), not listed: --verbose lists them, plan.json has each"
            )
        )
    return [*above, Table(header, cells), *below]
