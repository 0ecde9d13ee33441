"""IAM policy documents for WorkSpaces administrators and workspaces_DefaultRole, as pure functions."""

from __future__ import annotations

from . import actions
from .key_policy import POLICY_VERSION

SID_WORKSPACES_ADMINISTRATION = "WorkSpacesAndDirectoryServiceAccess"
SID_CREATE_GRANTS_ON_KEY = "CreateGrantsOnTheWorkSpacesKeyForAWSResources"
SID_CONSOLE_KEY_LISTING = "ListKeysAndAliasesInTheConsole"
SID_AUDIT_READ = {"workspaces": "ReadWorkSpacesAndTheirDirectories", "kms": "ReadTheKeysOfWorkSpaces"}
SID_PREFLIGHT_READ = {
    "workspaces": "ReadWorkSpacesDirectoriesAndBundles",
    "ds": "ReadTheDirectoryAndUseItsDataApi",
    "ds-data": "LookUpTheDirectorysUsers",
    "ec2": "ReadTheSubnets",
    "servicequotas": "ReadTheWorkSpacesQuota",
    "iam": "ReadThePrincipalsAndTheDefaultRole",
    "kms": "ReadTheStacksKey",
    "sns": "ReadTheAlarmTopic",
}


def workspaces_administrator_policy() -> dict:
    """WorkSpaces and Directory Service access for the people who launch WorkSpaces.

    Source: "Encrypted WorkSpaces", Part 2, sample IAM policy
    (https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html), without the
    retired ``wam:`` actions and the entries that ``ds:*`` and ``workspaces:*`` already grant.
    ``Resource: *`` is AWS's design for this policy.
    """
    return {
        "Version": POLICY_VERSION,
        "Statement": [
            {
                "Sid": SID_WORKSPACES_ADMINISTRATION,
                "Effect": "Allow",
                "Action": list(actions.WORKSPACES_ADMINISTRATOR_ACTIONS),
                "Resource": "*",
            }
        ],
    }


def key_grant_policy(*, key_arn: str, console_access: bool) -> dict:
    """KMS permissions for WorkSpaces administrators, scoped to the one key.

    Source: "How Amazon WorkSpaces uses AWS KMS", Part 2
    (https://docs.aws.amazon.com/kms/latest/developerguide/services-workspaces.html): kms:CreateGrant
    on the key ARN, plus kms:ListAliases/kms:ListKeys on ``*`` for console users only. Correction: the
    grant statement carries the kms:GrantIsForAWSResource condition, the least-privilege form of
    kms:CreateGrant in "Amazon EBS encryption".
    """
    if not key_arn.startswith("arn:") or ":key/" not in key_arn:
        raise ValueError(f"key_arn must be a KMS key ARN, not an alias or id: {key_arn!r}")
    statements: list[dict] = [
        {
            "Sid": SID_CREATE_GRANTS_ON_KEY,
            "Effect": "Allow",
            "Action": actions.ADMINISTRATOR_GRANT_ACTION,
            "Resource": key_arn,
            "Condition": actions.GRANT_IS_FOR_AWS_RESOURCE,
        }
    ]
    if console_access:
        statements.append(
            {
                "Sid": SID_CONSOLE_KEY_LISTING,
                "Effect": "Allow",
                "Action": list(actions.CONSOLE_KEY_LISTING_ACTIONS),
                "Resource": "*",
            }
        )
    return {"Version": POLICY_VERSION, "Statement": statements}


def workspaces_default_role_trust_policy() -> dict:
    """Trust policy of workspaces_DefaultRole: the WorkSpaces service may assume it.

    Source: https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-access-control.html
    """
    return {
        "Version": POLICY_VERSION,
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": actions.WORKSPACES_SERVICE_PRINCIPAL},
                "Action": actions.ASSUME_ROLE_ACTION,
            }
        ],
    }


def read_only_policy(calls: tuple[tuple[str, str], ...], sids: dict[str, str]) -> dict:
    """A policy granting the IAM actions of ``calls`` (and their dependent actions) and nothing else,
    one statement per service, named by ``sids``; actions sorted, services in the order they come."""
    by_service: dict[str, set[str]] = {}
    for call in calls:
        for action in actions.iam_actions(call):
            by_service.setdefault(action.split(":", 1)[0], set()).add(action)
    return {
        "Version": POLICY_VERSION,
        "Statement": [
            {"Sid": sids[service], "Effect": "Allow", "Action": sorted(names), "Resource": "*"}
            for service, names in by_service.items()
        ],
    }


def audit_policy() -> dict:
    """The least-privilege IAM policy of ``encrypted-workspaces audit``: the IAM action of every call
    its reader makes (``actions.AUDIT_API_CALLS``), one statement per service, and nothing else.

    ``Resource: *`` because the audit reads every WorkSpace, directory and key of the account and
    region, whatever they are called; every action is a Describe, Get or List (read-only).
    """
    return read_only_policy(actions.AUDIT_API_CALLS, SID_AUDIT_READ)


def preflight_policy() -> dict:
    """The least-privilege IAM policy of ``encrypted-workspaces preflight``: the IAM actions of every
    call its reader makes (``actions.PREFLIGHT_API_CALLS``, with their dependent actions), one
    statement per service, and nothing else.

    ``Resource: *`` because preflight counts every WorkSpace of the region (the quota is per Region)
    and reads resources the stack only names (a directory, subnets, principals, a key, a topic): none
    of them is the stack's own yet. Every action is a Describe, Get or List, plus ds:AccessDSData,
    which Directory Service Data's DescribeUser needs beside its own action.
    """
    return read_only_policy(actions.PREFLIGHT_API_CALLS, SID_PREFLIGHT_READ)
