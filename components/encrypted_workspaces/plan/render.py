"""What plan writes (plan.json, policies/*.json) and prints (the summary)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import orjson

from encrypted_workspaces.aws.types import WORKSPACE
from encrypted_workspaces.documents.lint import LINT_INSTALL, Finding
from encrypted_workspaces.exit_codes import EXIT_FINDINGS
from encrypted_workspaces.offline.mocks import assumption
from encrypted_workspaces.offline.recorder import Invoke, Registration
from encrypted_workspaces.offline.runner import Deployment

from .documents import PolicyDocument, PolicyLint
from .guardrails import GuardrailFinding
from .outcome import Outcome, workspaces_counted

OPTION_FLAGS = ("protect", "retainOnDelete", "deleteBeforeReplace")


def canonical(value: Any) -> Any:
    """Sorted keys, and whole numbers as integers (the engine's wire format makes every number a float).

    Sorted because the order in which the engine deserializes a property map is not guaranteed to be
    the same in two processes. Exact type checks: the engine only produces plain dicts and lists.
    """
    kind = type(value)
    if kind is dict:
        return {key: canonical(value[key]) for key in sorted(value)}
    if kind is list:
        return [canonical(item) for item in value]
    if kind is float and value.is_integer():
        return int(value)
    return value


def _resource_json(resource: Registration) -> dict[str, Any]:
    entry = resource.as_json()
    entry["inputs"] = canonical(entry["inputs"])
    return entry


def resource_entries(deployment: Deployment) -> list[dict[str, Any]]:
    """plan.json's resource entries: what is written, and what ``--against`` compares."""
    return [_resource_json(resource) for resource in deployment.resources]


def write_plan_json(deployment: Deployment, path: Path, entries: list[dict[str, Any]] | None = None) -> None:
    """plan.json as the contract shapes it: contract key order, sorted inputs and outputs, 2-space indent.

    orjson, because the standard encoder falls back to pure Python when indenting, which is most of
    the cost of writing a plan with thousands of WorkSpaces.
    """
    document = {
        "project": deployment.project,
        "stack": deployment.stack,
        "resources": resource_entries(deployment) if entries is None else entries,
        "outputs": canonical(deployment.outputs),
    }
    path.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


def write_policy_files(documents: Iterable[PolicyDocument], directory: Path) -> list[str]:
    """Each document pretty-printed as the stack sends it (statement and key order kept); the file names."""
    directory.mkdir(parents=True, exist_ok=True)
    names = []
    for doc in documents:
        name = f"{doc.resource_name}.json"
        (directory / name).write_text(json.dumps(doc.document, indent=2) + "\n", encoding="utf-8")
        names.append(name)
    return names


# --- the summary --------------------------------------------------------------------------------


def _flags(resource: Registration) -> str:
    options = resource.options
    flags = [flag for flag in OPTION_FLAGS if options.get(flag)]
    flags += [
        f"{stage} timeout {value}" for stage, value in sorted(options.get("customTimeouts", {}).items())
    ]
    if options.get("ignoreChanges"):
        flags.append(f"ignores {len(options['ignoreChanges'])} properties")
    if options.get("dependsOn"):
        flags.append(f"after {len(options['dependsOn'])}")
    if options.get("import"):
        flags.append(f"import {options['import']}")
    return f"  [{', '.join(flags)}]" if flags else ""


def resource_tree(resources: list[Registration]) -> list[str]:
    children: dict[str, list[Registration]] = defaultdict(list)
    for resource in resources:
        children[resource.parent].append(resource)
    lines: list[str] = []

    def walk(parent: str, prefix: str) -> None:
        kids = sorted(children.get(parent, []), key=lambda r: (r.name, r.type))
        for index, resource in enumerate(kids):
            last = index == len(kids) - 1
            branch = "" if not parent else ("└─ " if last else "├─ ")
            lines.append(f"{prefix}{branch}{resource.type}  {resource.name}{_flags(resource)}")
            walk(resource.urn, prefix + ("" if not parent else ("   " if last else "│  ")))

    walk("", "")
    return lines


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    return [
        "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    ]


@dataclass(frozen=True)
class WorkspaceRow:
    """One WorkSpace as the summary shows it: what a reviewer checks per user."""

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


def users_table(rows: list[WorkspaceRow]) -> list[str]:
    """The table of WorkSpaces; the key once above it when every WorkSpace has the same (the usual case)."""
    if not rows:
        return ["(no WorkSpaces)"]
    keys = {row.key for row in rows}
    one_key = len(keys) == 1
    header = ("USER", "BUNDLE", "COMPUTE", "RUNNING MODE", "AUTO-STOP MIN", "ROOT GIB", "USER GIB")
    header += ("ROOT ENCRYPTED", "USER ENCRYPTED") + (() if one_key else ("KEY",))
    cells = [
        (
            row.user,
            row.bundle,
            row.compute,
            row.running_mode,
            _number(row.auto_stop_minutes),
            _number(row.root_gib),
            _number(row.user_gib),
            "yes" if row.root_encrypted else "NO",
            "yes" if row.user_encrypted else "NO",
        )
        + (() if one_key else (row.key,))
        for row in rows
    ]
    above = [f"key of every WorkSpace: {keys.pop()}"] if one_key else []
    return above + table(header, cells)


def findings_lines(lint: PolicyLint, blocking_severity: str) -> list[str]:
    if lint.skipped is not None:
        return [f"skipped: {lint.skipped}; the documents are written unlinted; to lint them: {LINT_INSTALL}"]
    lines = [f.line() for f in lint.findings if not f.accepted]
    accepted: dict[tuple[str, str], list[Finding]] = {}
    for finding in lint.findings:
        if (because := finding.accepted_because) is not None:
            accepted.setdefault((finding.issue, because), []).append(finding)
    for (issue, because), findings in accepted.items():
        documents = ", ".join(sorted({f.document for f in findings}))
        lines.append(f"accepted: {len(findings)} {issue} in {documents} ({because})")
    if not lint.blocking(blocking_severity):
        lines.append(f"no finding of {blocking_severity} or higher")
    return lines


# At most this many users or resources are named under a guardrail finding, because a fleet's names
# would bury the summary; the count is always said.
NAMED_AT_MOST = 50
_NAMES_PER_LINE = 10


def _names(label: str, names: tuple[str, ...]) -> list[str]:
    """``names`` after ``label``, a few to a line, at most NAMED_AT_MOST of them."""
    shown = list(names[:NAMED_AT_MOST])
    if len(names) > len(shown):
        shown.append(f"and {len(names) - len(shown)} more")
    rows = [", ".join(shown[i : i + _NAMES_PER_LINE]) for i in range(0, len(shown), _NAMES_PER_LINE)]
    prefixes = [label] + [" " * len(label)] * (len(rows) - 1)
    return [
        prefix + row + ("," if index < len(rows) - 1 else "")
        for index, (prefix, row) in enumerate(zip(prefixes, rows, strict=True))
    ]


def guardrail_lines(findings: list[GuardrailFinding]) -> list[str]:
    """Each finding once: on one resource, named in the line; on several, counted, then named below it."""
    if not findings:
        return ["no violation"]
    lines = []
    for finding in findings:
        head = f"{finding.enforcement:<9} {finding.rule}  "
        if len(finding.resources) == 1:
            lines.append(f"{head}{finding.resources[0]}: {finding.message}")
            continue
        if finding.only_workspaces:
            lines.append(f"{head}{workspaces_counted(finding)}: {finding.message}")
            lines += _names("  users: ", finding.users)
        else:
            lines.append(f"{head}{len(finding.resources)} resources: {finding.message}")
            lines += _names("  resources: ", finding.resources)
    return lines


def outcome_line(outcome: Outcome) -> str:
    """The closing line: the exit code and why."""
    line = f"Exit {outcome.code}: {', '.join(outcome.because)}"
    if outcome.also:
        line += f"; also {', '.join(outcome.also)}, which alone would exit {EXIT_FINDINGS}"
    return line


def assumption_lines(invokes: Iterable[Invoke]) -> list[tuple[str, list[str]]]:
    """The section that says what the offline engine assumed for each look-up; none without look-ups."""
    lines = [line for i in invokes if (line := assumption(i.token, i.args, i.answer))]
    return [(f"Assumed offline ({len(lines)} look-ups)", lines)] if lines else []


Section = tuple[str, list[str]]


def write_summary(
    out: TextIO,
    *,
    deployment: Deployment,
    region: str,
    account_id: str,
    lint: PolicyLint,
    blocking_severity: str,
    written: list[Path],
    outcome: Outcome,
    extra_sections: Iterable[Section] = (),
) -> None:
    """The summary: a heading, the sections (title, lines), then the closing line."""
    sections: list[Section] = [
        (f"Resources ({len(deployment.resources)})", resource_tree(deployment.resources)),
        (
            f"WorkSpaces ({sum(r.type == WORKSPACE for r in deployment.resources)})",
            users_table(workspace_rows(deployment.resources)),
        ),
        ("Outputs", json.dumps(canonical(deployment.outputs), indent=2).splitlines()),
        ("Policy findings (parliament, policy_sentry)", findings_lines(lint, blocking_severity)),
        *extra_sections,
        ("Wrote", [str(path) for path in written]),
    ]
    out.write(f"Plan of {deployment.project}/{deployment.stack} in {region}, account {account_id}\n")
    for title, lines in sections:
        out.write(f"\n{title}\n")
        out.writelines(f"  {line}\n" for line in lines)
    out.write(f"\n{outcome_line(outcome)}\n")
