"""Preflight's IAM policy: the whole document, made from the one list of calls its reader makes (with
their dependent actions), linted like every other, and the committed copy in
policies/preflight-policy.json kept equal to the function that makes it."""

from __future__ import annotations

import json
from pathlib import Path

from policy_sentry.querying.actions import get_action_data

from encrypted_workspaces.cli import main
from encrypted_workspaces.documents import preflight_policy
from encrypted_workspaces.documents.actions import (
    DEPENDENT_ACTIONS,
    GET_SERVICE_QUOTA,
    PREFLIGHT_API_CALLS,
    iam_action,
    iam_actions,
)
from encrypted_workspaces.documents.lint import lint_policy

COMMITTED = Path(__file__).resolve().parents[2] / "policies" / "preflight-policy.json"


def test_the_preflight_policy_grants_the_read_calls_of_preflight_and_nothing_else():
    assert preflight_policy() == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ReadWorkSpacesDirectoriesAndBundles",
                "Effect": "Allow",
                "Action": [
                    "workspaces:DescribeWorkspaceBundles",
                    "workspaces:DescribeWorkspaceDirectories",
                    "workspaces:DescribeWorkspaces",
                ],
                "Resource": "*",
            },
            {
                "Sid": "ReadTheDirectoryAndUseItsDataApi",
                "Effect": "Allow",
                "Action": ["ds:AccessDSData", "ds:DescribeDirectories"],
                "Resource": "*",
            },
            {
                "Sid": "LookUpTheDirectorysUsers",
                "Effect": "Allow",
                "Action": ["ds-data:DescribeUser"],
                "Resource": "*",
            },
            {"Sid": "ReadTheSubnets", "Effect": "Allow", "Action": ["ec2:DescribeSubnets"], "Resource": "*"},
            {
                "Sid": "ReadTheWorkSpacesQuota",
                "Effect": "Allow",
                "Action": ["servicequotas:GetAWSDefaultServiceQuota", "servicequotas:GetServiceQuota"],
                "Resource": "*",
            },
            {
                "Sid": "ReadThePrincipalsAndTheDefaultRole",
                "Effect": "Allow",
                "Action": [
                    "iam:GetAccountSummary",
                    "iam:GetGroup",
                    "iam:GetRole",
                    "iam:GetUser",
                    "iam:ListAttachedGroupPolicies",
                    "iam:ListAttachedRolePolicies",
                    "iam:ListAttachedUserPolicies",
                ],
                "Resource": "*",
            },
            {
                "Sid": "ReadTheStacksKey",
                "Effect": "Allow",
                "Action": ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListAliases"],
                "Resource": "*",
            },
            {
                "Sid": "ReadTheAlarmTopic",
                "Effect": "Allow",
                "Action": ["sns:GetTopicAttributes"],
                "Resource": "*",
            },
        ],
    }


def test_the_preflight_policy_is_made_from_the_list_of_calls():
    granted = {action for statement in preflight_policy()["Statement"] for action in statement["Action"]}
    assert granted == {action for call in PREFLIGHT_API_CALLS for action in iam_actions(call)}
    assert all(operation.startswith(("Describe", "Get", "List")) for _, operation in PREFLIGHT_API_CALLS)


def test_every_dependent_action_is_granted_as_the_service_authorization_reference_lists_it():
    # policy_sentry carries the Service Authorization Reference's "Dependent actions" column.
    for call in PREFLIGHT_API_CALLS:
        service, operation = call
        rows = get_action_data(service, operation)[service]
        listed = {dependent for row in rows for dependent in row.get("dependent_actions") or []}
        if call == GET_SERVICE_QUOTA:
            # GetServiceQuota lists, for quotas of some services, the call that reads that service's own
            # limit (dynamodb:DescribeLimits, iam:GetAccountSummary, ...). Preflight reads the WorkSpaces
            # quota only, which has none of them.
            assert not any(action.startswith("workspaces:") for action in listed)
            continue
        assert listed <= set(iam_actions(call)), (iam_action(call), listed)
    assert DEPENDENT_ACTIONS  # ds-data:DescribeUser's ds:AccessDSData


def test_the_preflight_policy_passes_parliament_with_only_resource_star_and_names_real_actions():
    findings = lint_policy("preflight-policy", preflight_policy())
    assert [f for f in findings if not f.accepted] == []
    assert {f.issue for f in findings} == {"RESOURCE_STAR"}


def test_the_committed_policy_file_is_what_preflight_prints(capsys):
    assert main(["preflight", "--print-policy"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == preflight_policy()
    assert COMMITTED.read_text() == printed, (
        "policies/preflight-policy.json is stale: .venv/bin/encrypted-workspaces preflight --print-policy "
        "> policies/preflight-policy.json"
    )
