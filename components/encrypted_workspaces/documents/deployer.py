"""The least-privilege IAM policy of the principal that runs ``pulumi up``, ``pulumi refresh`` and
``pulumi destroy`` of this stack (policies/deployer-policy.json, printed by ``encrypted-workspaces
schema --deployer-policy``).

Its actions are the calls pulumi-aws makes for what the component registers and reads
(``aws.provider_calls``), plus the permissions AWS documents for launching encrypted WorkSpaces; its
statements, one scope each and grouped by service under fixed Sids, say where each action applies.
``deployer_policy`` refuses to make a policy whose statements grant more or less than that list.

Every resource is scoped by ARN where the action allows it, to the names the component gives (its
IAM policies, ``workspaces_DefaultRole``, the key-state rule) or to the resource type; partition,
region and account are ``*`` so that one policy serves every stack. An account wildcard reaches no
other account's IAM, WorkSpaces, EBS or EventBridge resources (they have no resource policy that
could let this principal in); another account's KMS key is reachable only if its key policy names
this principal's account.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from encrypted_workspaces.aws import types
from encrypted_workspaces.aws.limits import DEFAULT_ROLE_NAME
from encrypted_workspaces.aws.provider_calls import (
    DATA_SOURCE_CALLS,
    NO_PERMISSION_NEEDED,
    PROVIDER_SETUP_CALLS,
    RESOURCE_CALLS,
)

from . import actions
from .key_policy import POLICY_VERSION

# What the component registers with retainOnDelete (component.py, parts/account.py): the engine never
# deletes them, so `pulumi destroy` needs none of their delete calls. workspaces_DefaultRole and the
# EBS settings are the account's, which other directories and volumes rely on. (The default role's
# two policy attachments are retained too, but attachments to the administrators are not: detaching
# stays in.)
RETAINED_ON_DELETE: frozenset[str] = frozenset(
    {types.IAM_ROLE, types.EBS_DEFAULT_KMS_KEY, types.EBS_ENCRYPTION_BY_DEFAULT}
)

# Launching a WorkSpace with encrypted volumes: "the WorkSpaces administrators who create WorkSpaces
# with encrypted volumes must have permission to use the CMK ... they can only grant permissions that
# they have": the key users' actions (Part 1) and kms:CreateGrant (Part 2). The deployer launches them.
# https://docs.aws.amazon.com/kms/latest/developerguide/services-workspaces.html
# The key policy's first statement lets IAM policies grant them (key_policy.py).
LAUNCH_ENCRYPTED_WORKSPACES_ACTIONS: tuple[str, ...] = (
    *actions.KEY_USER_ACTIONS,
    actions.ADMINISTRATOR_GRANT_ACTION,
)

# Left out on purpose, because no `pulumi up` of this stack asks for them:
# - iam:PassRole: RegisterWorkspaceDirectory takes no role; WorkSpaces assumes workspaces_DefaultRole by
#   its name (https://docs.aws.amazon.com/workspaces/latest/api/API_RegisterWorkspaceDirectory.html).
# - ds: and ec2: actions: AWS names its AmazonWorkSpacesAdmin managed policy, which grants workspaces
#   and kms actions only, as what a principal needs to register a directory
#   (https://repost.aws/knowledge-center/workspaces-unable-to-register,
#   https://docs.aws.amazon.com/workspaces/latest/adminguide/managed-policies.html).
# - the delete calls of RETAINED_ON_DELETE, and the calls of arguments the component never sets
#   (aws/provider_calls.py names them).

# "To add tags while creating a KMS key, the principal must have permission in an IAM policy that isn't
# restricted to particular KMS keys": kms:TagResource on "*", beside kms:CreateKey.
# https://docs.aws.amazon.com/kms/latest/developerguide/tag-permissions.html
TAG_ON_CREATE_NEEDS_RESOURCE_STAR: frozenset[str] = frozenset({"kms:TagResource"})

# The names the component gives: its two IAM policies (`<name>-workspaces-admin`,
# `<name>-key-grants`, auto-named: Pulumi appends a random suffix) and the key-state rule
# (`<name>-key-state-alarm`, parts/alarms.py). The wildcards keep any component name and autonaming.
ADMINISTRATOR_POLICY_NAMES: tuple[str, ...] = ("*workspaces-admin*", "*key-grants*")
KEY_STATE_RULE_NAME = "*key-state-alarm*"

ANY = "*"  # any partition, region or account: the committed policy serves every stack


@dataclass(frozen=True)
class DeployerScope:
    """Where the deployer works. Each defaults to ``*``, because the committed policy serves every stack;
    a stack's own partition, region and account narrow it (``deployer_policy(scope=...)``)."""

    partition: str = ANY
    region: str = ANY
    account_id: str = ANY

    def arn(self, service: str, resource: str, *, regional: bool = True, account: str | None = None) -> str:
        region = self.region if regional else ""
        return f"arn:{self.partition}:{service}:{region}:{account or self.account_id}:{resource}"


