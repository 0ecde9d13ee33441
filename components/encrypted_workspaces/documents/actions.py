"""Named action sets, each copied from the AWS page it comes from.

Corrections to the AWS samples (see shared/seeds/README.md) are made here, once, and named:
- ``kms:ReEncrypt`` in the samples' key-users statement is not a KMS action and grants nothing;
  the real actions are ``kms:ReEncryptFrom``/``kms:ReEncryptTo``, written ``kms:ReEncrypt*``.
- the retired ``wam:`` actions and the entries that ``ds:*``/``workspaces:*`` already cover are
  left out of the WorkSpaces administrators' policy.
- the key administrators' statement adds ``kms:TagResource``, ``kms:UntagResource``,
  ``kms:ScheduleKeyDeletion`` and ``kms:CancelKeyDeletion``, which the sample omits and the KMS
  default key policy for key administrators grants: without them the administrators can neither
  tag the key nor schedule or cancel its deletion.
"""

from __future__ import annotations

# Key policy, statement 1 ("matches the default AWS KMS key policy"): the account may use IAM
# policies to control access to the key, so the key can never be locked out.
# https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
ACCOUNT_ROOT_ACTION = "kms:*"

# Key policy, statement 2: the principals who manage (but do not use) the key.
# https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
# Note: kms:Create* includes kms:CreateGrant without the kms:GrantIsForAWSResource condition; the
# KMS default key policy grants administrators the same, so we keep the documented set.
DOCUMENTED_KEY_ADMINISTRATOR_ACTIONS: tuple[str, ...] = (
    "kms:Create*",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
)
# Correction: what the KMS default key policy's "Allows key administrators to administer the KMS
# key" statement grants beyond the WorkSpaces sample, in its order. Without them a key administrator
# cannot tag the key, schedule its deletion or cancel a deletion someone else scheduled.
# https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators
KEY_ADMINISTRATOR_ACTIONS_FROM_THE_DEFAULT_KEY_POLICY: tuple[str, ...] = (
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
)
KEY_ADMINISTRATOR_ACTIONS: tuple[str, ...] = (
    DOCUMENTED_KEY_ADMINISTRATOR_ACTIONS + KEY_ADMINISTRATOR_ACTIONS_FROM_THE_DEFAULT_KEY_POLICY
)

# Key policy, statement 3: the principals who use the key (WorkSpaces administrators, Part 1).
# https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
# Correction: the sample's "kms:ReEncrypt" is not an action; "kms:ReEncrypt*" is what it meant.
KEY_USER_ACTIONS: tuple[str, ...] = (
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:DescribeKey",
)

# Key policy, statement 4: key users may let AWS services (WorkSpaces, EBS) hold grants on the key,
# and only AWS services: see GRANT_IS_FOR_AWS_RESOURCE.
# https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
KEY_USER_GRANT_ACTIONS: tuple[str, ...] = (
    "kms:CreateGrant",
    "kms:ListGrants",
    "kms:RevokeGrant",
)

# The condition that limits grants to those an AWS service creates on a principal's behalf.
# https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/EBSEncryption.html (least privilege)
GRANT_IS_FOR_AWS_RESOURCE: dict[str, dict[str, str]] = {"Bool": {"kms:GrantIsForAWSResource": "true"}}

# IAM policy for WorkSpaces administrators: access to WorkSpaces and Directory Service (Part 2).
# https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
# Correction: without the retired wam: actions and without entries that the wildcards already grant.
WORKSPACES_ADMINISTRATOR_ACTIONS: tuple[str, ...] = (
    "ds:*",
    "workspaces:*",
)

# IAM policy for WorkSpaces administrators, key-scoped variant: create grants on this key only.
# https://docs.aws.amazon.com/kms/latest/developerguide/services-workspaces.html
ADMINISTRATOR_GRANT_ACTION = "kms:CreateGrant"

# Only the console needs these, to list the keys an administrator may pick; "if your WorkSpaces
# administrators use only the Amazon WorkSpaces API (not the console), you can omit" them.
# https://docs.aws.amazon.com/kms/latest/developerguide/services-workspaces.html
CONSOLE_KEY_LISTING_ACTIONS: tuple[str, ...] = (
    "kms:ListAliases",
    "kms:ListKeys",
)

# Trust policy of workspaces_DefaultRole: the WorkSpaces service assumes it.
# https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-access-control.html
WORKSPACES_SERVICE_PRINCIPAL = "workspaces.amazonaws.com"
ASSUME_ROLE_ACTION = "sts:AssumeRole"

# AWS managed policies attached to workspaces_DefaultRole.
# https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-access-control.html
DEFAULT_ROLE_MANAGED_POLICIES: tuple[str, ...] = (
    "AmazonWorkSpacesServiceAccess",
    "AmazonWorkSpacesSelfServiceAccess",
)

