"""The component's outputs: declared once here, and gathered without ``Output.all``'s quadratic cost.

``OUTPUTS`` feeds the component's attributes and ``register_outputs`` (component.py), the stack
program's exports (__main__.py), the component provider's package schema (the served class in
provider/args.py is generated from it) and the outputs table of docs/outputs.md (``make generate``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pulumi


@dataclass(frozen=True)
class ComponentOutput:
    name: str  # as registered and exported, camelCase: the provider's property name
    attribute: str  # the component's attribute
    python_type: str  # the attribute's type, as Python source: the provider's schema is inferred from it
    description: str


OUTPUTS: tuple[ComponentOutput, ...] = (
    ComponentOutput(
        "keyArn",
        "key_arn",
        "pulumi.Output[str]",
        "The ARN of the customer managed key that encrypts the WorkSpaces (with key.existing, the "
        "looked-up key's).",
    ),
    ComponentOutput("keyId", "key_id", "pulumi.Output[str]", "The id of the key."),
    ComponentOutput(
        "aliasName",
        "alias_name",
        "pulumi.Output[str | None]",
        "The key's alias (alias/...); with key.existing, the alias the stack names it by, and none for a "
        "key ARN or id.",
    ),
    ComponentOutput(
        "adminPolicyArns",
        "admin_policy_arns",
        "pulumi.Output[dict[str, str]]",
        "The ARNs of the two IAM policies attached to each WorkSpaces administrator: workspaces, kms.",
    ),
    ComponentOutput(
        "directoryRegistrationId",
        "directory_registration_id",
        "pulumi.Output[str]",
        "The id of the directory's WorkSpaces registration.",
    ),
    ComponentOutput(
        "workspaceIds",
        "workspace_ids",
        "pulumi.Output[dict[str, str]]",
        "Each user's WorkSpace id, by user name.",
    ),
)

# Output.all unions its inputs' resource sets one at a time, copying the growing set each step:
# O(n^2) for n outputs (12.5 million copies for 5,000 WorkSpace ids). Gathering in chunks keeps it
# linear; 64 keeps each Output.all small and the tree two levels deep up to 4,096 users.
_GATHER_CHUNK = 64


def gather_map(outputs: Mapping[str, pulumi.Output[Any]]) -> pulumi.Output[dict[str, Any]]:
    """``Output.all(**outputs)``, with the same value and dependencies, without its quadratic cost."""
    items = sorted(outputs.items())
    if len(items) <= _GATHER_CHUNK:
        return pulumi.Output.all(**dict(items)) if items else pulumi.Output.from_input({})
    parts = [gather_map(dict(items[i : i + _GATHER_CHUNK])) for i in range(0, len(items), _GATHER_CHUNK)]
    while len(parts) > _GATHER_CHUNK:
        parts = [
            pulumi.Output.all(*parts[i : i + _GATHER_CHUNK]).apply(_merged)
            for i in range(0, len(parts), _GATHER_CHUNK)
        ]
    return pulumi.Output.all(*parts).apply(_merged)


def _merged(maps: list[dict[str, Any]]) -> dict[str, Any]:
    return {key: value for part in maps for key, value in part.items()}