@dataclass(frozen=True)
class DeployerStatement:
    sid: str
    actions: tuple[str, ...]
    resources: tuple[str, ...]
    condition: dict = field(default_factory=dict)

    def as_document(self) -> dict:
        statement: dict = {
            "Sid": self.sid,
            "Effect": "Allow",
            "Action": sorted(self.actions),
            "Resource": self.resources[0] if len(self.resources) == 1 else list(self.resources),
        }
        if self.condition:
            statement["Condition"] = self.condition
        return statement


def deployer_statements(scope: DeployerScope = DeployerScope()) -> tuple[DeployerStatement, ...]:
    """The statements, grouped by service in a fixed order. ``*`` only where the action supports no
    resource-level permission (and kms:TagResource, above)."""
    kms_keys = scope.arn("kms", "key/*")
    administrator_policies = tuple(
        scope.arn("iam", f"policy/{name}", regional=False) for name in ADMINISTRATOR_POLICY_NAMES
    )
    # The AWS managed policies attached to workspaces_DefaultRole (in the account named "aws").
    default_role_policies = tuple(
        scope.arn("iam", f"policy/{name}", regional=False, account="aws")
        for name in actions.DEFAULT_ROLE_MANAGED_POLICIES
    )
    # The administrators' roles, users and groups, whatever they are called (administrators.principals).
    principals = tuple(scope.arn("iam", f"{kind}/*", regional=False) for kind in ("role", "user", "group"))
    workspaces_resources = tuple(
        scope.arn("workspaces", f"{kind}/*")
        for kind in ("directory", "workspace", "workspacebundle", "workspaceipgroup")
    )
    return (
        DeployerStatement(
            "KmsCreateKeysAndListAliases",
            ("kms:CreateKey", "kms:ListAliases", *sorted(TAG_ON_CREATE_NEEDS_RESOURCE_STAR)),
            (ANY,),
        ),
        DeployerStatement(
            "KmsManageKeys",
            (
                "kms:DescribeKey",
                "kms:GetKeyPolicy",
                "kms:GetKeyRotationStatus",
                "kms:ListResourceTags",
                "kms:EnableKey",
                "kms:EnableKeyRotation",
                "kms:DisableKeyRotation",
                "kms:UpdateKeyDescription",
                "kms:PutKeyPolicy",
                "kms:UntagResource",
                "kms:ScheduleKeyDeletion",
            ),
            (kms_keys,),
        ),
        # An alias call is authorized on the alias and on its (old and new) target key.
        DeployerStatement(
            "KmsManageAliases",
            ("kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"),
            (scope.arn("kms", "alias/*"), kms_keys),
        ),
        DeployerStatement(
            "KmsUseKeysToLaunchEncryptedWorkSpaces",
            # kms:DescribeKey, also a key user's action, is granted once, under KmsManageKeys.
            tuple(action for action in actions.KEY_USER_ACTIONS if action != "kms:DescribeKey"),
            (kms_keys,),
        ),
        DeployerStatement(
            "KmsCreateGrantsForWorkSpacesAndEbs",
            (actions.ADMINISTRATOR_GRANT_ACTION,),
            (kms_keys,),
            actions.GRANT_IS_FOR_AWS_RESOURCE,
        ),
        DeployerStatement(
            "IamManageTheAdministratorPolicies",
            (
                "iam:CreatePolicy",
                "iam:GetPolicy",
                "iam:GetPolicyVersion",
                "iam:ListPolicyVersions",
                "iam:CreatePolicyVersion",
                "iam:SetDefaultPolicyVersion",
                "iam:DeletePolicyVersion",
                "iam:DeletePolicy",
                "iam:ListPolicyTags",
                "iam:TagPolicy",
                "iam:UntagPolicy",
            ),
            administrator_policies,
        ),
        # Only the component's policies and the default role's AWS managed ones can be attached: not
        # AdministratorAccess, not another team's policy.
        DeployerStatement(
            "IamAttachOnlyThesePoliciesToPrincipals",
            (
                "iam:AttachRolePolicy",
                "iam:DetachRolePolicy",
                "iam:AttachUserPolicy",
                "iam:DetachUserPolicy",
                "iam:AttachGroupPolicy",
                "iam:DetachGroupPolicy",
            ),
            principals,
            {"ArnLike": {"iam:PolicyARN": [*administrator_policies, *default_role_policies]}},
        ),
        DeployerStatement(
            "IamReadPolicyAttachments",
            ("iam:ListAttachedRolePolicies", "iam:ListAttachedUserPolicies", "iam:ListAttachedGroupPolicies"),
            principals,
        ),
        DeployerStatement(
            "IamManageTheWorkSpacesDefaultRole",
            (
                "iam:CreateRole",
                "iam:GetRole",
                "iam:ListRolePolicies",
                "iam:GetRolePolicy",
                "iam:ListRoleTags",
                "iam:UpdateAssumeRolePolicy",
                "iam:TagRole",
                "iam:UntagRole",
            ),
            (scope.arn("iam", f"role/{DEFAULT_ROLE_NAME}", regional=False),),
        ),
        DeployerStatement(
            "WorkSpacesDescribeAndTag",
            (
                "workspaces:DescribeWorkspaceDirectories",
                "workspaces:DescribeWorkspaces",
                "workspaces:DescribeWorkspaceBundles",
                "workspaces:CreateIpGroup",
                "workspaces:CreateTags",
                "workspaces:DeleteTags",
                "workspaces:DescribeTags",
            ),
            (ANY,),
        ),
        # An action is authorized only on its own resource types (TerminateWorkspaces on a WorkSpace,
        # never on a directory), so one statement over the four types grants no more than four would.
        DeployerStatement(
            "WorkSpacesManageDirectoriesWorkSpacesAndIpGroups",
            (
                "workspaces:RegisterWorkspaceDirectory",
                "workspaces:DeregisterWorkspaceDirectory",
                "workspaces:ModifySelfservicePermissions",
                "workspaces:ModifyWorkspaceAccessProperties",
                "workspaces:ModifyWorkspaceCreationProperties",
                "workspaces:AssociateIpGroups",
                "workspaces:DisassociateIpGroups",
                "workspaces:CreateWorkspaces",
                "workspaces:ModifyWorkspaceProperties",
                "workspaces:TerminateWorkspaces",
                "workspaces:DescribeIpGroups",
                "workspaces:UpdateRulesOfIpGroup",
                "workspaces:DeleteIpGroup",
            ),
            workspaces_resources,
        ),
        DeployerStatement(
            "Ec2EbsEncryptionByDefault",
            (
                "ec2:GetEbsEncryptionByDefault",
                "ec2:EnableEbsEncryptionByDefault",
                "ec2:GetEbsDefaultKmsKeyId",
                "ec2:ModifyEbsDefaultKmsKeyId",
            ),
            (ANY,),
        ),
        DeployerStatement(
            "EventsManageTheKeyStateAlarm",
            (
                "events:PutRule",
                "events:DescribeRule",
                "events:DeleteRule",
                "events:ListTagsForResource",
                "events:TagResource",
                "events:UntagResource",
                "events:PutTargets",
                "events:ListTargetsByRule",
                "events:RemoveTargets",
            ),
            (scope.arn("events", f"rule/{KEY_STATE_RULE_NAME}"),),
        ),
    )


