"""One WorkSpace per user, named after the user so that reordering renames none, encrypted with the key's
ARN, and guarded against being replaced by accident."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.aws.limits import AUTO_STOP
from encrypted_workspaces.aws.replacement import WORKSPACE_REPLACED_ON
from encrypted_workspaces.config.inputs import is_known
from encrypted_workspaces.config.tags import OWNER_TAG
from encrypted_workspaces.config.workspaces import WorkspacePropertiesArgs, WorkspacesArgs
from encrypted_workspaces.naming import workspace_logical_name

from .bundles import BundleIds
from .options import Children


def _auto_stop_timeout(properties: WorkspacePropertiesArgs) -> pulumi.Input[int] | None:
    """The auto-stop timeout, sent for AUTO_STOP only: AWS bills ALWAYS_ON monthly and ignores it."""
    mode, minutes = properties.running_mode, properties.running_mode_auto_stop_timeout_in_minutes
    if is_known(mode):
        return minutes if mode == AUTO_STOP else None
    return pulumi.Output.all(mode, minutes).apply(
        lambda values: values[1] if values[0] == AUTO_STOP else None
    )


def workspaces(
    name: str,
    args: WorkspacesArgs,
    *,
    directory_id: pulumi.Input[str],
    key_arn: pulumi.Input[str],
    tags: dict[str, pulumi.Input[str]],
    children: Children,
) -> dict[str, aws.workspaces.Workspace]:
    """Each user's WorkSpace, by user name: the users whose wave has come (``workspaces.wave``), so that
    raising the wave only adds WorkSpaces, each under the logical name it always has.

    ``directory_id`` is the registration's, so that no WorkSpace is created before it; ``key_arn`` is
    the key's ARN, never an alias: an alias can be repointed to another key."""
    timeouts = pulumi.CustomTimeouts(
        create=args.create_timeout, update=args.update_timeout, delete=args.delete_timeout
    )
    bundles = BundleIds(children.invoke)
    created: dict[str, aws.workspaces.Workspace] = {}
    for user in args.deployed_users:
        properties = args.properties_for(user)
        created[user] = aws.workspaces.Workspace(
            workspace_logical_name(name, user),
            directory_id=directory_id,
            user_name=user,
            bundle_id=bundles.bundle_id(properties),
            volume_encryption_key=key_arn,
            root_volume_encryption_enabled=properties.root_volume_encryption_enabled,
            user_volume_encryption_enabled=properties.user_volume_encryption_enabled,
            workspace_properties=aws.workspaces.WorkspaceWorkspacePropertiesArgs(
                compute_type_name=properties.compute_type_name,
                running_mode=properties.running_mode,
                running_mode_auto_stop_timeout_in_minutes=_auto_stop_timeout(properties),
                root_volume_size_gib=properties.root_volume_size_gib,
                user_volume_size_gib=properties.user_volume_size_gib,
            ),
            tags={**tags, OWNER_TAG: user},
            opts=children.options(
                protect=args.protect,
                custom_timeouts=timeouts,
                # The replacement guard: a change that would replace this WorkSpace (and lose its user
                # volume) is held back unless its user is listed under workspaces.replace.
                ignore_changes=None if args.may_replace(user) else list(WORKSPACE_REPLACED_ON),
                # AWS allows one WorkSpace per user per directory: the default create-then-delete
                # replacement cannot succeed, so any replacement deletes first.
                delete_before_replace=True,
                # Adopts the user's existing WorkSpace, and only that user's.
                import_=args.users[user].import_id,
            ),
        )
    return created
