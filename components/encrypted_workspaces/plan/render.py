"""What plan writes (plan.json, policies/*.json) and prints (the summary)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import orjson

from encrypted_workspaces.aws.types import WORKSPACE
from encrypted_workspaces.documents.lint import Finding
from encrypted_workspaces.offline.mocks import assumption
from encrypted_workspaces.offline.recorder import Invoke, Registration
from encrypted_workspaces.offline.runner import Deployment

from .documents import PolicyDocument

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


def users_table(resources: list[Registration]) -> list[str]:
    rows = []
    for workspace in sorted(
        (r for r in resources if r.type == WORKSPACE), key=lambda r: r.inputs["userName"].lower()
    ):
        inputs = workspace.inputs
        properties = inputs.get("workspaceProperties", {})
        rows.append(
            (
                inputs["userName"],
                inputs.get("bundleId", ""),
                properties.get("computeTypeName", ""),
                properties.get("runningMode", ""),
                "yes" if inputs.get("rootVolumeEncryptionEnabled") else "NO",
                "yes" if inputs.get("userVolumeEncryptionEnabled") else "NO",
                inputs.get("volumeEncryptionKey") or "-",
            )
        )
    header = ("USER", "BUNDLE", "COMPUTE", "RUNNING MODE", "ROOT ENCRYPTED", "USER ENCRYPTED", "KEY")
    return table(header, rows) if rows else ["(no WorkSpaces)"]


def findings_lines(findings: list[Finding], blocking_severity: str) -> list[str]:
    lines = [f.line() for f in findings if not f.accepted]
    accepted = [f for f in findings if f.accepted]
    if accepted:
        issues = ", ".join(sorted({f.issue for f in accepted}))
        documents = ", ".join(sorted({f.document for f in accepted}))
        lines.append(
            f"accepted: {len(accepted)} {issues} in {documents} "
            '(a key policy\'s "Resource": "*" means this key; AWS scopes the WorkSpaces admin policy to *)'
        )
    if not any(not f.accepted and f.at_least(blocking_severity) for f in findings):
        lines.append(f"no finding of {blocking_severity} or higher")
    return lines


def guardrail_lines(violations: list) -> list[str]:
    if not violations:
        return ["no violation"]
    return [violation.line() for violation in violations]


def assumption_lines(invokes: Iterable[Invoke]) -> list[tuple[str, list[str]]]:
    """The section that says what the offline engine assumed for each look-up; none without look-ups."""
    lines = [line for i in invokes if (line := assumption(i.token, i.args, i.answer))]
    return [(f"Assumed offline ({len(lines)} look-ups)", lines)] if lines else []


def write_summary(
    out: TextIO,
    *,
    deployment: Deployment,
    region: str,
    account_id: str,
    findings: list[Finding],
    blocking_severity: str,
    written: list[Path],
    extra_sections: Iterable[tuple[str, list[str]]] = (),
) -> None:
    def section(title: str, lines: list[str]) -> None:
        out.write(f"\n{title}\n")
        out.writelines(f"  {line}\n" for line in lines)

    out.write(f"Plan of {deployment.project}/{deployment.stack} in {region}, account {account_id}\n")
    section(f"Resources ({len(deployment.resources)})", resource_tree(deployment.resources))
    section(
        f"WorkSpaces ({sum(r.type == WORKSPACE for r in deployment.resources)})",
        users_table(deployment.resources),
    )
    outputs = json.dumps(canonical(deployment.outputs), indent=2).splitlines()
    section("Outputs", outputs)
    section("Policy findings (parliament, policy_sentry)", findings_lines(findings, blocking_severity))
    for title, lines in extra_sections:
        section(title, lines)
    section("Wrote", [str(path) for path in written])
