"""Reading a key policy for the two statements WorkSpaces keys must keep, the same way for the
guardrail (resource inputs) and the audit (a live key's policy): the account-root statement, and
grants for key users only with ``kms:GrantIsForAWSResource``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from encrypted_workspaces.aws.arns import account_root_arn

from . import actions
from .statements import listed, statements

# The grant actions of key policy statement 4, lower-cased: IAM compares actions case-insensitively.
_GRANT_ACTIONS = frozenset(action.lower() for action in actions.KEY_USER_GRANT_ACTIONS)
_GRANT_CONDITION_KEY = "kms:GrantIsForAWSResource"


def _is_account_root_statement(statement: Mapping[str, Any], partition: str, account: str) -> bool:
    principal = statement.get("Principal", {})
    principals = listed(principal.get("AWS")) if isinstance(principal, dict) else []
    return (
        statement.get("Effect") == "Allow"
        and account_root_arn(partition, account) in principals
        and actions.ACCOUNT_ROOT_ACTION in listed(statement.get("Action"))
    )


def has_account_root_statement(document: Mapping[str, Any], partition: str, account: str) -> bool:
    """Whether the policy keeps statement 1: ``kms:*`` for the account's root, so IAM policies can
    grant access to the key and the key can never be locked out."""
    return any(_is_account_root_statement(s, partition, account) for s in statements(document))


def grant_statements(document: Mapping[str, Any]) -> list[dict]:
    """The Allow statements that name a grant action (kms:CreateGrant, ListGrants, RevokeGrant)."""
    return [
        statement
        for statement in statements(document)
        if statement.get("Effect") == "Allow"
        and _GRANT_ACTIONS & {action.lower() for action in listed(statement.get("Action"))}
    ]


def grants_only_for_aws_resources(statement: Mapping[str, Any]) -> bool:
    """Whether a statement carries the condition Bool kms:GrantIsForAWSResource true."""
    condition = statement.get("Condition", {})
    value = condition.get("Bool", {}).get(_GRANT_CONDITION_KEY) if isinstance(condition, dict) else None
    return str(value).lower() == "true"
