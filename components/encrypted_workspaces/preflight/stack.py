"""What a stack asks of the account it deploys to, as preflight checks it: read from the stack file the
way ``plan`` reads it (``live.stack``), flattened into what each check needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from encrypted_workspaces.aws.arns import IAM_PRINCIPAL_ARN
from encrypted_workspaces.config.workspaces import WorkspacePropertiesArgs
from encrypted_workspaces.live.stack import read_validated_stack
from encrypted_workspaces.naming import default_key_alias, user_identity


@dataclass(frozen=True)
class StackUser:
    name: str  # as the stack file writes it
    properties: WorkspacePropertiesArgs  # the defaults with the user's overrides
    import_id: str | None  # importId: adopt this WorkSpace instead of creating one


@dataclass(frozen=True)
class PrincipalUse:
    """An IAM principal the stack names, and the settings that name it (for the message)."""

    arn: str
    kind: str  # role, user or group
    name: str
    account_id: str
    named_by: tuple[str, ...]  # stack-file key paths: key.administrators, administrators.principals, ...
    attached_to: bool  # the administrators' two IAM policies are attached to it


@dataclass(frozen=True)
class PreflightStack:
    stack: str
    region: str
    account_id: str
    directory_id: str
    subnet_ids: tuple[str, ...]
    create_default_role: bool
    users: Mapping[str, StackUser]  # user_identity -> user
    key_existing: str | None  # key.existing as given (key ARN, alias ARN, alias or key id)
    key_alias: str  # the alias of the key the stack creates (unused with key_existing)
    principals: tuple[PrincipalUse, ...]
    topic_arn: str | None  # alarms.topicArn


def _principal_uses(args) -> tuple[PrincipalUse, ...]:
    named: dict[str, list[str]] = {}
    sources = [
        ("key.administrators", args.key.administrators or []),
        ("key.users", args.key.users),
        ("administrators.principals", args.administrators.principals),
    ]
    for path, arns in sources:
        for arn in arns:
            named.setdefault(arn, [])
            if path not in named[arn]:
                named[arn].append(path)
    uses = []
    for arn in sorted(named):
        match = IAM_PRINCIPAL_ARN.match(arn)
        if match is None:  # the config refuses any other principal; nothing to look up
            continue
        uses.append(
            PrincipalUse(
                arn=arn,
                kind=match["kind"],
                name=match["name"],
                account_id=match["account"],
                named_by=tuple(named[arn]),
                attached_to="administrators.principals" in named[arn],
            )
        )
    return tuple(uses)


def read_preflight_stack(project_dir: Path | None, stack: str | None, config: Path | None) -> PreflightStack:
    """Raises ConfigError (exit 2) with the lines ``plan`` prints for a missing or invalid stack file."""
    validated = read_validated_stack(project_dir, stack, config)
    stack_file, args = validated.file, validated.args
    # The users of the waves this update deploys: a later wave's users need no WorkSpace, quota or
    # address yet (preflight is run again before their wave).
    users = {
        user_identity(user): StackUser(
            user, args.workspaces.properties_for(user), args.workspaces.users[user].import_id
        )
        for user in args.workspaces.deployed_users
    }
    return PreflightStack(
        stack=stack_file.stack,
        region=stack_file.region,
        account_id=stack_file.account_id,
        directory_id=args.directory.directory_id,
        subnet_ids=tuple(args.directory.subnet_ids),
        create_default_role=args.directory.create_default_role,
        users=users,
        key_existing=args.key.existing,
        key_alias=args.key.alias or default_key_alias(stack_file.stack),
        principals=_principal_uses(args),
        topic_arn=args.alarms.topic_arn,
    )
