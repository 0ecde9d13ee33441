"""What ``plan --against`` writes (changes.json) and prints (the changes table)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import orjson

from .against import Deployed
from .changes import Changes
from .render import table

DESTRUCTIVE_MARK = "!!"


def write_changes_json(changes: Changes, path: Path) -> None:
    """changes.json as docs/architecture.md ("Plan") shapes it: summary, then each non-identical
    resource by URN."""
    path.write_bytes(orjson.dumps(changes.as_json(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


def changes_title(changes: Changes, deployed: Deployed) -> str:
    counts = ", ".join(f"{count} {action}" for action, count in changes.summary.items())
    also = sum(bool(change.updated_in_place) for change in changes.changes)
    if also:
        counts += f" ({also} held also updated in place)"
    return f"Changes against {deployed.path} ({deployed.kind}): {counts}"


@dataclass(frozen=True)
class ChangeRow:
    """One row of the printed table: a change, or the in-place part of a held one."""

    destructive: bool
    action: str
    type: str
    resource: str
    fields: list[str]
    reason: str


def change_rows(changes: Changes) -> list[ChangeRow]:
    """A row per change; a held change that is also updated in place gets a second, ``update`` row
    naming those fields, so that the table never shows a WorkSpace as untouched that an update restarts."""
    rows = []
    for change in changes.changes:
        kind = change.type.rsplit(":", 1)[-1]
        if change.updated_in_place:
            held = ", ".join(change.held)
            rows.append(
                ChangeRow(False, change.action, kind, change.name, list(change.held), change.held_reason)
            )
            rows.append(
                ChangeRow(
                    False,
                    "update",
                    kind,
                    change.name,
                    change.updated_in_place,
                    f"updated in place ({held} held)",
                )
            )
        else:
            rows.append(
                ChangeRow(change.destructive, change.action, kind, change.name, change.fields, change.reason)
            )
    return rows


def changes_lines(changes: Changes) -> list[str]:
    """The table, destructive rows marked; field names only, never values (secrets stay secret)."""
    if not changes.changes:
        return ["no change"]
    cells = [
        (
            DESTRUCTIVE_MARK if row.destructive else "",
            row.action,
            row.type,
            row.resource,
            ", ".join(row.fields) or "-",
            row.reason,
        )
        for row in change_rows(changes)
    ]
    lines = table(("", "ACTION", "TYPE", "RESOURCE", "FIELDS", "REASON"), cells)
    destructive = len(changes.destructive)
    if destructive:
        lines.append(
            f"{DESTRUCTIVE_MARK} {destructive} destructive change{'s' * (destructive != 1)}: "
            "data is lost or shared resources break (exit 4)"
        )
    else:
        lines.append("no destructive change")
    return lines
