"""``workspaces_DefaultRole``: the role WorkSpaces assumes in the account, with its two managed policies
("Create the workspaces_DefaultRole role", Amazon WorkSpaces Administration Guide)."""

from __future__ import annotations

import json

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.aws.arns import aws_managed_policy_arn
from encrypted_workspaces.aws.limits import DEFAULT_ROLE_NAME
from encrypted_workspaces.documents import workspaces_default_role_trust_policy
from encrypted_workspaces.documents.actions import DEFAULT_ROLE_MANAGED_POLICIES

from .options import Children


def default_role(
    name: str,
    *,
    partition: pulumi.Output[str],
    tags: dict[str, pulumi.Input[str]],
    children: Children,
) -> tuple[aws.iam.Role, list[aws.iam.RolePolicyAttachment]]:
    """The role and its attachments, retained on delete: the role is account-wide, so destroying this
    stack (a dev stack, say) must not take it from every other directory in the account that relies
    on it."""
    role = aws.iam.Role(
        f"{name}-default-role",
        name=DEFAULT_ROLE_NAME,
        assume_role_policy=json.dumps(workspaces_default_role_trust_policy()),
        tags=tags,
        opts=children.options(retain_on_delete=True),
    )
    attachments = [
        aws.iam.RolePolicyAttachment(
            f"{name}-default-role-{managed_policy}",
            role=role.name,
            policy_arn=partition.apply(lambda p, policy=managed_policy: aws_managed_policy_arn(p, policy)),
            opts=children.options(retain_on_delete=True),
        )
        for managed_policy in DEFAULT_ROLE_MANAGED_POLICIES
    ]
    return role, attachments
