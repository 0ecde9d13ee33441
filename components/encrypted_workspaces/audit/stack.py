"""What a stack promises, as the audit compares it with the account: its directory, its users and
its key's alias, from the stack file read the way ``plan`` reads it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from encrypted_workspaces.config import args_from_flat_config
from encrypted_workspaces.naming import default_key_alias, normalized_user_name
from encrypted_workspaces.plan.stackfile import read_stack_file
from encrypted_workspaces.project import find_project, stack_file_path


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
    # The users the stack lists for a later wave: no WorkSpace is missing for them yet, and one they
    # have (to be adopted with importId, say) is not unknown to the stack.
    waiting: frozenset[str] = frozenset()


def read_stack_expectation(
    project_dir: Path | None, stack: str | None, config: Path | None
) -> StackExpectation:
    """The stack's expectation, from the project in ``project_dir`` (None: the nearest at or above the
    current directory, as plan finds it). Raises ConfigError (exit 2) for a missing project or a missing
    or invalid stack file, with the same lines ``plan`` prints."""
    project = find_project(project_dir)
    path = stack_file_path(project, stack, config)
    # The namespace is validated once, here, against the stack's region and account, as plan's stack
    # program validates it (read_stack_file validates it only when the region or account is wrong).
    stack_file = read_stack_file(path, project.name, stack)
    args = args_from_flat_config(stack_file.config, project=project.name)
    return StackExpectation(
        stack=stack_file.stack,
        region=stack_file.region,
        account_id=stack_file.account_id,
        directory_id=args.directory.directory_id,
        users=frozenset(normalized_user_name(user) for user in args.workspaces.deployed_users),
        key_alias=args.key.existing or args.key.alias or default_key_alias(stack_file.stack),
        waiting=frozenset(normalized_user_name(user) for user in args.workspaces.waiting_users),
    )
