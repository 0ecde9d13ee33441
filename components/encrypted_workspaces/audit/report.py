"""The audit's report: a text table for people, or the JSON of the audit contract for machines."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TextIO

from .checks import AuditFinding

COLUMNS = ("SEVERITY", "CHECK", "RESOURCE", "MESSAGE")


def report_document(findings: Sequence[AuditFinding], checked: Mapping[str, int]) -> dict:
    """``{"findings": [{"check", "resource", "severity", "message"}], "checked": {...}}``."""
    return {
        "findings": [
            {"check": f.check, "resource": f.resource, "severity": f.severity, "message": f.message}
            for f in findings
        ],
        "checked": {key: checked[key] for key in ("workspaces", "keys", "directories")},
    }


def write_json(out: TextIO, findings: Sequence[AuditFinding], checked: Mapping[str, int]) -> None:
    out.write(json.dumps(report_document(findings, checked), indent=2) + "\n")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary_line(findings: Sequence[AuditFinding], checked: Mapping[str, int], region: str) -> str:
    what = (
        f"{_plural(checked['workspaces'], 'WorkSpace')}, {_plural(checked['keys'], 'key')} and "
        f"{_plural(checked['directories'], 'directory').replace('directorys', 'directories')}"
    )
    verdict = _plural(len(findings), "finding") if findings else "no findings"
    return f"Checked {what} in {region}: {verdict}."


def write_text(
    out: TextIO, findings: Sequence[AuditFinding], checked: Mapping[str, int], region: str
) -> None:
    """One row per finding, columns as wide as their widest cell (the message last, unpadded)."""
    if findings:
        rows = [COLUMNS, *((f.severity, f.check, f.resource, f.message) for f in findings)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            out.write("  ".join([*cells, row[-1]]) + "\n")
        out.write("\n")
    out.write(summary_line(findings, checked, region) + "\n")
