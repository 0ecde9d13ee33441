"""Rule: the key a WorkSpace uses is symmetric, rotated, keeps the account-root statement and allows
grants only for AWS resources. A stack rule: it follows each WorkSpace's key ARN to the key."""

from __future__ import annotations

from collections.abc import Sequence

from encrypted_workspaces.aws.arns import KEY_ARN
from encrypted_workspaces.aws.types import KMS_ALIAS, KMS_KEY, WORKSPACE
from encrypted_workspaces.documents.key_review import KeyAttributes
from encrypted_workspaces.documents.key_review import key_problems as review_key
from encrypted_workspaces.documents.statements import policy_json

from .base import MANDATORY, ResourceView, Rule, RuleSettings, flag


class KmsKeySettings(RuleSettings):
    allowed_keys: list[str] = []
    """Key ARNs or aliases WorkSpaces may use. Defaults to none listed: then any customer managed key
    that this stack creates and that passes the checks; a key from outside the stack must be listed."""


def key_problems(key: ResourceView, key_arn: str) -> list[str]:
    """What makes a KMS key unfit for WorkSpaces (documents/key_review.py), from its properties: a spec
    or usage left out is the provider's default (symmetric, ENCRYPT_DECRYPT); rotation left out is off."""
    props = key.props
    document = policy_json(props.get("policy"))
    facts = KeyAttributes(
        arn=key_arn,
        spec=props.get("customerMasterKeySpec"),
        usage=props.get("keyUsage"),
        rotation_enabled=flag(props, "enableKeyRotation"),
        policy=document,
        policy_unreadable=document is None,
    )
    return [problem.message for problem in review_key(facts)]


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
        violations += [(workspace.urn, f"key {key.name} {problem}") for problem in key_problems(key, key_arn)]
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
