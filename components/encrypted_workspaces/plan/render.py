"""What plan writes: plan.json and policies/*.json (what it prints: summary.py, text.py, markdown.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from encrypted_workspaces.offline.recorder import Registration
from encrypted_workspaces.offline.runner import Deployment

from .documents import PolicyDocument


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


def write_plan_json(
    deployment: Deployment,
    path: Path,
    entries: list[dict[str, Any]] | None = None,
    rollout: dict[str, Any] | None = None,
) -> None:
    """plan.json as the contract shapes it: contract key order, sorted inputs and outputs, 2-space indent;
    ``rollout`` (rollout_summary) last, after the outputs, when given.

    orjson, because the standard encoder falls back to pure Python when indenting, which is most of
    the cost of writing a plan with thousands of WorkSpaces.
    """
    document = {
        "project": deployment.project,
        "stack": deployment.stack,
        "resources": resource_entries(deployment) if entries is None else entries,
        "outputs": canonical(deployment.outputs),
        **({"rollout": rollout} if rollout is not None else {}),
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
