"""What ``plan --against`` writes (changes.json) and prints (the changes table)."""

from __future__ import annotations

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
    return f"Changes against {deployed.path} ({deployed.kind}): {counts}"


def changes_lines(changes: Changes) -> list[str]:
    """One row per change, destructive ones marked; field names only, never values (secrets stay secret)."""
    if not changes.changes:
        return ["no change"]
    rows = [
        (
            DESTRUCTIVE_MARK if change.destructive else "",
            change.action,
            change.type.rsplit(":", 1)[-1],
            change.name,
            ", ".join(change.fields) or "-",
            change.reason,
        )
        for change in changes.changes
    ]
    lines = table(("", "ACTION", "TYPE", "RESOURCE", "FIELDS", "REASON"), rows)
    destructive = len(changes.destructive)
    if destructive:
        lines.append(
            f"{DESTRUCTIVE_MARK} {destructive} destructive change{'s' * (destructive != 1)}: "
            "data is lost or shared resources break (exit 4)"
        )
    else:
        lines.append("no destructive change")
    return lines
