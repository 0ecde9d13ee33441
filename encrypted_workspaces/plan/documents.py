"""The policy documents a deployment would send, and their lint findings."""

from __future__ import annotations

import json
from dataclasses import dataclass

from encrypted_workspaces.offline.recorder import Registration
from encrypted_workspaces.policies.lint import IDENTITY, KEY_POLICY, TRUST_POLICY, Finding, lint_policy

# (resource type, input property holding a JSON policy, how to lint it)
POLICY_PROPERTIES: tuple[tuple[str, str, str], ...] = (
    ("aws:kms/key:Key", "policy", KEY_POLICY),
    ("aws:iam/policy:Policy", "policy", IDENTITY),
    ("aws:iam/role:Role", "assumeRolePolicy", TRUST_POLICY),
    ("aws:iam/rolePolicy:RolePolicy", "policy", IDENTITY),
    ("aws:iam/userPolicy:UserPolicy", "policy", IDENTITY),
    ("aws:iam/groupPolicy:GroupPolicy", "policy", IDENTITY),
)
_BY_TYPE = {type_token: (prop, kind) for type_token, prop, kind in POLICY_PROPERTIES}


@dataclass(frozen=True)
class PolicyDocument:
    resource_name: str
    resource_type: str
    document: dict
    kind: str
    attached_to: str | None  # the role a trust policy belongs to


def policy_documents(resources: list[Registration]) -> list[PolicyDocument]:
    documents = []
    for resource in resources:
        found = _BY_TYPE.get(resource.type)
        if not found or not isinstance(resource.inputs.get(found[0]), str):
            continue
        prop, kind = found
        documents.append(
            PolicyDocument(
                resource_name=resource.name,
                resource_type=resource.type,
                document=json.loads(resource.inputs[prop]),
                kind=kind,
                attached_to=resource.state.get("arn") if kind == TRUST_POLICY else None,
            )
        )
    return sorted(documents, key=lambda d: d.resource_name)


def lint_documents(documents: list[PolicyDocument]) -> list[Finding]:
    findings: list[Finding] = []
    for doc in documents:
        findings += lint_policy(doc.resource_name, doc.document, kind=doc.kind, attached_to=doc.attached_to)
    return sorted(findings)
