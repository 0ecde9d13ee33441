"""The deployer's IAM policy: the whole document, made from the provider's calls, every action real,
"*" only where AWS allows nothing narrower, linted, and the committed copy in
policies/deployer-policy.json kept equal to what `schema --deployer-policy` prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from policy_sentry.querying.actions import get_action_data

from encrypted_workspaces.aws import provider_calls, types
from encrypted_workspaces.aws.provider_calls import ProviderCalls
from encrypted_workspaces.cli import main
from encrypted_workspaces.documents import deployer as deployer_module
from encrypted_workspaces.documents import deployer_policy
from encrypted_workspaces.documents.deployer import (
    TAG_ON_CREATE_NEEDS_RESOURCE_STAR,
    DeployerScope,
    deployer_actions,
)
from encrypted_workspaces.documents.lint import lint_policy, unknown_actions

COMMITTED = Path(__file__).resolve().parents[2] / "policies" / "deployer-policy.json"

KEYS = "arn:*:kms:*:*:key/*"
ADMINISTRATOR_POLICIES = ["arn:*:iam::*:policy/*workspaces-admin*", "arn:*:iam::*:policy/*key-grants*"]
PRINCIPALS = ["arn:*:iam::*:role/*", "arn:*:iam::*:user/*", "arn:*:iam::*:group/*"]


def statement(sid, actions, resource, condition=None):
    document = {"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": resource}
    return {**document, "Condition": condition} if condition else document


def test_the_deployer_policy_is_this_whole_document():
    assert deployer_policy() == {
        "Version": "2012-10-17",
        "Statement": [
            statement(
                "KmsCreateKeysAndListAliases", ["kms:CreateKey", "kms:ListAliases", "kms:TagResource"], "*"
            ),
            statement(
                "KmsManageKeys",
                [
                    "kms:DescribeKey",
                    "kms:DisableKeyRotation",
                    "kms:EnableKey",
                    "kms:EnableKeyRotation",
                    "kms:GetKeyPolicy",
                    "kms:GetKeyRotationStatus",
                    "kms:ListResourceTags",
                    "kms:PutKeyPolicy",
                    "kms:ScheduleKeyDeletion",
                    "kms:UntagResource",
                    "kms:UpdateKeyDescription",
                ],
                KEYS,
            ),
            statement(
                "KmsManageAliases",
                ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"],
                ["arn:*:kms:*:*:alias/*", KEYS],
            ),
            statement(
                "KmsUseKeysToLaunchEncryptedWorkSpaces",
                ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
                KEYS,
            ),
            statement(
                "KmsCreateGrantsForWorkSpacesAndEbs",
                ["kms:CreateGrant"],
                KEYS,
                {"Bool": {"kms:GrantIsForAWSResource": "true"}},
            ),
            statement(
                "IamManageTheAdministratorPolicies",
                [
                    "iam:CreatePolicy",
                    "iam:CreatePolicyVersion",
                    "iam:DeletePolicy",
                    "iam:DeletePolicyVersion",
                    "iam:GetPolicy",
                    "iam:GetPolicyVersion",
                    "iam:ListPolicyTags",
                    "iam:ListPolicyVersions",
                    "iam:SetDefaultPolicyVersion",
                    "iam:TagPolicy",
                    "iam:UntagPolicy",
                ],
                ADMINISTRATOR_POLICIES,
            ),
            statement(
                "IamAttachOnlyThesePoliciesToPrincipals",
                [
                    "iam:AttachGroupPolicy",
                    "iam:AttachRolePolicy",
                    "iam:AttachUserPolicy",
                    "iam:DetachGroupPolicy",
                    "iam:DetachRolePolicy",
                    "iam:DetachUserPolicy",
                ],
                PRINCIPALS,
                {
                    "ArnLike": {
                        "iam:PolicyARN": [
                            *ADMINISTRATOR_POLICIES,
                            "arn:*:iam::aws:policy/AmazonWorkSpacesServiceAccess",
                            "arn:*:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess",
                        ]
                    }
                },
            ),
            statement(
                "IamReadPolicyAttachments",
                [
                    "iam:ListAttachedGroupPolicies",
                    "iam:ListAttachedRolePolicies",
                    "iam:ListAttachedUserPolicies",
                ],
                PRINCIPALS,
            ),
            statement(
                "IamManageTheWorkSpacesDefaultRole",
                [
                    "iam:CreateRole",
                    "iam:GetRole",
                    "iam:GetRolePolicy",
                    "iam:ListRolePolicies",
                    "iam:ListRoleTags",
                    "iam:TagRole",
                    "iam:UntagRole",
                    "iam:UpdateAssumeRolePolicy",
                ],
                "arn:*:iam::*:role/workspaces_DefaultRole",
            ),
            statement(
                "WorkSpacesDescribeAndTag",
                [
                    "workspaces:CreateIpGroup",
                    "workspaces:CreateTags",
                    "workspaces:DeleteTags",
                    "workspaces:DescribeTags",
                    "workspaces:DescribeWorkspaceBundles",
                    "workspaces:DescribeWorkspaceDirectories",
                    "workspaces:DescribeWorkspaces",
                ],
                "*",
            ),
            statement(
                "WorkSpacesManageDirectoriesWorkSpacesAndIpGroups",
                [
                    "workspaces:AssociateIpGroups",
                    "workspaces:CreateWorkspaces",
                    "workspaces:DeleteIpGroup",
                    "workspaces:DeregisterWorkspaceDirectory",
                    "workspaces:DescribeIpGroups",
                    "workspaces:DisassociateIpGroups",
                    "workspaces:ModifySelfservicePermissions",
                    "workspaces:ModifyWorkspaceAccessProperties",
                    "workspaces:ModifyWorkspaceCreationProperties",
                    "workspaces:ModifyWorkspaceProperties",
                    "workspaces:RegisterWorkspaceDirectory",
                    "workspaces:TerminateWorkspaces",
                    "workspaces:UpdateRulesOfIpGroup",
                ],
                [
                    "arn:*:workspaces:*:*:directory/*",
                    "arn:*:workspaces:*:*:workspace/*",
                    "arn:*:workspaces:*:*:workspacebundle/*",
                    "arn:*:workspaces:*:*:workspaceipgroup/*",
                ],
            ),
            statement(
                "Ec2EbsEncryptionByDefault",
                [
                    "ec2:EnableEbsEncryptionByDefault",
                    "ec2:GetEbsDefaultKmsKeyId",
                    "ec2:GetEbsEncryptionByDefault",
                    "ec2:ModifyEbsDefaultKmsKeyId",
                ],
                "*",
            ),
            statement(
                "EventsManageTheKeyStateAlarm",
                [
                    "events:DeleteRule",
                    "events:DescribeRule",
                    "events:ListTagsForResource",
                    "events:ListTargetsByRule",
                    "events:PutRule",
                    "events:PutTargets",
                    "events:RemoveTargets",
                    "events:TagResource",
                    "events:UntagResource",
                ],
                "arn:*:events:*:*:rule/*key-state-alarm*",
            ),
        ],
    }


def _granted(document: dict) -> list[str]:
    return [action for statement in document["Statement"] for action in statement["Action"]]


def test_it_grants_each_provider_call_and_the_documented_launch_actions_once():
    granted = _granted(deployer_policy())
    assert len(granted) == len(set(granted))
    assert set(granted) == deployer_actions()
    # What no IAM policy governs is left out; what the engine never deletes is not deletable.
    assert "sts:GetCallerIdentity" not in granted
    assert not {"iam:DeleteRole", "ec2:DisableEbsEncryptionByDefault", "ec2:ResetEbsDefaultKmsKeyId"} & set(
        granted
    )
    # Launching encrypted WorkSpaces, as the KMS developer guide prescribes for their administrators.
    assert {"kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant"} <= set(
        granted
    )


def test_it_refuses_to_be_made_when_a_provider_call_has_no_statement(monkeypatch):
    calls = dict(provider_calls.RESOURCE_CALLS)
    calls[types.KMS_ALIAS] = ProviderCalls(
        source=("kms/alias.go",), create=("kms:CreateAlias", "kms:ListKeys")
    )
    monkeypatch.setattr(deployer_module, "RESOURCE_CALLS", calls)
    with pytest.raises(ValueError, match=r"missing \['kms:ListKeys'\], not needed \['kms:DeleteAlias'"):
        deployer_policy()


def test_every_action_names_a_real_action():
    assert unknown_actions(deployer_policy()) == []


def _arn_formats(action: str) -> list[str]:
    service, name = action.split(":")
    return [row["resource_arn_format"] for row in get_action_data(service, name)[service]]


def _could_name(pattern: str, arn_format: str) -> bool:
    """Whether a policy's resource pattern (IAM wildcards) names resources of an ARN format of the
    Service Authorization Reference (``arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}``)."""
    example = pattern.replace("*", "x1").replace("?", "x")
    regex = "".join(
        ".+" if part.startswith("${") else re.escape(part) for part in re.split(r"(\$\{\w+\})", arn_format)
    )
    return re.fullmatch(regex, example) is not None


def test_resource_star_only_where_the_action_supports_no_resource_level_permission():
    for statement in deployer_policy()["Statement"]:
        resources = (
            [statement["Resource"]] if isinstance(statement["Resource"], str) else statement["Resource"]
        )
        for action in statement["Action"]:
            scoped_formats = (
                [f for f in _arn_formats(action.rstrip("*")) if f != "*"] if "*" not in action else []
            )
            if resources == ["*"]:
                # Nothing narrower exists, or AWS requires "*" (tagging a KMS key as it is created).
                assert scoped_formats == [] or action in TAG_ON_CREATE_NEEDS_RESOURCE_STAR, action
            elif "*" not in action:
                assert any(_could_name(r, f) for r in resources for f in scoped_formats), (
                    statement["Sid"],
                    action,
                )
        if resources != ["*"]:
            # ... and every resource the statement names is one an action of it applies to.
            formats = [f for action in statement["Action"] if "*" not in action for f in _arn_formats(action)]
            assert all(any(_could_name(r, f) for f in formats) for r in resources), statement["Sid"]


# The statements that scope to a resource type and no further: in any partition, region and account,
# one policy for every stack. A stack's own scope leaves only kms:TagResource on "*", which AWS requires.
ACCOUNT_WIDE_BY_WILDCARD = {
    "KmsManageKeys",
    "KmsManageAliases",
    "KmsUseKeysToLaunchEncryptedWorkSpaces",
    "KmsCreateGrantsForWorkSpacesAndEbs",
    "IamAttachOnlyThesePoliciesToPrincipals",
    "IamReadPolicyAttachments",
    "WorkSpacesManageDirectoriesWorkSpacesAndIpGroups",
}


def test_parliament_finds_only_the_wildcard_scopes_and_the_documented_resource_star():
    findings = {}
    for statement in deployer_policy()["Statement"]:
        single = {"Version": "2012-10-17", "Statement": [statement]}
        for finding in lint_policy(statement["Sid"], single):
            findings.setdefault(finding.issue, set()).add((statement["Sid"], finding.detail))
    assert findings == {
        "RESOURCE_STAR": {("KmsCreateKeysAndListAliases", '["kms:TagResource"]')},
        "RESOURCE_EFFECTIVELY_STAR": {(sid, "null") for sid in ACCOUNT_WIDE_BY_WILDCARD},
    }


@pytest.mark.parametrize(
    "scope",
    [
        DeployerScope("aws", "eu-west-1", "123456789012"),
        DeployerScope("aws-us-gov", "us-gov-west-1", "123456789012"),
    ],
)
def test_in_a_stacks_own_scope_parliament_finds_only_the_documented_resource_star(scope):
    document = deployer_policy(scope)
    assert _granted(document) == _granted(deployer_policy())
    assert [(f.issue, f.detail) for f in lint_policy("deployer-policy", document)] == [
        ("RESOURCE_STAR", '["kms:TagResource"]')
    ]
    assert f"arn:{scope.partition}:iam::aws:policy/AmazonWorkSpacesServiceAccess" in json.dumps(document)
    assert f"arn:{scope.partition}:kms:{scope.region}:{scope.account_id}:key/*" in json.dumps(document)


def test_the_committed_policy_file_is_what_schema_prints(capsys):
    assert main(["schema", "--deployer-policy"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == deployer_policy()
    assert COMMITTED.read_text() == printed, "policies/deployer-policy.json is stale: run `make generate`"


# "Managed policy size: 6,144 characters"; "IAM does not count white space when calculating the size of
# a policy". https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
MANAGED_POLICY_MAX_CHARACTERS = 6144


def test_it_fits_in_one_managed_policy_in_any_scope():
    for scope in (DeployerScope(), DeployerScope("aws-us-gov", "us-gov-west-1", "123456789012")):
        text = re.sub(r"\s", "", json.dumps(deployer_policy(scope)))
        assert len(text) <= MANAGED_POLICY_MAX_CHARACTERS
