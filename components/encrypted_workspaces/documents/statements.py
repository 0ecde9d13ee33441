"""Reading policy documents the same way everywhere (linter, plan, guardrails): which resource
properties hold them, their statements, and the actions a statement names."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from encrypted_workspaces.aws import types

# How a document is linted: identity policies as they are; resource policies (key policies, trust
# policies) as statements on the resource they are attached to.
IDENTITY, KEY_POLICY, TRUST_POLICY = "identity", "key", "trust"


@dataclass(frozen=True)
class PolicyProperty:
    type: str
    prop: str
    kind: str
    # A list of {"name", "policy"} objects (a role's inline policies) rather than one JSON document.
    inline_list: bool = False


POLICY_PROPERTIES: tuple[PolicyProperty, ...] = (
    PolicyProperty(types.KMS_KEY, "policy", KEY_POLICY),
    PolicyProperty(types.IAM_POLICY, "policy", IDENTITY),
    PolicyProperty(types.IAM_ROLE, "assumeRolePolicy", TRUST_POLICY),
    PolicyProperty(types.IAM_ROLE, "inlinePolicies", IDENTITY, inline_list=True),
    PolicyProperty(types.IAM_ROLE_POLICY, "policy", IDENTITY),
    PolicyProperty(types.IAM_USER_POLICY, "policy", IDENTITY),
    PolicyProperty(types.IAM_GROUP_POLICY, "policy", IDENTITY),
)
_BY_TYPE: dict[str, tuple[PolicyProperty, ...]] = {}
for _property in POLICY_PROPERTIES:
    _BY_TYPE[_property.type] = (*_BY_TYPE.get(_property.type, ()), _property)


def policy_properties(type_token: str) -> tuple[PolicyProperty, ...]:
    """The properties of a resource type that hold policy documents (none for other types)."""
    return _BY_TYPE.get(type_token, ())


def listed(value: Any) -> list[str]:
    """A policy element that may be one string or a list of strings, as a list."""
    return [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]


def policy_json(value: Any) -> dict | None:
    """A policy document: a dict as it is, JSON text (a property, an API answer) decoded, else None."""
    if isinstance(value, dict):
        return value
    try:
        document = json.loads(value)
    except (TypeError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def statements(document: Mapping[str, Any]) -> list[dict]:
    """A document's statements; ``Statement`` may be one object or a list."""
    found = document.get("Statement", [])
    return [s for s in ([found] if isinstance(found, dict) else found) if isinstance(s, dict)]


def named_actions(statement: Mapping[str, Any]) -> list[str]:
    """Every action a statement names, under Action or NotAction."""
    return listed(statement.get("Action")) + listed(statement.get("NotAction"))
