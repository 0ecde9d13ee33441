"""Whether a KMS key is fit to encrypt WorkSpaces: written once, for every place that judges a key.

The guardrail judges a key from its resource properties (rules/kms_key.py), the audit a live key from
DescribeKey, GetKeyRotationStatus and GetKeyPolicy (audit/checks.py), and the component an existing
key from its look-up (parts/key.py). Each reads what it has into ``KeyAttributes`` (None where it does not
know) and takes the problems it reports: each problem carries the audit's check id.

Sources: "How Amazon WorkSpaces uses AWS KMS" (symmetric customer managed keys, grants for AWS
resources), "Default key policy" (the account-root statement), both in the AWS KMS Developer Guide.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from encrypted_workspaces.aws.arns import KEY_ARN
from encrypted_workspaces.aws.limits import WORKSPACES_KEY_SPEC, WORKSPACES_KEY_USAGE

from .key_policy_review import grant_statements, grants_only_for_aws_resources, has_account_root_statement

# The checks, named by the audit's check ids (audit/checks.py).
NOT_CUSTOMER_MANAGED = "key-not-customer-managed"
NOT_SYMMETRIC = "key-not-symmetric"
NOT_ROTATED = "key-not-rotated"
POLICY_UNREADABLE = "key-policy-unreadable"
POLICY_NO_ACCOUNT_ROOT = "key-policy-no-account-root"
POLICY_NO_GRANTS = "key-policy-no-grants"
POLICY_GRANT_UNCONDITIONED = "key-policy-grant-without-condition"
CUSTOMER_MANAGED = "CUSTOMER"


@dataclass(frozen=True)
class KeyAttributes:
    """What is known of a key; None where the reader does not know it (then nothing is said of it)."""

    arn: str | None = None
    manager: str | None = None  # CUSTOMER or AWS
    spec: str | None = None
    usage: str | None = None
    rotation_enabled: bool | None = None
    policy: Mapping[str, Any] | None = None  # the key policy document, if read
    policy_unreadable: bool = False  # read, and not a policy document


@dataclass(frozen=True)
class KeyProblem:
    check: str
    message: str  # reads after "the key": "is RSA_2048; WorkSpaces supports symmetric keys only"
    statement: Mapping[str, Any] | None = None  # the key policy statement it is about, if one


def key_problems(facts: KeyAttributes) -> list[KeyProblem]:
    """Every problem of the key, in a fixed order: who manages it, its kind, rotation, its policy."""
    problems = []
    if facts.manager is not None and facts.manager != CUSTOMER_MANAGED:
        problems.append(
            KeyProblem(NOT_CUSTOMER_MANAGED, f"is managed by {facts.manager}, not a customer managed key")
        )
    if facts.spec is not None and facts.spec != WORKSPACES_KEY_SPEC:
        problems.append(
            KeyProblem(NOT_SYMMETRIC, f"is {facts.spec}; WorkSpaces supports symmetric keys only")
        )
    if facts.usage is not None and facts.usage != WORKSPACES_KEY_USAGE:
        problems.append(KeyProblem(NOT_SYMMETRIC, f"is for {facts.usage}, not {WORKSPACES_KEY_USAGE}"))
    if facts.rotation_enabled is False:
        problems.append(KeyProblem(NOT_ROTATED, "has automatic key rotation off"))
    if facts.policy_unreadable:
        problems.append(
            KeyProblem(
                POLICY_UNREADABLE,
                "has a key policy that is missing or not JSON: the default policy has no statements for key "
                "users",
            )
        )
        return problems
    if facts.policy is None:
        return problems
    match = KEY_ARN.fullmatch(facts.arn or "")
    if match and not has_account_root_statement(facts.policy, match["partition"], match["account"]):
        root = f"arn:{match['partition']}:iam::{match['account']}:root"
        problems.append(
            KeyProblem(
                POLICY_NO_ACCOUNT_ROOT,
                f"has no key policy statement allowing kms:* to {root}: IAM policies cannot grant access "
                "to it and it can be locked out",
            )
        )
    grants = grant_statements(facts.policy)
    if not grants:
        problems.append(
            KeyProblem(POLICY_NO_GRANTS, "has a key policy that grants no key user kms:CreateGrant")
        )
    for statement in grants:
        if not grants_only_for_aws_resources(statement):
            where = statement.get("Sid") or "(no Sid)"
            problems.append(
                KeyProblem(
                    POLICY_GRANT_UNCONDITIONED,
                    f"has key policy statement {where}, which allows grants without the condition Bool "
                    "kms:GrantIsForAWSResource true",
                    statement,
                )
            )
    return problems
