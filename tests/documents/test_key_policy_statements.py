"""key.extraStatements: statements appended to the documented key policy, which they add to and never
take from (documents/key_policy_statements.py)."""

from __future__ import annotations

import json

import pulumi
import pytest
from policy_sentry.querying.actions import get_actions_for_service

from encrypted_workspaces import ConfigError, EncryptedWorkspaces, EncryptedWorkspacesArgs
from encrypted_workspaces.aws.kms_actions import KMS_ACTIONS
from encrypted_workspaces.config import validate_args
from encrypted_workspaces.documents import workspaces_key_policy
from encrypted_workspaces.documents.key_policy_statements import extra_statement_problems
from encrypted_workspaces.documents.lint import KEY_POLICY, lint_policy
from encrypted_workspaces.offline.mocks import AwsMocks
from encrypted_workspaces.offline.runner import simulate
from tests.conftest import ACCOUNT_ID, REGION, deploy, flat_config, valid_namespace
from tests.documents.test_policy_documents import ALICE, corrected_key_policy_sample

CLOUDTRAIL = {
    "Sid": "AllowCloudTrailToDescribeTheKey",
    "Effect": "Allow",
    "Principal": {"Service": "cloudtrail.amazonaws.com"},
    "Action": "kms:DescribeKey",
    "Resource": "*",
}
AUDITORS = {
    "Sid": "AllowAuditorsToReadTheKey",
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::123456789012:role/Auditors"},
    "Action": ["kms:Describe*", "kms:Get*", "kms:List*"],
    "Resource": "*",
}


def test_kms_actions_are_policy_sentrys():
    assert sorted(KMS_ACTIONS) == sorted(get_actions_for_service("kms"))


def test_the_key_policy_with_an_extra_statement_is_the_documented_one_and_then_the_statement():
    policy = workspaces_key_policy(
        partition="aws",
        account_id="123456789012",
        key_administrators=[ALICE],
        key_users=[ALICE],
        extra_statements=[CLOUDTRAIL],
    )
    expected = corrected_key_policy_sample()
    assert policy == {**expected, "Statement": [*expected["Statement"], CLOUDTRAIL]}


def test_the_key_policy_with_extra_statements_lints_clean():
    policy = workspaces_key_policy(
        partition="aws",
        account_id="123456789012",
        key_administrators=[ALICE],
        key_users=[ALICE],
        extra_statements=[CLOUDTRAIL, AUDITORS],
    )
    findings = lint_policy("key", policy, kind=KEY_POLICY)
    assert [f for f in findings if not f.accepted] == []


@pytest.mark.parametrize("sid", ["EnableIAMPoliciesForTheAccount", "AllowCloudTrailToDescribeTheKey"])
def test_the_key_policy_function_refuses_a_sid_that_is_taken(sid):
    with pytest.raises(ValueError, match="is taken"):
        workspaces_key_policy(
            partition="aws",
            account_id="123456789012",
            key_administrators=[ALICE],
            key_users=[ALICE],
            extra_statements=[CLOUDTRAIL, {**AUDITORS, "Sid": sid}],
        )


def test_good_statements_have_no_problem():
    assert extra_statement_problems(CLOUDTRAIL) == []
    assert extra_statement_problems(AUDITORS) == []
    conditioned = {
        **AUDITORS,
        "Principal": "*",
        "Condition": {"StringEquals": {"kms:CallerAccount": ACCOUNT_ID}},
    }
    assert extra_statement_problems(conditioned) == []


@pytest.mark.parametrize(
    ("change", "element", "fragment"),
    [
        ({"Sid": "EnableIAMPoliciesForTheAccount"}, "Sid", "is a documented statement's Sid"),
        ({"Effect": "Deny"}, "Effect", "must be Allow: an extra statement adds to the documented four"),
        ({"Principal": "*"}, "Principal", "limit it with a Condition"),
        ({"Principal": {"AWS": "*"}}, "Principal", "limit it with a Condition"),
        ({"Principal": {"AWS": "Auditors"}}, "Principal", "is not an account id"),
        ({"Principal": {"Users": "x"}}, "Principal", "unknown principal kind 'Users'"),
        ({"Action": "kms:Frobnicate"}, "Action", "'kms:Frobnicate' is not a KMS action"),
        ({"Action": "s3:GetObject"}, "Action", "a key policy governs its key"),
        ({"Action": "kms:Frob*"}, "Action", "matches no KMS action"),
        ({"Action": []}, "Action", "non-empty list of strings"),
        ({"Resource": "arn:aws:kms:eu-west-1:123456789012:key/x"}, "Resource", "means this key"),
        ({"Condition": {"StringEquals": "x"}}, "Condition", "condition operators"),
        ({"Actions": "kms:Decrypt"}, "", "unknown element 'Actions'"),
        ({"NotAction": "kms:Decrypt"}, "", "exactly one of Action and NotAction"),
    ],
)
def test_what_kms_would_ignore_or_that_could_take_from_the_policy_is_refused(change, element, fragment):
    problems = extra_statement_problems({**AUDITORS, **change})
    assert any(where == element and fragment in message for where, message in problems), problems


