"""A realistic `pulumi stack export` of a deployment the offline engine recorded, for --against tests.

The shape is pulumi/pulumi's apitype (sdk/go/common/apitype/core.go): an UntypedDeployment
``{"version": 3, "deployment": DeploymentV3}``, whose ``resources`` are ResourceV3 entries (urn,
custom, id, type, inputs, outputs, parent, protect, dependencies, provider, propertyDependencies,
...). As the engine writes it: the default provider is a resource of its own that custom resources
point at, the bridged provider's ``__defaults`` list sits in every custom resource's inputs, custom
timeouts are seconds, and a secret is an object keyed by the secret signature, holding ciphertext.
"""

from __future__ import annotations

import base64
from typing import Any

from encrypted_workspaces.aws.timeouts import duration_minutes
from encrypted_workspaces.offline.runner import Deployment
from encrypted_workspaces.plan.render import canonical
from encrypted_workspaces.plan.stackfile import SECRET_PLACEHOLDER

SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
PULUMI_VERSION = "v3.205.0"
AWS_PLUGIN_VERSION = "7.51.1"


def _secret(plaintext: str) -> dict[str, str]:
    ciphertext = "v1:" + base64.b64encode(b"nonce:" + plaintext.encode()).decode()
    return {SECRET_SIG_KEY: SECRET_SIG, "ciphertext": ciphertext}


def _with_secrets(value: Any) -> Any:
    """Plan's placeholder back into the engine's secret envelope (the value itself plan never knew)."""
    if value == SECRET_PLACEHOLDER:
        return _secret("redacted-by-plan")
    if isinstance(value, dict):
        return {key: _with_secrets(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_secrets(item) for item in value]
    return value


def _timeouts_in_seconds(timeouts: dict[str, str]) -> dict[str, float]:
    return {stage: duration_minutes(value) * 60 for stage, value in timeouts.items()}


def stack_export(deployment: Deployment, *, time: str = "2026-11-30T09:15:02.123456789Z") -> dict[str, Any]:
    """The document ``pulumi stack export`` prints after ``pulumi up`` of this deployment."""
    stack_urn = next(r.urn for r in deployment.resources if r.type == "pulumi:pulumi:Stack")
    provider_urn = (
        f"urn:pulumi:{deployment.stack}::{deployment.project}::pulumi:providers:aws::"
        f"default_{AWS_PLUGIN_VERSION.replace('.', '_')}"
    )
    provider_id = "0d6bfc3a-6b6e-4b9f-9d0d-2c1f5d4e8a71"
    provider = {
        "urn": provider_urn,
        "custom": True,
        "id": provider_id,
        "type": "pulumi:providers:aws",
        "inputs": {"__internal": {}, "region": "eu-west-1", "version": AWS_PLUGIN_VERSION},
        "outputs": {"region": "eu-west-1", "version": AWS_PLUGIN_VERSION},
        "created": time,
        "modified": time,
    }
    resources: list[dict[str, Any]] = []
    for registration in deployment.resources:
        inputs = _with_secrets(canonical(registration.inputs))
        outputs = _with_secrets(canonical(registration.state))
        entry: dict[str, Any] = {"urn": registration.urn, "custom": registration.custom}
        if registration.custom:
            entry["id"] = registration.id
        entry["type"] = registration.type
        if registration.custom:
            inputs = {"__defaults": [], **inputs}
            outputs = {"__meta": '{"schema_version":"0"}', **outputs}
        entry["inputs"] = inputs
        if registration.type == "pulumi:pulumi:Stack":
            outputs = _with_secrets(canonical(deployment.outputs))
        entry["outputs"] = outputs
        if registration.parent:
            entry["parent"] = registration.parent
        options = registration.options
        if options.get("protect"):
            entry["protect"] = True
        if options.get("dependsOn"):
            entry["dependencies"] = list(options["dependsOn"])
        if registration.custom:
            entry["provider"] = f"{provider_urn}::{provider_id}"
            entry["propertyDependencies"] = {key: [] for key in sorted(registration.inputs)}
        if options.get("customTimeouts"):
            entry["customTimeouts"] = _timeouts_in_seconds(options["customTimeouts"])
        if options.get("retainOnDelete"):
            entry["retainOnDelete"] = True
        if options.get("ignoreChanges"):
            entry["ignoreChanges"] = list(options["ignoreChanges"])
        entry["created"] = entry["modified"] = time
        resources.append(entry)
    # The engine writes resources in dependency order: the stack, then the provider, then the rest.
    stack = next(r for r in resources if r["urn"] == stack_urn)
    rest = [r for r in resources if r["urn"] != stack_urn]
    return {
        "version": 3,
        "deployment": {
            "manifest": {"time": time, "magic": "", "version": PULUMI_VERSION},
            "secrets_providers": {
                "type": "passphrase",
                "state": {"salt": "v1:c2FsdHNhbHQ=:v1:bm9uY2U=:ZW5j"},
            },
            "resources": [stack, provider, *rest],
            "metadata": {},
        },
    }
