"""The EncryptedWorkspaces component: a customer managed key (created, or an existing one), the IAM
policies WorkSpaces administrators need, the directory registration with its IP access control
groups, one encrypted WorkSpace per user, and when asked EBS encryption by default and a key-state
alarm. Each step is a module of ``parts/``; docs/architecture.md ("The component") walks through them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.config import EncryptedWorkspacesArgs, validate_args
from encrypted_workspaces.config.paths import PYTHON_PATHS, KeyPaths
from encrypted_workspaces.config.target import StackTarget, target_from_flat_config
from encrypted_workspaces.outputs import OUTPUTS, gather_map
from encrypted_workspaces.parts.access import ip_groups
from encrypted_workspaces.parts.account import ebs_default_encryption
from encrypted_workspaces.parts.admin import administrator_policies
from encrypted_workspaces.parts.alarms import key_state_alarm
from encrypted_workspaces.parts.default_role import default_role
from encrypted_workspaces.parts.directory import directory_registration
from encrypted_workspaces.parts.key import created_key, existing_key
from encrypted_workspaces.parts.options import Children
from encrypted_workspaces.parts.workspaces import workspaces

TYPE_TOKEN = "encrypted-workspaces:index:EncryptedWorkspaces"


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
    snake_case) keys. Data values (ids, ARNs, sizes, flags, tag values) may be Outputs of other
    resources; invalid arguments raise ``ConfigError`` with one line per problem, before anything is
    registered for a plain value, when it resolves for an Output.

    Every child is an attribute; an optional one is None when the arguments leave it out. The outputs
    are declared in ``outputs.OUTPUTS``. The class declares no attributes at class level: the
    component provider (``provider/args.py``) declares its outputs from ``OUTPUTS``.
    """

    # How a problem names its key: as a Python caller writes it (the provider's subclass: as a stack
    # file does, the camelCase its callers write).
    _key_paths: KeyPaths = PYTHON_PATHS

    def __init__(
        self,
        name: str,
        args: EncryptedWorkspacesArgs | Mapping[str, Any],
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        # Before anything is registered: bad input leaves nothing behind.
        args = validate_args(args, _provider_target(opts), paths=self._key_paths)
        super().__init__(TYPE_TOKEN, name, None, opts)
        children = Children(self, gate=args._gate)
        partition = aws.get_partition_output(opts=children.invoke).partition
        account_id = aws.get_caller_identity_output(opts=children.invoke).account_id
        tags = dict(args.tags)

        # 1. The key: the stack's own, or an existing one looked up (nothing created).
        if args.key.existing is None:
            key = created_key(
                name,
                args.key,
                key_users=args.key_user_inputs,
                partition=partition,
                account_id=account_id,
                tags=tags,
                protect=args.workspaces.protect,
                children=children,
            )
        else:
            existing_path = args._paths.of_loc(type(args), ("key", "existing"))
            key = existing_key(args.key.existing, path=existing_path, children=children)
        # None with key.existing: the stack uses the key but does not manage it.
        self.key: aws.kms.Key | None = key.key
        self.alias: aws.kms.Alias | None = key.alias

        # 2. What WorkSpaces administrators need (Part 2 of the docs), attached to each of them.
        admin = administrator_policies(
            name, args.administrators, key_arn=key.arn, tags=tags, children=children
        )
        self.workspaces_admin_policy: aws.iam.Policy = admin.workspaces_admin_policy
        self.key_grant_policy: aws.iam.Policy = admin.key_grant_policy
        self.admin_policy_attachments: list[pulumi.CustomResource] = admin.attachments

        # 3. The directory registration, after workspaces_DefaultRole can be assumed.
        self.default_role: aws.iam.Role | None = None
        self.default_role_attachments: list[aws.iam.RolePolicyAttachment] = []
        if args.directory.create_default_role:
            self.default_role, self.default_role_attachments = default_role(
                name, partition=partition, tags=tags, children=children
            )
        self.ip_groups: list[aws.workspaces.IpGroup] = ip_groups(
            name, args.directory.ip_groups, tags=tags, children=children
        )
        self.directory: aws.workspaces.Directory = directory_registration(
            name,
            args.directory,
            ip_groups=self.ip_groups,
            after=self.default_role_attachments,
            tags=tags,
            children=children,
        )

        # 4. One WorkSpace per user, named after the user so that reordering renames none.
        self.workspaces: dict[str, aws.workspaces.Workspace] = workspaces(
            name,
            args.workspaces,
            directory_id=self.directory.id,
            key_arn=key.arn,
            tags=tags,
            children=children,
        )

        # 5. Account-wide and watching: EBS encryption by default, the key-state alarm (when asked).
        self.ebs_default_key: aws.ebs.DefaultKmsKey | None = None
        self.ebs_encryption_by_default: aws.ebs.EncryptionByDefault | None = None
        if args.ebs_default_encryption:
            self.ebs_default_key, self.ebs_encryption_by_default = ebs_default_encryption(
                name, key.arn, children=children
            )
        self.key_state_rule: aws.cloudwatch.EventRule | None = None
        self.key_state_target: aws.cloudwatch.EventTarget | None = None
        if args.alarms.topic_arn is not None:
            self.key_state_rule, self.key_state_target = key_state_alarm(
                name, key.arn, args.alarms.topic_arn, tags=tags, children=children
            )

        # The outputs (outputs.OUTPUTS), each an attribute and registered.
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
        self.register_outputs({output.name: getattr(self, output.attribute) for output in OUTPUTS})