def deployer_actions() -> frozenset[str]:
    """Every IAM action the deployer needs: each provider call of what the component registers (no
    deletes of what it retains), of its data sources and of the provider's setup, bar the calls that
    need no permission; and the documented actions for launching encrypted WorkSpaces."""
    calls: set[str] = set()
    for resource_type, provider_calls in RESOURCE_CALLS.items():
        calls |= provider_calls.calls(deletes=resource_type not in RETAINED_ON_DELETE)
    for provider_calls in (*DATA_SOURCE_CALLS.values(), PROVIDER_SETUP_CALLS):
        calls |= provider_calls.calls()
    return frozenset(calls - NO_PERMISSION_NEEDED) | frozenset(LAUNCH_ENCRYPTED_WORKSPACES_ACTIONS)


def deployer_policy(scope: DeployerScope = DeployerScope()) -> dict:
    """The deployer's IAM policy in ``scope`` (by default any partition, region and account): its
    statements, once they grant exactly ``deployer_actions()``, each action once."""
    statements = deployer_statements(scope)
    granted = [action for statement in statements for action in statement.actions]
    needed = deployer_actions()
    twice = sorted({action for action in granted if granted.count(action) > 1})
    missing, extra = sorted(needed - set(granted)), sorted(set(granted) - needed)
    if twice or missing or extra:
        raise ValueError(
            f"the deployer's statements disagree with the provider calls: missing {missing}, "
            f"not needed {extra}, granted twice {twice}"
        )
    return {"Version": POLICY_VERSION, "Statement": [statement.as_document() for statement in statements]}
