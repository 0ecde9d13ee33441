"""The WorkSpaces key policy: the documented four statements, as a pure function."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from encrypted_workspaces.aws.arns import account_root_arn, principal_kind

from . import actions

POLICY_VERSION = "2012-10-17"

# Fixed Sids, one per role, so a reviewer (and a diff) can name each statement.
SID_ACCOUNT_ROOT = "EnableIAMPoliciesForTheAccount"
SID_KEY_ADMINISTRATORS = "AllowKeyAdministrators"
SID_KEY_USERS = "AllowKeyUsers"
SID_KEY_USER_GRANTS = "AllowKeyUsersGrantsForAWSResources"


def principal_value(arns: Iterable[str]) -> str | list[str]:
    """The Principal.AWS value: sorted and de-duplicated; one ARN as a string, as AWS prints it."""
    unique = sorted(set(arns))
    return unique[0] if len(unique) == 1 else unique


def _require_key_policy_principals(role: str, arns: list[str]) -> None:
    if not arns:
        raise ValueError(f"the key policy needs at least one {role}")
    for arn in arns:
        if principal_kind(arn) not in ("role", "user"):
            raise ValueError(
                f"{role} must be IAM role or user ARNs (a key policy cannot name groups): {arn!r}"
            )


def workspaces_key_policy(
    *,
    partition: str,
    account_id: str,
    key_administrators: Iterable[str],
    key_users: Iterable[str],
    extra_statements: Iterable[Mapping[str, Any]] = (),
) -> dict:
    """The key policy of a customer managed key that encrypts WorkSpaces.

    Source: "Encrypted WorkSpaces", Part 2, sample key policy
    (https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html), with the
    corrections in ``actions.KEY_USER_ACTIONS`` and ``actions.KEY_ADMINISTRATOR_ACTIONS`` and a
    fixed Sid on each statement. ``extra_statements`` (key.extraStatements) follow the four, as given;
    documents/key_policy_statements.py says what they may be (the config checks them first).
    """
    administrators = list(key_administrators)
    users = list(key_users)
    extras = [dict(statement) for statement in extra_statements]
    _require_key_policy_principals("key administrators", administrators)
    _require_key_policy_principals("key users", users)
    documented = (SID_ACCOUNT_ROOT, SID_KEY_ADMINISTRATORS, SID_KEY_USERS, SID_KEY_USER_GRANTS)
    sids = [statement["Sid"] for statement in extras if "Sid" in statement]
    clash = next((sid for index, sid in enumerate(sids) if sid in documented or sid in sids[:index]), None)
    if clash is not None:
        raise ValueError(f"extra statement Sid {clash!r} is taken: Sids must be distinct")
    if any(statement.get("Effect") != "Allow" for statement in extras):
        raise ValueError("extra statements may only Allow: a Deny could take from the documented four")
    return {
        "Version": POLICY_VERSION,
        "Statement": [
            # Statement 1: the default key policy's root statement; always present (no lockout).
            {
                "Sid": SID_ACCOUNT_ROOT,
                "Effect": "Allow",
                "Principal": {"AWS": account_root_arn(partition, account_id)},
                "Action": actions.ACCOUNT_ROOT_ACTION,
                "Resource": "*",
            },
            # Statement 2: who manages the key.
            {
                "Sid": SID_KEY_ADMINISTRATORS,
                "Effect": "Allow",
                "Principal": {"AWS": principal_value(administrators)},
                "Action": list(actions.KEY_ADMINISTRATOR_ACTIONS),
                "Resource": "*",
            },
            # Statement 3: who uses the key (the WorkSpaces administrators, Part 1 of the docs).
            {
                "Sid": SID_KEY_USERS,
                "Effect": "Allow",
                "Principal": {"AWS": principal_value(users)},
                "Action": list(actions.KEY_USER_ACTIONS),
                "Resource": "*",
            },
            # Statement 4: key users may let AWS services hold grants, and only AWS services.
            {
                "Sid": SID_KEY_USER_GRANTS,
                "Effect": "Allow",
                "Principal": {"AWS": principal_value(users)},
                "Action": list(actions.KEY_USER_GRANT_ACTIONS),
                "Resource": "*",
                "Condition": actions.GRANT_IS_FOR_AWS_RESOURCE,
            },
            *extras,
        ],
    }
