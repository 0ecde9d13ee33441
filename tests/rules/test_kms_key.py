"""Rule workspaces-kms-key-compliant: compliant and non-compliant keys, allowed keys."""

from __future__ import annotations

import json

import pytest

from tests.rules.resources import KEY_ARN, alias, key, rules_violated, workspace


def test_key_compliant_including_an_allowed_alias():
    config = {"workspaces-kms-key-compliant": {"allowedKeys": ["alias/workspaces-prod"]}}
    assert (
        rules_violated([workspace(), key(), alias("alias/workspaces-prod", key().props["keyId"])], config)
        == []
    )


@pytest.mark.parametrize(
    ("props", "fragment"),
    [
        ({"customerMasterKeySpec": "RSA_2048"}, "symmetric keys only"),
        ({"keyUsage": "SIGN_VERIFY"}, "ENCRYPT_DECRYPT"),
        ({"enableKeyRotation": False}, "has automatic key rotation off"),
        ({"policy": None}, "key policy that is missing or not JSON"),
        ({"policy": json.dumps({"Version": "2012-10-17", "Statement": []})}, "allowing kms:* to arn:aws:"),
    ],
)
def test_key_non_compliant(props, fragment):
    found = [
        m for rule, m in rules_violated([workspace(), key(**props)]) if rule == "workspaces-kms-key-compliant"
    ]
    assert any(fragment in message for message in found), found


def test_key_grants_without_the_aws_resource_condition_are_a_violation():
    policy = json.loads(key().props["policy"])
    del policy["Statement"][3]["Condition"]
    found = rules_violated([workspace(), key(policy=json.dumps(policy))])
    assert found == [
        (
            "workspaces-kms-key-compliant",
            "key key has key policy statement AllowKeyUsersGrantsForAWSResources, which allows grants "
            "without the condition Bool kms:GrantIsForAWSResource true",
        )
    ]


def test_a_key_from_outside_the_stack_must_be_listed():
    found = rules_violated([workspace()])
    assert found == [
        (
            "workspaces-kms-key-compliant",
            f"key {KEY_ARN} is not created in this stack, so it cannot be checked; list it in allowedKeys",
        )
    ]
    assert rules_violated([workspace()], {"workspaces-kms-key-compliant": {"allowedKeys": [KEY_ARN]}}) == []


def test_a_key_that_is_not_allowed_is_a_violation():
    config = {"workspaces-kms-key-compliant": {"allowedKeys": ["alias/other"]}}
    found = rules_violated([workspace(), key(), alias("alias/workspaces-prod", key().props["keyId"])], config)
    assert found == [
        ("workspaces-kms-key-compliant", f"key {KEY_ARN} is not one of the allowed keys (alias/other)")
    ]
