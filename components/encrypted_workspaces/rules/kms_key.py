"""Rule: the key a WorkSpace uses is symmetric, rotated, keeps the account-root statement and allows
grants only for AWS resources. A stack rule: it follows each WorkSpace's key ARN to the key."""

from __future__ import annotations

from collections.abc import Sequence

from encrypted_workspaces.aws.arns import KEY_ARN
from encrypted_workspaces.aws.limits import WORKSPACES_KEY_SPEC, WORKSPACES_KEY_USAGE
from encrypted_workspaces.aws.types import KMS_ALIAS, KMS_KEY, WORKSPACE
from encrypted_workspaces.documents.key_policy_review import (
    grant_statements,
    grants_only_for_aws_resources,
    has_account_root_statement,
)
from encrypted_workspaces.documents.statements import policy_json

from .base import MANDATORY, ResourceView, Rule, RuleSettings, flag


class KmsKeySettings(RuleSettings):
    allowed_keys: list[str] = []
    """Key ARNs or aliases WorkSpaces may use. Defaults to none listed: then any customer managed key
    that this stack creates and that passes the checks; a key from outside the stack must be listed."""


def key_problems(key: ResourceView, key_arn: str) -> list[str]:
    """What makes a KMS key unfit for WorkSpaces (symmetric, rotated, the documented key policy)."""
    props, match = key.props, KEY_ARN.fullmatch(key_arn)
    problems = []
    if props.get("customerMasterKeySpec", WORKSPACES_KEY_SPEC) != WORKSPACES_KEY_SPEC:
        problems.append(
            "WorkSpaces supports symmetric keys only "
            f"(customerMasterKeySpec {props['customerMasterKeySpec']!r})"
        )
    if props.get("keyUsage", WORKSPACES_KEY_USAGE) != WORKSPACES_KEY_USAGE:
        problems.append(f"the key must be for {WORKSPACES_KEY_USAGE} (keyUsage {props['keyUsage']!r})")
    if not flag(props, "enableKeyRotation"):
        problems.append("automatic key rotation must be enabled (enableKeyRotation is not true)")
    document = policy_json(props.get("policy"))
    if document is None:
        problems.append(
            "the key policy is missing or not JSON: the default policy has no statements for key users"
        )
        return problems
    if match and not has_account_root_statement(document, match["partition"], match["account"]):
        problems.append(
            "the key policy must keep the account-root statement (kms:* for the account): "
            "without it the key can be locked out"
        )
    grants = grant_statements(document)
    if not grants:
        problems.append("the key policy grants no key user kms:CreateGrant: WorkSpaces could not use the key")
    for statement in grants:
        if not grants_only_for_aws_resources(statement):
            where = statement.get("Sid") or "a statement"
            problems.append(
                f"{where} allows grants without the condition Bool kms:GrantIsForAWSResource true"
            )
    return problems


def check_workspace_keys(
    resources: Sequence[ResourceView], settings: KmsKeySettings
) -> list[tuple[str, str]]:
    keys = {str(r.props.get("arn")): r for r in resources if r.type == KMS_KEY and r.props.get("arn")}
    aliases = {str(r.props.get("name")): r for r in resources if r.type == KMS_ALIAS}
    allowed = set(settings.allowed_keys)
    violations = []
    for workspace in (r for r in resources if r.type == WORKSPACE):
        key_arn = str(workspace.props.get("volumeEncryptionKey") or "")
        if not KEY_ARN.fullmatch(key_arn):
            continue  # not a key ARN: the volumes rule reports it
        key = keys.get(key_arn)
        if allowed:
            targets = {
                key_arn
                for name in allowed & set(aliases)
                if key and aliases[name].props.get("targetKeyId") in (key.props.get("keyId"), key_arn)
            }
            if key_arn not in allowed and key_arn not in targets:
                violations.append(
                    (
                        workspace.urn,
                        f"key {key_arn} is not one of the allowed keys ({', '.join(sorted(allowed))})",
                    )
                )
                continue
        if key is None:
            if key_arn not in allowed:
                violations.append(
                    (
                        workspace.urn,
                        f"key {key_arn} is not created in this stack, so it cannot be checked; "
                        "list it in allowedKeys",
                    )
                )
            continue
        violations += [
            (workspace.urn, f"key {key.name}: {problem}") for problem in key_problems(key, key_arn)
        ]
    return violations


RULE = Rule(
    name="workspaces-kms-key-compliant",
    description="The key a WorkSpace uses is symmetric, rotated, keeps the account-root statement and "
    "allows grants only for AWS resources.",
    enforcement=MANDATORY,
    url="https://docs.aws.amazon.com/kms/latest/developerguide/services-workspaces.html",
    settings=KmsKeySettings,
    stack_check=check_workspace_keys,
)