# The read-only API calls `encrypted-workspaces audit` makes, as (service, operation). The audit's
# reader makes these calls and no others, and documents.iam.audit_policy grants exactly their IAM
# actions (service:Operation, the same name for each of these; Service Authorization Reference,
# https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonworkspaces.html and
# .../list_awskeymanagementservice.html): one list, so the policy cannot drift from the code.
DESCRIBE_WORKSPACES = ("workspaces", "DescribeWorkspaces")
DESCRIBE_WORKSPACE_DIRECTORIES = ("workspaces", "DescribeWorkspaceDirectories")
DESCRIBE_KEY = ("kms", "DescribeKey")
GET_KEY_POLICY = ("kms", "GetKeyPolicy")
GET_KEY_ROTATION_STATUS = ("kms", "GetKeyRotationStatus")
LIST_ALIASES = ("kms", "ListAliases")
AUDIT_API_CALLS: tuple[tuple[str, str], ...] = (
    DESCRIBE_WORKSPACES,
    DESCRIBE_WORKSPACE_DIRECTORIES,
    DESCRIBE_KEY,
    GET_KEY_POLICY,
    GET_KEY_ROTATION_STATUS,
    LIST_ALIASES,
)


# The read-only API calls `encrypted-workspaces preflight` makes, as (IAM service prefix, operation):
# its reader makes these calls and no others, and documents.iam.preflight_policy grants exactly their
# IAM actions (Service Authorization Reference, list_amazonworkspaces.html, list_awsdirectoryservice.html,
# list_awsdirectoryservicedata.html, list_amazonec2.html, list_servicequotas.html,
# list_awsidentityandaccessmanagementiam.html, list_awskeymanagementservice.html, list_amazonsns.html).
DESCRIBE_WORKSPACE_BUNDLES = ("workspaces", "DescribeWorkspaceBundles")
DESCRIBE_DIRECTORIES = ("ds", "DescribeDirectories")
DESCRIBE_USER = ("ds-data", "DescribeUser")
DESCRIBE_SUBNETS = ("ec2", "DescribeSubnets")
GET_SERVICE_QUOTA = ("servicequotas", "GetServiceQuota")
GET_AWS_DEFAULT_SERVICE_QUOTA = ("servicequotas", "GetAWSDefaultServiceQuota")
GET_ROLE = ("iam", "GetRole")
GET_USER = ("iam", "GetUser")
GET_GROUP = ("iam", "GetGroup")
LIST_ATTACHED_ROLE_POLICIES = ("iam", "ListAttachedRolePolicies")
LIST_ATTACHED_USER_POLICIES = ("iam", "ListAttachedUserPolicies")
LIST_ATTACHED_GROUP_POLICIES = ("iam", "ListAttachedGroupPolicies")
GET_ACCOUNT_SUMMARY = ("iam", "GetAccountSummary")
GET_TOPIC_ATTRIBUTES = ("sns", "GetTopicAttributes")
PREFLIGHT_API_CALLS: tuple[tuple[str, str], ...] = (
    DESCRIBE_WORKSPACES,
    DESCRIBE_WORKSPACE_DIRECTORIES,
    DESCRIBE_WORKSPACE_BUNDLES,
    DESCRIBE_DIRECTORIES,
    DESCRIBE_USER,
    DESCRIBE_SUBNETS,
    GET_SERVICE_QUOTA,
    GET_AWS_DEFAULT_SERVICE_QUOTA,
    GET_ROLE,
    GET_USER,
    GET_GROUP,
    LIST_ATTACHED_ROLE_POLICIES,
    LIST_ATTACHED_USER_POLICIES,
    LIST_ATTACHED_GROUP_POLICIES,
    GET_ACCOUNT_SUMMARY,
    DESCRIBE_KEY,
    GET_KEY_POLICY,
    LIST_ALIASES,
    GET_TOPIC_ATTRIBUTES,
)
# Actions a call needs besides its own ("Dependent actions" in the Service Authorization Reference):
# every Directory Service Data operation also needs ds:AccessDSData.
# https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsdirectoryservicedata.html
DEPENDENT_ACTIONS: dict[tuple[str, str], tuple[str, ...]] = {DESCRIBE_USER: ("ds:AccessDSData",)}


# Who the credentials belong to, so that a stack is audited in its own account. No IAM permission
# allows or denies it ("No permissions are required to perform this operation"), so it is not in the
# audit's policy.
# https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
GET_CALLER_IDENTITY = ("sts", "GetCallerIdentity")


def iam_action(call: tuple[str, str]) -> str:
    """The IAM action that allows an API call: ``kms:DescribeKey`` for ("kms", "DescribeKey")."""
    service, operation = call
    return f"{service}:{operation}"


def iam_actions(call: tuple[str, str]) -> tuple[str, ...]:
    """Every IAM action a call needs: its own and its dependent actions."""
    return (iam_action(call), *DEPENDENT_ACTIONS.get(call, ()))
