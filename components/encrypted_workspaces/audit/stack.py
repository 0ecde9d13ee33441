"""What a stack promises, as the audit compares it with the account: its directory, its users and
what each user's WorkSpace should be, and its key's alias, from the stack file read the way ``plan``
reads it (``live.stack``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from encrypted_workspaces.aws.limits import AUTO_STOP
from encrypted_workspaces.config.workspaces import WorkspacePropertiesArgs
from encrypted_workspaces.live.stack import read_validated_stack
from encrypted_workspaces.naming import default_key_alias, normalized_user_name


@dataclass(frozen=True)
class WorkspaceExpectation:
    """What the stack asks of one user's WorkSpace, in DescribeWorkspaces' terms."""

    bundle_id: str | None  # None: the stack names the bundle by bundleName, which the audit does not look up
    compute_type_name: str
    running_mode: str
    auto_stop_minutes: int | None  # None unless AUTO_STOP
    root_volume_size_gib: int
    user_volume_size_gib: int


def workspace_expectation(properties: WorkspacePropertiesArgs) -> WorkspaceExpectation:
    auto_stop = properties.running_mode == AUTO_STOP
    return WorkspaceExpectation(
        bundle_id=properties.bundle_id,
        compute_type_name=properties.compute_type_name,
        running_mode=properties.running_mode,
        auto_stop_minutes=properties.running_mode_auto_stop_timeout_in_minutes if auto_stop else None,
        root_volume_size_gib=properties.root_volume_size_gib,
        user_volume_size_gib=properties.user_volume_size_gib,
    )


@dataclass(frozen=True)
class StackExpectation:
    stack: str
    region: str
    account_id: str  # the one account of aws:allowedAccountIds
    directory_id: str
    # Normalized (case-folded) user names: directory user names are case-insensitive. The users whose
    # wave has come (workspaces.wave): the stack deploys their WorkSpaces.
    users: frozenset[str]
    # The stack's key as KMS names it: key.existing (a key ARN, alias ARN, alias or key id), else the
    # alias the stack gives the key it creates.
    key_alias: str
    # Normalized user name -> what that user's WorkSpace should be (workspace-drift); empty: not compared.
    workspaces: Mapping[str, WorkspaceExpectation] = field(default_factory=dict)
    # The users the stack lists for a later wave: no WorkSpace is missing for them yet, and one they
    # have (to be adopted with importId, say) is not unknown to the stack.
    waiting: frozenset[str] = frozenset()


def read_stack_expectation(
    project_dir: Path | None, stack: str | None, config: Path | None
) -> StackExpectation:
    """The stack's expectation, from the project in ``project_dir`` (None: the nearest at or above the
    current directory, as plan finds it). Raises ConfigError (exit 2) for a missing project or a missing
    or invalid stack file, with the same lines ``plan`` prints."""
    validated = read_validated_stack(project_dir, stack, config)
    stack_file, args = validated.file, validated.args
    workspaces = {
        normalized_user_name(user): workspace_expectation(args.workspaces.properties_for(user))
        for user in args.workspaces.users
    }
    return StackExpectation(
        stack=stack_file.stack,
        region=stack_file.region,
        account_id=stack_file.account_id,
        directory_id=args.directory.directory_id,
        users=frozenset(normalized_user_name(user) for user in args.workspaces.deployed_users),
        key_alias=args.key.existing or args.key.alias or default_key_alias(stack_file.stack),
        workspaces=workspaces,
        waiting=frozenset(normalized_user_name(user) for user in args.workspaces.waiting_users),
    )
