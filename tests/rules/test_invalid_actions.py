"""Rule no-invalid-or-retired-actions: compliant and non-compliant documents."""

from __future__ import annotations

import json

from encrypted_workspaces.rules import (
    ResourceView,
    evaluate,
)
from tests.rules.resources import iam_policy, key, rules_violated


def test_actions_compliant():
    assert rules_violated([iam_policy("kms:ReEncrypt*", "workspaces:*")]) == []


def test_actions_non_compliant():
    found = rules_violated([iam_policy("kms:ReEncrypt", "wam:CreateWorkspaces")])
    assert [rule for rule, _ in found] == ["no-invalid-or-retired-actions"] * 2
    assert "kms:ReEncrypt, which is not an action" in found[0][1] + found[1][1]
    assert "wam:CreateWorkspaces: the wam: prefix is retired" in found[0][1] + found[1][1]


def test_actions_in_a_key_policy_and_in_role_inline_policies_are_checked():
    policy = json.loads(key().props["policy"])
    policy["Statement"][2]["Action"] = ["kms:ReEncrypt"]
    inline = {"Statement": [{"Effect": "Allow", "NotAction": "wam:*", "Resource": "*"}]}
    role = ResourceView(
        "aws:iam/role:Role", "urn:role", "role", {"inlinePolicies": [{"policy": json.dumps(inline)}]}
    )
    found = [
        (v.urn, v.rule)
        for v in evaluate([key(policy=json.dumps(policy)), role])
        if v.rule == "no-invalid-or-retired-actions"
    ]
    assert sorted(found) == [
        ("urn:pulumi:s::p::aws:kms/key:Key::key", "no-invalid-or-retired-actions"),
        ("urn:role", "no-invalid-or-retired-actions"),
    ]
