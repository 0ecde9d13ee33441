"""The key the WorkSpaces use: one the stack creates (key, policy, alias) or an existing one looked up."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.aws.arns import KEY_ARN, KMS_ALIAS_ARN
from encrypted_workspaces.aws.limits import WORKSPACES_KEY_SPEC, WORKSPACES_KEY_USAGE
from encrypted_workspaces.config import EncryptedWorkspacesArgs
from encrypted_workspaces.config.validate import NAMESPACE
from encrypted_workspaces.documents import workspaces_key_policy
from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.naming import default_key_alias


@dataclass(frozen=True)
class WorkspacesKey:
    """What the rest of the component needs of the key, whoever made it."""

    arn: pulumi.Output[str]  # always the full key ARN, never an alias
    key_id: pulumi.Output[str]
    alias_name: pulumi.Output[str | None]
    key: aws.kms.Key | None = None  # None for an existing key: the stack does not manage it
    alias: aws.kms.Alias | None = None


def created_key(
    name: str,
    args: EncryptedWorkspacesArgs,
    *,
    partition: pulumi.Output[str],
    account_id: pulumi.Output[str],
    parent: pulumi.Resource,
    protect: bool,
) -> WorkspacesKey:
    """A symmetric key with the documented policy and an alias; protected with the WorkSpaces, because
    deleting it makes every WorkSpace unusable."""
    key_args = args.key
    key = aws.kms.Key(
        f"{name}-key",
        description=key_args.description,
        customer_master_key_spec=WORKSPACES_KEY_SPEC,  # WorkSpaces supports symmetric keys only
        key_usage=WORKSPACES_KEY_USAGE,
        enable_key_rotation=key_args.enable_key_rotation,
        rotation_period_in_days=key_args.rotation_period_in_days if key_args.enable_key_rotation else None,
        deletion_window_in_days=key_args.deletion_window_in_days,
        policy=pulumi.Output.all(partition, account_id).apply(
            lambda values: json.dumps(
                workspaces_key_policy(
                    partition=values[0],
                    account_id=values[1],
                    key_administrators=key_args.administrators or [],
                    key_users=args.key_users,
                )
            )
        ),
        tags=dict(args.tags),
        opts=pulumi.ResourceOptions(parent=parent, protect=protect),
    )
    alias = aws.kms.Alias(
        f"{name}-alias",
        name=key_args.alias or default_key_alias(pulumi.get_stack()),
        target_key_id=key.key_id,
        opts=pulumi.ResourceOptions(parent=parent),
    )
    return WorkspacesKey(arn=key.arn, key_id=key.key_id, alias_name=alias.name, key=key, alias=alias)


def _usable_key_arn(existing: str, key: aws.kms.GetKeyResult) -> str:
    """The looked-up key's ARN, if WorkSpaces can use it: what only the look-up can tell."""
    problems = []
    if key.key_manager != "CUSTOMER":
        problems.append(f"is managed by {key.key_manager}, not a customer managed key")
    if key.customer_master_key_spec != WORKSPACES_KEY_SPEC:
        problems.append(f"is {key.customer_master_key_spec}; WorkSpaces supports symmetric keys only")
    if key.key_usage != WORKSPACES_KEY_USAGE:
        problems.append(f"is for {key.key_usage}, not {WORKSPACES_KEY_USAGE}")
    if problems:
        raise ConfigError(
            [f"{NAMESPACE}:key.existing: the key {key.arn} ({existing}) {problem}" for problem in problems]
        )
    return key.arn


def existing_key(existing: str, *, invoke: pulumi.InvokeOutputOptions) -> WorkspacesKey:
    """An existing key, looked up by its ARN or alias: nothing is created or changed."""
    found = aws.kms.get_key_output(key_id=existing, opts=invoke)
    arn = found.apply(lambda key: _usable_key_arn(existing, key))
    alias_arn = KMS_ALIAS_ARN.fullmatch(existing)
    alias = alias_arn["alias"] if alias_arn else existing if existing.startswith("alias/") else None
    # The key id from the ARN: the look-up's key_id echoes what was asked for (maybe the alias).
    key_id = arn.apply(lambda key_arn: KEY_ARN.fullmatch(key_arn)["key_id"])
    return WorkspacesKey(arn=arn, key_id=key_id, alias_name=pulumi.Output.from_input(alias))
