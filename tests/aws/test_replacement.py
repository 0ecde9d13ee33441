"""The replace-on-change table names real input properties, in the engine's (camelCase) names."""

from __future__ import annotations

import pulumi_aws as aws
import pytest
from pulumi import _types

from encrypted_workspaces.aws import types
from encrypted_workspaces.aws.replacement import REPLACED_ON, replaces

ARGS = {
    types.WORKSPACE: aws.workspaces.WorkspaceArgs,
    types.KMS_KEY: aws.kms.KeyArgs,
    types.KMS_ALIAS: aws.kms.AliasArgs,
    types.WORKSPACES_DIRECTORY: aws.workspaces.DirectoryArgs,
    types.IAM_ROLE: aws.iam.RoleArgs,
    types.IAM_POLICY: aws.iam.PolicyArgs,
    types.IAM_ROLE_POLICY_ATTACHMENT: aws.iam.RolePolicyAttachmentArgs,
    types.IAM_USER_POLICY_ATTACHMENT: aws.iam.UserPolicyAttachmentArgs,
    types.IAM_GROUP_POLICY_ATTACHMENT: aws.iam.GroupPolicyAttachmentArgs,
    types.WORKSPACES_IP_GROUP: aws.workspaces.IpGroupArgs,
}


def test_the_table_covers_every_type_the_issue_names():
    assert set(REPLACED_ON) == set(ARGS)


@pytest.mark.parametrize("type_token", sorted(ARGS))
def test_each_replace_on_change_property_is_an_input_of_the_resource(type_token):
    inputs = set(_types.input_type_py_to_pulumi_names(ARGS[type_token]).values())
    assert REPLACED_ON[type_token] <= inputs, REPLACED_ON[type_token] - inputs


def test_a_change_below_a_property_replaces_as_the_property_does():
    assert replaces(types.WORKSPACE, "bundleId")
    assert not replaces(types.WORKSPACE, "workspaceProperties.userVolumeSizeGib")
    assert replaces(types.WORKSPACES_DIRECTORY, "subnetIds[1]")
    assert not replaces(types.KMS_KEY, "policy")
    assert not replaces("aws:s3/bucket:Bucket", "bucket")
