"""Preflight's report: the contract's JSON for machines, or for people a table (blockers first), what
was not checked and why, and a verdict line saying what to do."""

from __future__ import annotations

import json
from typing import TextIO

from .checks import Verdict
from .stack import PreflightStack

COLUMNS = ("SEVERITY", "CHECK", "RESOURCE", "MESSAGE")
CHECKED_KEYS = (
    "workspaces",
    "users",
    "creates",
    "subnets",
    "directories",
    "bundles",
    "principals",
    "keys",
    "topics",
    "quotas",
)


def report_document(verdict: Verdict) -> dict:
    """``{"findings": [{"check", "resource", "severity", "message"}], "unchecked": [{"check", "reason"}],
    "checked": {...}}``."""
    return {
        "findings": [
            {"check": f.check, "resource": f.resource, "severity": f.severity, "message": f.message}
            for f in verdict.findings
        ],
        "unchecked": [{"check": u.check, "reason": u.reason} for u in verdict.unchecked],
        "checked": {key: verdict.checked[key] for key in CHECKED_KEYS},
    }


def write_json(out: TextIO, verdict: Verdict) -> None:
    out.write(json.dumps(report_document(verdict), indent=2) + "\n")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def verdict_lines(stack: PreflightStack, verdict: Verdict) -> list[str]:
    checked, blockers = verdict.checked, len(verdict.blockers)
    warnings = len(verdict.findings) - blockers
    summary = (
        f"Stack {stack.stack} in {stack.account_id}/{stack.region}: {_plural(checked['users'], 'user')}, "
        f"{_plural(checked['creates'], 'WorkSpace')} to create; {_plural(blockers, 'blocker')}, "
        f"{_plural(warnings, 'warning')}, {len(verdict.unchecked)} not checked."
    )
    if blockers:
        advice = "Not ready: `pulumi up` would fail. Fix each blocker as it says, then run preflight again."
    else:
        advice = "Ready: nothing found would stop `pulumi up`."
        if warnings:
            advice += " Read the warnings before the next wave."
    return [summary, advice]


def write_text(out: TextIO, stack: PreflightStack, verdict: Verdict) -> None:
    """One row per finding, columns as wide as their widest cell (the message last, unpadded)."""
    if verdict.findings:
        rows = [COLUMNS, *((f.severity, f.check, f.resource, f.message) for f in verdict.findings)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            out.write("  ".join([*cells, row[-1]]) + "\n")
        out.write("\n")
    if verdict.unchecked:
        # One line per reason: a call not answered leaves every check that needed it unchecked.
        checks_of: dict[str, list[str]] = {}
        for unchecked in verdict.unchecked:
            checks_of.setdefault(unchecked.reason, []).append(unchecked.check)
        out.write("Not checked:\n")
        for reason, checks in checks_of.items():
            out.write(f"  {', '.join(checks)}: {reason}\n")
        out.write("\n")
    out.write("\n".join(verdict_lines(stack, verdict)) + "\n")
