"""What ``plan --against`` writes (changes.json) and prints (the changes table)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import orjson

from .against import Deployed
from .changes import Changes
from .grouping import counted, name_pattern, runs
from .report import Block, Paragraph, ReportSection, Table


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
    full_type: str
    resource: str
    fields: list[str]
    reason: str
    pattern: str  # the reason as it reads for any resource of the kind (a user's name as <user>)

    @property
    def type(self) -> str:
        """The type as the table names it: its last part (``Workspace``)."""
        return self.full_type.rsplit(":", 1)[-1]


def change_rows(changes: Changes) -> list[ChangeRow]:
    """A row per change; a held change that is also updated in place gets a second, ``update`` row
    naming those fields, so that the table never shows a WorkSpace as untouched that an update restarts."""
    rows = []
    for change in changes.changes:
        kind, name = change.type, change.name
        if change.updated_in_place:
            held = list(change.held)
            rows.append(
                ChangeRow(False, change.action, kind, name, held, change.held_reason, change.held_pattern)
            )
            in_place = f"updated in place ({', '.join(held)} held)"
            rows.append(ChangeRow(False, "update", kind, name, change.updated_in_place, in_place, in_place))
        else:
            pattern = change.held_pattern or change.reason
            rows.append(
                ChangeRow(
                    change.destructive, change.action, kind, name, change.fields, change.reason, pattern
                )
            )
    return rows


def _same_but_resource(row: ChangeRow) -> tuple | None:
    """What rows that differ only by resource share: action, type, fields, and the reason as it reads for
    any user; None for a destructive row."""
    if row.destructive:
        return None
    return row.action, row.full_type, tuple(row.fields), row.pattern


def changes_section(changes: Changes, deployed: Deployed, *, grouped: bool = False) -> ReportSection:
    return ReportSection(changes_title(changes, deployed), changes_blocks(changes, grouped=grouped))


def changes_blocks(changes: Changes, *, grouped: bool = False) -> list[Block]:
    """The table, destructive rows marked; field names only, never values (secrets stay secret).

    ``grouped``: more than GROUPED_ABOVE rows that differ only by resource (the creates of a fleet's
    first plan against an empty stack, a default bundle held for every user) are one row with their
    count. A destructive row is never grouped: each loss is named."""
    if not changes.changes:
        return [Paragraph("no change")]
    rows = change_rows(changes)
    entries = runs(rows, _same_but_resource) if grouped else rows
    cells, marked = [], []
    for entry in entries:
        if isinstance(entry, list):
            row = entry[0]
            resource = f"× {counted(len(entry))} ({name_pattern((r.resource for r in entry), row.full_type)})"
            reason = row.pattern
        else:
            row, resource, reason = entry, entry.resource, entry.reason
        cells.append((row.action, row.type, resource, ", ".join(row.fields) or "-", reason))
        marked.append(row.destructive)
    table = Table(("ACTION", "TYPE", "RESOURCE", "FIELDS", "REASON"), cells, tuple(marked))
    destructive = len(changes.destructive)
    closing = (
        Paragraph(
            f"{destructive} destructive change{'s' * (destructive != 1)}: "
            "data is lost or shared resources break (exit 4)",
            marked=True,
        )
        if destructive
        else Paragraph("no destructive change")
    )
    return [table, closing]
