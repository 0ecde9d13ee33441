"""``plan --against PATH``: what is deployed, read from a previous plan.json (or its directory) or
from the JSON of ``pulumi stack export`` (docs/architecture.md, "Plan").

Both are reduced to the same view, resource by URN: type, inputs and the options that decide what
a delete does. Secret values become plan's ``[secret]``, never their ciphertext or plaintext.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from encrypted_workspaces.errors import ConfigError

from .output_dir import PLAN_FILE
from .render import canonical
from .stackfile import SECRET_PLACEHOLDER

# How the Pulumi engine marks a secret in a checkpoint: an object with this signature key
# (pulumi/pulumi sdk/go/common/resource/sig: Secret = "1b47061264138c4ac30d75fd1eb44270"), holding
# "ciphertext", or "plaintext" after `pulumi stack export --show-secrets`.
SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d"
# The bridged (Terraform) providers list in "__defaults" the inputs they filled in themselves: those
# are not the program's inputs, and plan never has them.
PROVIDER_DEFAULTS_KEY = "__defaults"
# Default providers are registered by the engine, not by the program: plan never records them.
PROVIDER_TYPE_PREFIX = "pulumi:providers:"
DEPLOYMENT_VERSION = 3


@dataclass(frozen=True)
class DeployedResource:
    urn: str
    type: str
    inputs: dict[str, Any]
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Deployed:
    """What --against read: ``kind`` is "plan" or "stack export"."""

    path: Path
    kind: str
    # Whose deployment it is, from the URNs (urn:pulumi:<stack>::<project>::...); None if they disagree.
    stack: str | None
    project: str | None
    resources: dict[str, DeployedResource]


def _without_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        if SECRET_SIGNATURE_KEY in value:
            return SECRET_PLACEHOLDER
        defaulted = set(value.get(PROVIDER_DEFAULTS_KEY) or ())
        return {
            key: _without_secrets(item)
            for key, item in value.items()
            if key != PROVIDER_DEFAULTS_KEY and key not in defaulted
        }
    if isinstance(value, list):
        return [_without_secrets(item) for item in value]
    return value


def _problem(path: Path, what: str) -> ConfigError:
    return ConfigError([f"{path}: {what}"])


def _from_plan(path: Path, document: dict) -> Deployed:
    resources = {}
    for entry in document["resources"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("urn"), str):
            raise _problem(path, "a plan.json resource without a 'urn'")
        resources[entry["urn"]] = DeployedResource(
            urn=entry["urn"],
            type=entry.get("type", ""),
            inputs=canonical(_without_secrets(entry.get("inputs") or {})),
            options=entry.get("options") or {},
        )
    return Deployed(path, "plan", *_owner(resources), resources)


def _from_stack_export(path: Path, deployment: dict) -> Deployed:
    resources = {}
    for entry in deployment.get("resources") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("urn"), str):
            raise _problem(path, "a stack export resource without a 'urn'")
        # Left over from an interrupted replacement: the live resource is the one without the flag.
        if entry.get("delete") or entry.get("type", "").startswith(PROVIDER_TYPE_PREFIX):
            continue
        resources[entry["urn"]] = DeployedResource(
            urn=entry["urn"],
            type=entry.get("type", ""),
            inputs=canonical(_without_secrets(entry.get("inputs") or {})),
            options={
                "protect": bool(entry.get("protect")),
                "retainOnDelete": bool(entry.get("retainOnDelete")),
            },
        )
    return Deployed(path, "stack export", *_owner(resources), resources)


def _owner(resources: dict[str, DeployedResource]) -> tuple[str | None, str | None]:
    """The stack and project every URN names (urn:pulumi:<stack>::<project>::<type>::<name>)."""
    owners = {tuple(urn.removeprefix("urn:pulumi:").split("::", 2)[:2]) for urn in resources}
    if len(owners) != 1:
        return None, None
    stack, project = owners.pop()
    return stack, project


def load_deployed(path: Path) -> Deployed:
    """The deployment at ``path``; any problem raises ConfigError naming the file."""
    if path.is_dir():
        path = path / PLAN_FILE
    try:
        text = path.read_bytes()
    except OSError as error:
        raise _problem(path, f"cannot read ({error.strerror})") from None
    try:
        document = json.loads(text)
    except ValueError as error:
        raise _problem(path, f"not valid JSON ({error})") from None
    if isinstance(document, dict) and isinstance(document.get("resources"), list) and "stack" in document:
        return _from_plan(path, document)
    deployment = document.get("deployment") if isinstance(document, dict) else None
    if isinstance(deployment, dict) and isinstance(deployment.get("resources", []), list):
        if document.get("version") != DEPLOYMENT_VERSION:
            raise _problem(
                path,
                f"a stack export of version {document.get('version')!r}; plan reads version "
                f"{DEPLOYMENT_VERSION} (`pulumi stack export` of Pulumi 3)",
            )
        return _from_stack_export(path, deployment)
    raise _problem(
        path,
        "neither a plan.json (project, stack, resources) nor a `pulumi stack export` document "
        "(version, deployment.resources)",
    )