def test_a_statement_without_action_is_refused_for_having_no_effect():
    statement = {key: value for key, value in AUDITORS.items() if key != "Action"}
    assert ("", "give exactly one of Action and NotAction: without either the statement has no effect") in (
        extra_statement_problems(statement)
    )


def namespace_with(*statements) -> dict:
    namespace = valid_namespace()
    namespace["key"]["extraStatements"] = list(statements)
    return namespace


def problems_of(namespace: dict) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        validate_args(namespace)
    return raised.value.problems


def test_config_names_each_problem_at_its_statement_and_element():
    assert problems_of(
        namespace_with(CLOUDTRAIL, {**AUDITORS, "Sid": CLOUDTRAIL["Sid"], "Effect": "Deny"})
    ) == [
        "encrypted-workspaces:key.extraStatements.1.Effect: must be Allow: an extra statement adds to the "
        "documented four, never takes from them; a Deny overrides every Allow, the account root's included "
        "(got 'Deny')",
        "encrypted-workspaces:key.extraStatements.1.Sid: 'AllowCloudTrailToDescribeTheKey' is the Sid of "
        "key.extraStatements.0 too; Sids must be distinct",
    ]


def test_extra_statements_are_a_setting_of_a_key_the_stack_creates():
    namespace = namespace_with(CLOUDTRAIL)
    namespace["key"] = {"existing": "alias/shared-workspaces", "extraStatements": [CLOUDTRAIL]}
    (problem,) = problems_of(namespace)
    assert problem.startswith(
        "encrypted-workspaces:key.extraStatements: applies only to a key this stack creates"
    )


def test_the_stack_key_policy_holds_the_extra_statements_after_the_documented_four(namespace):
    namespace["key"]["extraStatements"] = [CLOUDTRAIL, AUDITORS]
    policy = json.loads(deploy(namespace).by_name("workspaces-key").inputs["policy"])
    assert [s["Sid"] for s in policy["Statement"]] == [
        "EnableIAMPoliciesForTheAccount",
        "AllowKeyAdministrators",
        "AllowKeyUsers",
        "AllowKeyUsersGrantsForAWSResources",
        CLOUDTRAIL["Sid"],
        AUDITORS["Sid"],
    ]
    assert policy["Statement"][4:] == [CLOUDTRAIL, AUDITORS]


def _component_with_output_principal(arn: str):
    def program() -> None:
        namespace = valid_namespace()
        principal = pulumi.Output.from_input(arn).apply(lambda value: value)
        namespace["key"]["extra_statements"] = [{**AUDITORS, "Principal": {"AWS": principal}}]
        EncryptedWorkspaces("workspaces", EncryptedWorkspacesArgs.model_validate(namespace))

    return program


def test_a_statement_holding_an_output_is_in_the_policy_once_it_resolves():
    deployment = simulate(
        _component_with_output_principal(AUDITORS["Principal"]["AWS"]),
        stack="test",
        config=flat_config({}),
        account_id=ACCOUNT_ID,
        region=REGION,
        mocks=AwsMocks(account_id=ACCOUNT_ID, region=REGION),
    )
    policy = json.loads(deployment.by_name("workspaces-key").inputs["policy"])
    assert policy["Statement"][4] == AUDITORS


def test_a_statement_holding_an_output_is_checked_when_it_resolves():
    with pytest.raises(ConfigError) as raised:
        simulate(
            _component_with_output_principal("Auditors"),
            stack="test",
            config=flat_config({}),
            account_id=ACCOUNT_ID,
            region=REGION,
        )
    assert raised.value.problems == [
        "EncryptedWorkspacesArgs.key.extra_statements[0]['Principal']: AWS principal 'Auditors' is not an "
        "account id, an account root, IAM role or user ARN, or *"
    ]
