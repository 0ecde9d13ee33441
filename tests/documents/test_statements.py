"""One way of reading policy documents for the linter, plan and the guardrails."""

from __future__ import annotations

from encrypted_workspaces.documents.lint import unknown_actions
from encrypted_workspaces.documents.statements import (
    IDENTITY,
    TRUST_POLICY,
    named_actions,
    policy_properties,
    statements,
)


def test_a_single_statement_object_is_read_like_a_list_of_one():
    document = {
        "Version": "2012-10-17",
        "Statement": {"Effect": "Allow", "Action": "kms:ReEncrypt", "Resource": "*"},
    }
    assert statements(document) == [document["Statement"]]
    assert unknown_actions(document) == ["kms:ReEncrypt"]


def test_named_actions_include_not_action():
    assert named_actions({"Action": ["kms:Encrypt"], "NotAction": "wam:*"}) == ["kms:Encrypt", "wam:*"]


def test_a_role_holds_a_trust_policy_and_inline_policies():
    role = {(p.prop, p.kind, p.inline_list) for p in policy_properties("aws:iam/role:Role")}
    assert role == {("assumeRolePolicy", TRUST_POLICY, False), ("inlinePolicies", IDENTITY, True)}
    assert policy_properties("aws:workspaces/workspace:Workspace") == ()
