"""Rule: key and IAM policies name no kms:ReEncrypt (not an action) and no retired wam: action."""

from __future__ import annotations

from encrypted_workspaces.documents.statements import (
    named_actions,
    policy_json,
    policy_properties,
    statements,
)

from .base import ADVISORY, ResourceView, Rule, RuleSettings


def _policy_documents(resource: ResourceView) -> list[tuple[str, dict]]:
    documents = []
    for found in policy_properties(resource.type):
        value = resource.props.get(found.prop)
        inline = [item.get("policy") for item in value or [] if isinstance(item, dict)]
        values = inline if found.inline_list else [value]
        documents += [(found.prop, doc) for doc in map(policy_json, values) if doc is not None]
    return documents


def check_invalid_or_retired_actions(resource: ResourceView, _settings: RuleSettings) -> list[str]:
    problems = []
    for prop, document in _policy_documents(resource):
        for statement in statements(document):
            for action in named_actions(statement):
                if action.lower() == "kms:reencrypt":
                    problems.append(
                        f"{prop} names kms:ReEncrypt, which is not an action (grants nothing): "
                        "use kms:ReEncrypt*"
                    )
                elif action.lower().startswith("wam:"):
                    problems.append(
                        f"{prop} names {action}: the wam: prefix is retired, use the workspaces: actions"
                    )
    return problems


RULE = Rule(
    name="no-invalid-or-retired-actions",
    description="Key and IAM policies name no kms:ReEncrypt (not an action) and no retired wam: action.",
    enforcement=ADVISORY,
    url="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html",
    settings=RuleSettings,
    resource_check=check_invalid_or_retired_actions,
)
