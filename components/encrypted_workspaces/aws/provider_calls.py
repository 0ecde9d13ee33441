"""The AWS API calls pulumi-aws makes for each resource type and data source this package uses, by
operation: the deployer's IAM policy (documents/deployer.py) is made from this table.

pulumi-aws bridges terraform-provider-aws: every call below was read in that provider's source, in the
file named by ``source`` (paths under ``internal/service/`` of
https://github.com/hashicorp/terraform-provider-aws): the resource's Create, Read, Update and Delete
functions, the finders and waiters they call (the service's ``find.go``, ``status.go``, ``wait.go``
where they live apart), and the tagging calls of the service's ``tags_gen.go`` that the resource's
``@Tags`` annotation wires into every Create, Read and Update. Read in the v6 line (aws-sdk-go-v2
code, the line pulumi-aws 7.x bridges) where the search index had it: kms/key.go, iam/policy.go,
iam/role.go, workspaces/directory.go, workspaces/ip_group.go, events/rule.go from
hashicorp/terraform-provider-aws, workspaces/workspace.go from an aws-sdk-go-v2 fork of it; every file,
these included, also in the v5.14 line of Pulumi's fork (https://github.com/pulumi/terraform-provider-aws,
branch ``patched-v5.14.0``), whose calls are the same but where a comment below says otherwise.

Each call is written as its IAM action, ``service:Operation``: for every call here the action has
the operation's name (Service Authorization Reference). Calls the provider makes only for arguments
the component never sets are left out, each named in a comment: a policy for them would grant what no
``pulumi up`` of this stack asks for.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import types


@dataclass(frozen=True)
class ProviderCalls:
    """The calls of one resource type (or data source), by the operation of the engine that makes them:
    ``pulumi up`` creates, reads, updates and deletes (a replacement deletes; removed resources are
    deleted), ``pulumi refresh`` and ``pulumi import`` read, ``pulumi destroy`` deletes."""

    source: tuple[str, ...]  # files under internal/service/ of terraform-provider-aws
    create: tuple[str, ...] = ()
    read: tuple[str, ...] = ()
    update: tuple[str, ...] = ()
    delete: tuple[str, ...] = ()

    def calls(self, *, deletes: bool = True) -> frozenset[str]:
        """Every call, or every call but the deletes (for a resource the engine never deletes)."""
        return frozenset(self.create + self.read + self.update + (self.delete if deletes else ()))


# Tagging, per service (each service's tags_gen.go): listing on Read, adding and removing on Update.
# Tags given at creation ride on the Create call itself, and AWS then authorizes the tagging action
# too (documents/deployer.py says where that matters for the policy's scope).
_KMS_TAGS_READ = ("kms:ListResourceTags",)
_KMS_TAGS_UPDATE = ("kms:TagResource", "kms:UntagResource")
_WORKSPACES_TAGS_READ = ("workspaces:DescribeTags",)
_WORKSPACES_TAGS_UPDATE = ("workspaces:CreateTags", "workspaces:DeleteTags")
_EVENTS_TAGS_READ = ("events:ListTagsForResource",)
_EVENTS_TAGS_UPDATE = ("events:TagResource", "events:UntagResource")

# The resource types the component registers, and what the provider asks AWS for each of them.
RESOURCE_CALLS: dict[str, ProviderCalls] = {
    # kms/key.go (@Tags(identifierAttribute="id")): CreateKey, then EnableKeyRotation (with
    # rotation_period_in_days) and the propagation waiters, which read the policy, the rotation status and
    # the tags back; Read: DescribeKey, GetKeyPolicy, GetKeyRotationStatus and the tags; Delete:
    # ScheduleKeyDeletion, then DescribeKey until the key is pending deletion. Update: EnableKey when the
    # key was disabled outside the stack (is_enabled defaults to true), UpdateKeyDescription (then
    # DescribeKey), PutKeyPolicy, Enable/DisableKeyRotation. Not made: DisableKey (is_enabled, which the
    # component never sets to false).
    types.KMS_KEY: ProviderCalls(
        source=("kms/key.go", "kms/tags_gen.go"),
        create=(
            "kms:CreateKey",
            "kms:EnableKeyRotation",
            "kms:GetKeyPolicy",
            "kms:GetKeyRotationStatus",
            "kms:ListResourceTags",
        ),
        read=("kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", *_KMS_TAGS_READ),
        update=(
            "kms:EnableKey",
            "kms:EnableKeyRotation",
            "kms:DisableKeyRotation",
            "kms:UpdateKeyDescription",
            "kms:PutKeyPolicy",
            *_KMS_TAGS_UPDATE,
        ),
        delete=("kms:ScheduleKeyDeletion", "kms:DescribeKey"),
    ),
    # kms/alias.go, and kms/find.go's FindAliasByName (ListAliases): CreateAlias, UpdateAlias (a new
    # target key), DeleteAlias.
    types.KMS_ALIAS: ProviderCalls(
        source=("kms/alias.go", "kms/find.go"),
        create=("kms:CreateAlias",),
        read=("kms:ListAliases",),
        update=("kms:UpdateAlias",),
        delete=("kms:DeleteAlias",),
    ),
    # iam/policy.go (@Tags(identifierAttribute="arn", resourceType="Policy")): CreatePolicy (tags on
    # create); Read: GetPolicy and GetPolicyVersion of the default version, tags by ListPolicyTags (v6's
    # tagging; v5.14 took them from GetPolicy); Update:
    # ListPolicyVersions and DeletePolicyVersion of the oldest when five exist (policyPruneVersions), then
    # CreatePolicyVersion and SetDefaultPolicyVersion (v6; v5.14 set the default in CreatePolicyVersion);
    # Delete: ListPolicyVersions, DeletePolicyVersion of each non-default version, DeletePolicy.
    types.IAM_POLICY: ProviderCalls(
        source=("iam/policy.go", "iam/tags.go"),
        create=("iam:CreatePolicy",),
        read=("iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyTags"),
        update=(
            "iam:ListPolicyVersions",
            "iam:DeletePolicyVersion",
            "iam:CreatePolicyVersion",
            "iam:SetDefaultPolicyVersion",
            "iam:TagPolicy",
            "iam:UntagPolicy",
        ),
        delete=("iam:ListPolicyVersions", "iam:DeletePolicyVersion", "iam:DeletePolicy"),
    ),
    # iam/role.go (@Tags(identifierAttribute="name", resourceType="Role")): CreateRole (tags on create);
    # Read: GetRole, ListRolePolicies and GetRolePolicy (readRoleInlinePolicies), ListAttachedRolePolicies
    # (managed_policy_arns), tags by ListRoleTags (v6; v5.14 took them from GetRole); Update:
    # UpdateAssumeRolePolicy, TagRole, UntagRole;
    # Delete: ListInstanceProfilesForRole, RemoveRoleFromInstanceProfile, DeleteRole. Not made:
    # UpdateRoleDescription, UpdateRole, Put/DeleteRolePermissionsBoundary, PutRolePolicy,
    # AttachRolePolicy/DetachRolePolicy (description, max_session_duration, permissions_boundary,
    # inline_policy, managed_policy_arns: never set by the component).
    types.IAM_ROLE: ProviderCalls(
        source=("iam/role.go", "iam/tags.go"),
        create=("iam:CreateRole",),
        read=(
            "iam:GetRole",
            "iam:ListRolePolicies",
            "iam:GetRolePolicy",
            "iam:ListAttachedRolePolicies",
            "iam:ListRoleTags",
        ),
        update=("iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole"),
        delete=("iam:ListInstanceProfilesForRole", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteRole"),
    ),
    # iam/role_policy_attachment.go: AttachRolePolicy; Read by ListAttachedRolePolicies; DetachRolePolicy.
    types.IAM_ROLE_POLICY_ATTACHMENT: ProviderCalls(
        source=("iam/role_policy_attachment.go",),
        create=("iam:AttachRolePolicy",),
        read=("iam:ListAttachedRolePolicies",),
        delete=("iam:DetachRolePolicy",),
    ),
    # iam/user_policy_attachment.go (and iam/find.go's FindUserAttachedPolicy).
    types.IAM_USER_POLICY_ATTACHMENT: ProviderCalls(
        source=("iam/user_policy_attachment.go", "iam/find.go"),
        create=("iam:AttachUserPolicy",),
        read=("iam:ListAttachedUserPolicies",),
        delete=("iam:DetachUserPolicy",),
    ),
    # iam/group_policy_attachment.go (and iam/find.go's FindGroupAttachedPolicy).
    types.IAM_GROUP_POLICY_ATTACHMENT: ProviderCalls(
        source=("iam/group_policy_attachment.go", "iam/find.go"),
        create=("iam:AttachGroupPolicy",),
        read=("iam:ListAttachedGroupPolicies",),
        delete=("iam:DetachGroupPolicy",),
    ),
    # workspaces/directory.go (@Tags(identifierAttribute="id")): RegisterWorkspaceDirectory (tags on
    # create), waitDirectoryRegistered (DescribeWorkspaceDirectories), then ModifySelfservicePermissions,
    # ModifyWorkspaceAccessProperties, ModifyWorkspaceCreationProperties and AssociateIpGroups; Update: the
    # same Modify calls, Associate/DisassociateIpGroups; Delete: DeregisterWorkspaceDirectory, then
    # DescribeWorkspaceDirectories until deregistered. Not made: ModifySamlProperties,
    # ModifyCertificateBasedAuthProperties (saml_properties, certificate_based_auth_properties: never set).
    types.WORKSPACES_DIRECTORY: ProviderCalls(
        source=("workspaces/directory.go", "workspaces/tags_gen.go"),
        create=(
            "workspaces:RegisterWorkspaceDirectory",
            "workspaces:DescribeWorkspaceDirectories",
            "workspaces:ModifySelfservicePermissions",
            "workspaces:ModifyWorkspaceAccessProperties",
            "workspaces:ModifyWorkspaceCreationProperties",
            "workspaces:AssociateIpGroups",
        ),
        read=("workspaces:DescribeWorkspaceDirectories", *_WORKSPACES_TAGS_READ),
        update=(
            "workspaces:ModifySelfservicePermissions",
            "workspaces:ModifyWorkspaceAccessProperties",
            "workspaces:ModifyWorkspaceCreationProperties",
            "workspaces:AssociateIpGroups",
            "workspaces:DisassociateIpGroups",
            *_WORKSPACES_TAGS_UPDATE,
        ),
        delete=("workspaces:DeregisterWorkspaceDirectory", "workspaces:DescribeWorkspaceDirectories"),
    ),
    # workspaces/workspace.go (@Tags(identifierAttribute="id")) and workspaces/status.go,
    # workspaces/wait.go: CreateWorkspaces (tags on create), then DescribeWorkspaces until AVAILABLE;
    # Update: ModifyWorkspaceProperties, one property at a time, each followed by DescribeWorkspaces;
    # Delete: TerminateWorkspaces, then DescribeWorkspaces until TERMINATED.
    types.WORKSPACE: ProviderCalls(
        source=("workspaces/workspace.go", "workspaces/status.go", "workspaces/tags_gen.go"),
        create=("workspaces:CreateWorkspaces", "workspaces:DescribeWorkspaces"),
        read=("workspaces:DescribeWorkspaces", *_WORKSPACES_TAGS_READ),
        update=(
            "workspaces:ModifyWorkspaceProperties",
            "workspaces:DescribeWorkspaces",
            *_WORKSPACES_TAGS_UPDATE,
        ),
        delete=("workspaces:TerminateWorkspaces", "workspaces:DescribeWorkspaces"),
    ),
    # workspaces/ip_group.go (@Tags(identifierAttribute="id")): CreateIpGroup (tags on create); Read:
    # DescribeIpGroups; Update: UpdateRulesOfIpGroup; Delete: DescribeWorkspaceDirectories,
    # DisassociateIpGroups from each directory that uses the group, DeleteIpGroup.
    types.WORKSPACES_IP_GROUP: ProviderCalls(
        source=("workspaces/ip_group.go", "workspaces/tags_gen.go"),
        create=("workspaces:CreateIpGroup",),
        read=("workspaces:DescribeIpGroups", *_WORKSPACES_TAGS_READ),
        update=("workspaces:UpdateRulesOfIpGroup", *_WORKSPACES_TAGS_UPDATE),
        delete=(
            "workspaces:DescribeWorkspaceDirectories",
            "workspaces:DisassociateIpGroups",
            "workspaces:DeleteIpGroup",
        ),
    ),
    # ec2/ebs_default_kms_key.go: ModifyEbsDefaultKmsKeyId; Read: GetEbsDefaultKmsKeyId; Delete:
    # ResetEbsDefaultKmsKeyId.
    types.EBS_DEFAULT_KMS_KEY: ProviderCalls(
        source=("ec2/ebs_default_kms_key.go",),
        create=("ec2:ModifyEbsDefaultKmsKeyId",),
        read=("ec2:GetEbsDefaultKmsKeyId",),
        delete=("ec2:ResetEbsDefaultKmsKeyId",),
    ),
    # ec2/ebs_encryption_by_default.go: Enable (or Disable) EbsEncryptionByDefault on create and update;
    # Read: GetEbsEncryptionByDefault; Delete: DisableEbsEncryptionByDefault. Not made on create or
    # update: DisableEbsEncryptionByDefault (enabled, which the component always sets to true).
    types.EBS_ENCRYPTION_BY_DEFAULT: ProviderCalls(
        source=("ec2/ebs_encryption_by_default.go",),
        create=("ec2:EnableEbsEncryptionByDefault",),
        read=("ec2:GetEbsEncryptionByDefault",),
        update=("ec2:EnableEbsEncryptionByDefault",),
        delete=("ec2:DisableEbsEncryptionByDefault",),
    ),
    # events/rule.go (@Tags(identifierAttribute="arn")): PutRule (tags on create, and on update for ABAC),
    # then DescribeRule until it is found; Read: DescribeRule; Update: PutRule; Delete: DeleteRule.
    types.EVENT_RULE: ProviderCalls(
        source=("events/rule.go", "events/tags_gen.go"),
        create=("events:PutRule", "events:DescribeRule"),
        read=("events:DescribeRule", *_EVENTS_TAGS_READ),
        update=("events:PutRule", *_EVENTS_TAGS_UPDATE),
        delete=("events:DeleteRule",),
    ),
    # events/target.go, and events/find.go's FindTargetByThreePartKey (ListTargetsByRule): PutTargets on
    # create and update, RemoveTargets on delete.
    types.EVENT_TARGET: ProviderCalls(
        source=("events/target.go", "events/find.go"),
        create=("events:PutTargets",),
        read=("events:ListTargetsByRule",),
        update=("events:PutTargets",),
        delete=("events:RemoveTargets",),
    ),
}

# The data sources the component reads (invokes): under `pulumi up`, `preview` and `refresh` alike.
DATA_SOURCE_CALLS: dict[str, ProviderCalls] = {
    # meta/partition_data_source.go: the partition of the provider's region, from the provider's own
    # endpoint data: no call.
    types.GET_PARTITION: ProviderCalls(source=("meta/partition_data_source.go",)),
    # sts/caller_identity_data_source.go: GetCallerIdentity.
    types.GET_CALLER_IDENTITY: ProviderCalls(
        source=("sts/caller_identity_data_source.go",), read=("sts:GetCallerIdentity",)
    ),
    # kms/key_data_source.go: DescribeKey (key.existing, by key ARN, alias ARN or alias).
    types.GET_KMS_KEY: ProviderCalls(source=("kms/key_data_source.go",), read=("kms:DescribeKey",)),
    # workspaces/bundle_data_source.go: DescribeWorkspaceBundles (a bundle by name and owner).
    types.GET_WORKSPACES_BUNDLE: ProviderCalls(
        source=("workspaces/bundle_data_source.go",), read=("workspaces:DescribeWorkspaceBundles",)
    ),
}

# The provider's own configuration, before any resource: it validates the credentials with
# GetCallerIdentity (skipCredentialsValidation defaults to false) and takes the account id (checked
# against aws:allowedAccountIds) from the same answer. hashicorp/aws-sdk-go-base, aws_config.go
# (GetAwsConfig, GetAwsAccountIDAndPartition): the iam:GetUser / iam:ListRoles fallbacks run only with
# skipCredentialsValidation set, which this project does not set.
PROVIDER_SETUP_CALLS = ProviderCalls(
    source=("aws-sdk-go-base: aws_config.go",), read=("sts:GetCallerIdentity",)
)

# Calls that no IAM policy allows or denies: "No permissions are required to perform this operation."
# https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
NO_PERMISSION_NEEDED: frozenset[str] = frozenset({"sts:GetCallerIdentity"})
