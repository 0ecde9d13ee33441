"""What WorkSpaces administrators need (Part 2 of "Encrypted WorkSpaces"): two IAM policies, attached to
each administrator."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.aws.arns import principal_kind, principal_name
from encrypted_workspaces.config.administrators import AdministratorsArgs
from encrypted_workspaces.documents import key_grant_policy, workspaces_administrator_policy

from .options import Children

_ATTACHMENT_KINDS = {
    "role": (aws.iam.RolePolicyAttachment, "role"),
    "user": (aws.iam.UserPolicyAttachment, "user"),
    "group": (aws.iam.GroupPolicyAttachment, "group"),
}
# Each policy's suffix in its resource's and its attachments' logical names.
WORKSPACES_ADMIN, KEY_GRANTS = "workspaces-admin", "key-grants"


@dataclass(frozen=True)
class AdministratorPolicies:
    workspaces_admin_policy: aws.iam.Policy
    key_grant_policy: aws.iam.Policy
    attachments: list[pulumi.CustomResource] = field(default_factory=list)


def administrator_policies(
    name: str,
    administrators: AdministratorsArgs,
    *,
    key_arn: pulumi.Output[str],
    tags: dict[str, pulumi.Input[str]],
    children: Children,
) -> AdministratorPolicies:
    """The WorkSpaces administration policy and the grant policy on the key, attached to each principal
    (named after its name) and each labelled role (named after its label)."""
    workspaces_admin = aws.iam.Policy(
        f"{name}-{WORKSPACES_ADMIN}",
        description="Amazon WorkSpaces and Directory Service access for WorkSpaces administrators",
        policy=json.dumps(workspaces_administrator_policy()),
        tags=tags,
        opts=children.options(),
    )
    key_grants = aws.iam.Policy(
        f"{name}-{KEY_GRANTS}",
        description="Create grants on the WorkSpaces key for AWS resources (WorkSpaces, EBS)",
        policy=pulumi.Output.all(key_arn, administrators.console_access).apply(
            lambda values: json.dumps(key_grant_policy(key_arn=values[0], console_access=values[1]))
        ),
        tags=tags,
        opts=children.options(),
    )
    # (kind, the part of the logical name, the principal's name as an Input)
    principals: list[tuple[str, str, pulumi.Input[str]]] = [
        (principal_kind(arn) or "", principal_name(arn), principal_name(arn))
        for arn in sorted(set(administrators.principals))
    ]
    principals += [
        ("role", label, pulumi.Output.from_input(arn).apply(principal_name))
        for label, arn in sorted(administrators.roles.items())
    ]
    attachments: list[pulumi.CustomResource] = []
    for kind, label, principal in principals:
        attachment_class, principal_arg = _ATTACHMENT_KINDS[kind]
        for suffix, policy in ((WORKSPACES_ADMIN, workspaces_admin), (KEY_GRANTS, key_grants)):
            attachments.append(
                attachment_class(
                    f"{name}-{suffix}-{kind}-{label}",
                    policy_arn=policy.arn,
                    opts=children.options(),
                    **{principal_arg: principal},
                )
            )
    return AdministratorPolicies(workspaces_admin, key_grants, attachments)
