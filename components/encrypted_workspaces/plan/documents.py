"""The policy documents a deployment would send, and their lint findings."""

from __future__ import annotations

import json
from dataclasses import dataclass

from encrypted_workspaces.documents.lint import Finding, lint_policy, lint_unavailable
from encrypted_workspaces.documents.statements import TRUST_POLICY, policy_properties
from encrypted_workspaces.offline.recorder import Registration


@dataclass(frozen=True)
class PolicyDocument:
    resource_name: str
    resource_type: str
    document: dict
    kind: str
    attached_to: str | None  # the role a trust policy belongs to


def policy_documents(resources: list[Registration]) -> list[PolicyDocument]:
    """One document per resource: its JSON policy property (a role's trust policy; inline lists are not
    written or linted by plan)."""
    documents = []
    for resource in resources:
        for found in policy_properties(resource.type):
            if found.inline_list or not isinstance(resource.inputs.get(found.prop), str):
                continue
            documents.append(
                PolicyDocument(
                    resource_name=resource.name,
                    resource_type=resource.type,
                    document=json.loads(resource.inputs[found.prop]),
                    kind=found.kind,
                    attached_to=resource.state.get("arn") if found.kind == TRUST_POLICY else None,
                )
            )
    return sorted(documents, key=lambda d: d.resource_name)


@dataclass(frozen=True)
class PolicyLint:
    """The lint of a plan's documents: its findings, or why it could not run."""

    findings: list[Finding]
    skipped: str | None = None  # why the lint did not run (the lint extra is not installed), or None

    def blocking(self, severity: str) -> list[Finding]:
        """The findings that fail the plan: not accepted, and at least ``severity``."""
        return [f for f in self.findings if not f.accepted and f.at_least(severity)]


def lint_documents(documents: list[PolicyDocument]) -> PolicyLint:
    """Every finding of every document; none, and the reason, without the ``lint`` extra: plan still
    writes and checks everything else, as a component install without the extra can."""
    if (unavailable := lint_unavailable()) is not None:
        return PolicyLint(findings=[], skipped=unavailable)
    findings: list[Finding] = []
    for doc in documents:
        findings += lint_policy(doc.resource_name, doc.document, kind=doc.kind, attached_to=doc.attached_to)
    return PolicyLint(findings=sorted(findings))
