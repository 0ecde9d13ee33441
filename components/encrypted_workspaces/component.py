"""The EncryptedWorkspaces component: a customer managed key (created, or an existing one), the IAM
policies WorkSpaces administrators need, the directory registration with its IP access control
groups, one encrypted WorkSpace per user, and when asked EBS encryption by default and a key-state
alarm. Each part beyond the core is a module of ``parts/``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.aws.arns import aws_managed_policy_arn, principal_kind, principal_name
from encrypted_workspaces.aws.limits import DEFAULT_ROLE_NAME
from encrypted_workspaces.aws.replacement import WORKSPACE_REPLACED_ON
from encrypted_workspaces.config import EncryptedWorkspacesArgs, validate_args
from encrypted_workspaces.config.tags import OWNER_TAG
from encrypted_workspaces.config.target import StackTarget, target_from_flat_config
from encrypted_workspaces.documents import (
    key_grant_policy,
    workspaces_administrator_policy,
    workspaces_default_role_trust_policy,
)
from encrypted_workspaces.documents.actions import DEFAULT_ROLE_MANAGED_POLICIES
from encrypted_workspaces.naming import workspace_logical_name
from encrypted_workspaces.outputs import gather_map
from encrypted_workspaces.parts.access import ip_groups
from encrypted_workspaces.parts.account import ebs_default_encryption
from encrypted_workspaces.parts.alarms import key_state_alarm
from encrypted_workspaces.parts.bundles import BundleIds
from encrypted_workspaces.parts.key import created_key, existing_key

TYPE_TOKEN = "encrypted-workspaces:index:EncryptedWorkspaces"
# The component's outputs: registered name -> attribute. The provider's package schema declares the
# same outputs (a test keeps the two equal).
OUTPUTS = {
    "keyArn": "key_arn",
    "keyId": "key_id",
    "aliasName": "alias_name",
    "adminPolicyArns": "admin_policy_arns",
    "directoryRegistrationId": "directory_registration_id",
    "workspaceIds": "workspace_ids",
}

_ATTACHMENT_KINDS = {
    "role": (aws.iam.RolePolicyAttachment, "role"),
    "user": (aws.iam.UserPolicyAttachment, "user"),
    "group": (aws.iam.GroupPolicyAttachment, "group"),
}


def _to_json(document: dict) -> str:
    return json.dumps(document)


def _provider_target(opts: pulumi.ResourceOptions | None) -> StackTarget:
    """The default provider's region and account; unknown when the caller passes its own provider."""
    if opts is not None and (opts.provider is not None or opts.providers):
        return StackTarget()
    aws_config = pulumi.Config("aws")
    return target_from_flat_config(
        {"aws:region": aws_config.get("region"), "aws:allowedAccountIds": aws_config.get("allowedAccountIds")}
    )


