"""documents/key_review.py: the key checks, written once for the guardrail, the audit and the component."""

from __future__ import annotations

import json

import pytest

from encrypted_workspaces.audit import checks as audit_checks
from encrypted_workspaces.documents import key_review, workspaces_key_policy
from encrypted_workspaces.documents.key_review import KeyAttributes, key_problems
from encrypted_workspaces.rules.base import ResourceView
from encrypted_workspaces.rules.kms_key import key_problems as rule_key_problems

ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ROLE = "arn:aws:iam::123456789012:role/Admins"
POLICY = workspaces_key_policy(
    partition="aws", account_id="123456789012", key_administrators=[ROLE], key_users=[ROLE]
)


def checks(facts: KeyAttributes) -> list[str]:
    return [problem.check for problem in key_problems(facts)]


def test_a_documented_customer_managed_rotated_symmetric_key_has_no_problem():
    facts = KeyAttributes(
        arn=ARN,
        manager="CUSTOMER",
        spec="SYMMETRIC_DEFAULT",
        usage="ENCRYPT_DECRYPT",
        rotation_enabled=True,
        policy=POLICY,
    )
    assert key_problems(facts) == []


def test_what_is_not_known_is_not_judged():
    assert key_problems(KeyAttributes()) == []


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (KeyAttributes(manager="AWS"), [key_review.NOT_CUSTOMER_MANAGED]),
        (
            KeyAttributes(spec="RSA_2048", usage="SIGN_VERIFY"),
            [key_review.NOT_SYMMETRIC, key_review.NOT_SYMMETRIC],
        ),
        (KeyAttributes(rotation_enabled=False), [key_review.NOT_ROTATED]),
        (KeyAttributes(policy_unreadable=True), [key_review.POLICY_UNREADABLE]),
        (
            KeyAttributes(arn=ARN, policy={"Statement": []}),
            [key_review.POLICY_NO_ACCOUNT_ROOT, key_review.POLICY_NO_GRANTS],
        ),
    ],
)
def test_each_problem_is_named_by_its_check(facts, expected):
    assert checks(facts) == expected


def test_a_grant_without_the_aws_resource_condition_names_its_statement():
    policy = json.loads(json.dumps(POLICY))
    del policy["Statement"][3]["Condition"]
    (problem,) = key_problems(KeyAttributes(arn=ARN, policy=policy))
    assert problem.check == key_review.POLICY_GRANT_UNCONDITIONED
    assert problem.statement == policy["Statement"][3]


def test_the_guardrail_and_the_audit_judge_a_key_alike():
    key = ResourceView(
        type="aws:kms/key:Key",
        urn="urn:key",
        name="key",
        props={"customerMasterKeySpec": "RSA_2048", "enableKeyRotation": False, "policy": json.dumps(POLICY)},
    )
    assert rule_key_problems(key, ARN) == [
        "is RSA_2048; WorkSpaces supports symmetric keys only",
        "has automatic key rotation off",
    ]
    metadata = {"Arn": ARN, "KeySpec": "RSA_2048", "KeyUsage": "ENCRYPT_DECRYPT"}
    assert [f.check for f in audit_checks.key_spec_findings(metadata, [])] == [key_review.NOT_SYMMETRIC]
    assert [f.check for f in audit_checks.key_rotation_findings(metadata, False, [])] == [
        key_review.NOT_ROTATED
    ]