class EncryptedWorkspaces(pulumi.ComponentResource):
    """Amazon WorkSpaces encrypted with a customer managed KMS key, as the AWS docs describe them.

    ``args`` is an :class:`EncryptedWorkspacesArgs` or a mapping with the same (camelCase or
    snake_case) keys; invalid arguments raise ``ConfigError`` with one line per problem.

    The class declares no attributes at class level: the component provider
    (``encrypted_workspaces.provider``) reads class annotations as the package's outputs, and declares
    those itself.
    """

    def __init__(
        self,
        name: str,
        args: EncryptedWorkspacesArgs | Mapping[str, Any],
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        args = validate_args(
            args, _provider_target(opts)
        )  # before anything is registered: bad input leaves nothing behind
        super().__init__(TYPE_TOKEN, name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        invoke = pulumi.InvokeOutputOptions(parent=self)
        partition = aws.get_partition_output(opts=invoke).partition
        account_id = aws.get_caller_identity_output(opts=invoke).account_id
        tags = dict(args.tags)
        protect = args.workspaces.protect

        # 1. The key: the stack's own, or an existing one looked up (nothing created).
        if args.key.existing is None:
            key = created_key(
                name, args, partition=partition, account_id=account_id, parent=self, protect=protect
            )
        else:
            key = existing_key(args.key.existing, invoke=invoke)
        # None with key.existing: the stack uses the key but does not manage it.
        self.key: aws.kms.Key | None = key.key
        self.alias: aws.kms.Alias | None = key.alias

        # 2. What WorkSpaces administrators need (Part 2 of the docs), attached to each of them.
        self.workspaces_admin_policy = aws.iam.Policy(
            f"{name}-workspaces-admin",
            description="Amazon WorkSpaces and Directory Service access for WorkSpaces administrators",
            policy=_to_json(workspaces_administrator_policy()),
            tags=tags,
            opts=child,
        )
        self.key_grant_policy = aws.iam.Policy(
            f"{name}-key-grants",
            description="Create grants on the WorkSpaces key for AWS resources (WorkSpaces, EBS)",
            policy=key.arn.apply(
                lambda key_arn: _to_json(
                    key_grant_policy(key_arn=key_arn, console_access=args.administrators.console_access)
                )
            ),
            tags=tags,
            opts=child,
        )
        for principal in sorted(set(args.administrators.principals)):
            kind = principal_kind(principal)
            attachment_class, principal_arg = _ATTACHMENT_KINDS[kind]
            for suffix, policy in (
                ("workspaces-admin", self.workspaces_admin_policy),
                ("key-grants", self.key_grant_policy),
            ):
                attachment_class(
                    f"{name}-{suffix}-{kind}-{principal_name(principal)}",
                    policy_arn=policy.arn,
                    opts=child,
                    **{principal_arg: principal_name(principal)},
                )

        # 3. The directory registration, after workspaces_DefaultRole can be assumed.
        role_attachments: list[pulumi.Resource] = []
        if args.directory.create_default_role:
            # Retained on delete: the role is account-wide, so destroying this stack (a dev stack, say)
            # must not take it from every other directory in the account that relies on it.
            retained = pulumi.ResourceOptions(parent=self, retain_on_delete=True)
            self.default_role = aws.iam.Role(
                f"{name}-default-role",
                name=DEFAULT_ROLE_NAME,
                assume_role_policy=_to_json(workspaces_default_role_trust_policy()),
                tags=tags,
                opts=retained,
            )
            role_attachments = [
                aws.iam.RolePolicyAttachment(
                    f"{name}-default-role-{managed_policy}",
                    role=self.default_role.name,
                    policy_arn=partition.apply(
                        lambda p, policy=managed_policy: aws_managed_policy_arn(p, policy)
                    ),
                    opts=retained,
                )
                for managed_policy in DEFAULT_ROLE_MANAGED_POLICIES
            ]
        directory = args.directory
        self.ip_groups: list[aws.workspaces.IpGroup] = ip_groups(
            name, directory.ip_groups, tags=tags, parent=self
        )
        self.directory: aws.workspaces.Directory = aws.workspaces.Directory(
            f"{name}-directory",
            directory_id=directory.directory_id,
            subnet_ids=list(directory.subnet_ids),
            ip_group_ids=[group.id for group in self.ip_groups] or None,
            self_service_permissions=aws.workspaces.DirectorySelfServicePermissionsArgs(
                **directory.self_service_permissions.model_dump()
            ),
            workspace_access_properties=aws.workspaces.DirectoryWorkspaceAccessPropertiesArgs(
                **directory.workspace_access_properties.model_dump(exclude_none=True)
            ),
            workspace_creation_properties=aws.workspaces.DirectoryWorkspaceCreationPropertiesArgs(
                **directory.workspace_creation_properties.model_dump(exclude_none=True)
            ),
            tags=tags,
            opts=pulumi.ResourceOptions(parent=self, depends_on=role_attachments),
        )

        # 4. One WorkSpace per user, named after the user so that reordering renames none.
        self.workspaces: dict[str, aws.workspaces.Workspace] = {}
        timeouts = pulumi.CustomTimeouts(
            create=args.workspaces.create_timeout,
            update=args.workspaces.update_timeout,
            delete=args.workspaces.delete_timeout,
        )
        bundles = BundleIds(invoke)
        for user in sorted(args.workspaces.users):
            properties = args.workspaces.properties_for(user)
            # Adopts the user's existing WorkSpace, and only that user's.
            adopted = args.workspaces.users[user].import_id
            auto_stop = properties.running_mode == "AUTO_STOP"
            self.workspaces[user] = aws.workspaces.Workspace(
                workspace_logical_name(name, user),
                # From the registration, so that no WorkSpace is created before it.
                directory_id=self.directory.id,
                user_name=user,
                bundle_id=bundles.bundle_id(properties),
                # The key's ARN, never an alias: an alias can be repointed to another key.
                volume_encryption_key=key.arn,
                root_volume_encryption_enabled=properties.root_volume_encryption_enabled,
                user_volume_encryption_enabled=properties.user_volume_encryption_enabled,
                workspace_properties=aws.workspaces.WorkspaceWorkspacePropertiesArgs(
                    compute_type_name=properties.compute_type_name,
                    running_mode=properties.running_mode,
                    running_mode_auto_stop_timeout_in_minutes=(
                        properties.running_mode_auto_stop_timeout_in_minutes if auto_stop else None
                    ),
                    root_volume_size_gib=properties.root_volume_size_gib,
                    user_volume_size_gib=properties.user_volume_size_gib,
                ),
                tags={**tags, OWNER_TAG: user},
                opts=pulumi.ResourceOptions(
                    parent=self,
                    protect=protect,
                    custom_timeouts=timeouts,
                    # The replacement guard: a change that would replace this WorkSpace (and lose its
                    # user volume) is held back unless its user is listed under workspaces.replace.
                    ignore_changes=None if args.workspaces.may_replace(user) else list(WORKSPACE_REPLACED_ON),
                    # AWS allows one WorkSpace per user per directory: the default create-then-delete
                    # replacement cannot succeed, so any replacement deletes first.
                    delete_before_replace=True,
                    import_=adopted,
                ),
            )

        # 5. Account-wide and watching: EBS encryption by default, the key-state alarm (when asked).
        if args.ebs_default_encryption:
            self.ebs_default_key, self.ebs_encryption_by_default = ebs_default_encryption(
                name, key.arn, parent=self
            )
        if args.alarms.topic_arn is not None:
            self.key_state_rule, self.key_state_target = key_state_alarm(
                name, key.arn, args.alarms.topic_arn, tags=tags, parent=self
            )

        self.key_arn: pulumi.Output[str] = key.arn
        self.key_id: pulumi.Output[str] = key.key_id
        self.alias_name: pulumi.Output[str | None] = key.alias_name
        self.admin_policy_arns: pulumi.Output[dict[str, str]] = pulumi.Output.all(
            workspaces=self.workspaces_admin_policy.arn, kms=self.key_grant_policy.arn
        )
        self.directory_registration_id: pulumi.Output[str] = self.directory.id
        self.workspace_ids: pulumi.Output[dict[str, str]] = gather_map(
            {user: workspace.id for user, workspace in self.workspaces.items()}
        )
        self.register_outputs({camel: getattr(self, attribute) for camel, attribute in OUTPUTS.items()})
