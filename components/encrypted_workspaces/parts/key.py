"""The key the WorkSpaces use: one the stack creates (key, policy, alias) or an existing one looked up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import chain
from typing import Any

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.aws.arns import KEY_ARN, KMS_ALIAS_ARN
from encrypted_workspaces.aws.limits import WORKSPACES_KEY_SPEC, WORKSPACES_KEY_USAGE
from encrypted_workspaces.config.inputs import is_known
from encrypted_workspaces.config.key import KeyArgs
from encrypted_workspaces.documents import workspaces_key_policy
from encrypted_workspaces.documents.key_review import KeyAttributes, key_problems
from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.naming import default_key_alias

from .options import Children


@dataclass(frozen=True)
class WorkspacesKey:
    """What the rest of the component needs of the key, whoever made it."""

    arn: pulumi.Output[str]  # always the full key ARN, never an alias
    key_id: pulumi.Output[str]
    alias_name: pulumi.Output[str | None]
    key: aws.kms.Key | None = None  # None for an existing key: the stack does not manage it
    alias: aws.kms.Alias | None = None


def _rotation_period(key_args: KeyArgs) -> pulumi.Input[int] | None:
    """Sent only with rotation on: KMS refuses a rotation period for a key it does not rotate."""
    enabled, period = key_args.enable_key_rotation, key_args.rotation_period_in_days
    if is_known(enabled):
        return period if enabled else None
    return pulumi.Output.all(enabled, period).apply(lambda values: values[1] if values[0] else None)


def _key_policy(
    partition: pulumi.Output[str],
    account_id: pulumi.Output[str],
    administrators: pulumi.Input[Any],
    extra_statements: pulumi.Input[Any],
    key_users: list[pulumi.Input[Any]],
) -> pulumi.Output[str]:
    """The documented policy (documents/key_policy.py) and the extra statements after it, once every
    principal in it is known."""
    return pulumi.Output.all(partition, account_id, administrators, extra_statements, *key_users).apply(
        lambda values: json.dumps(
            workspaces_key_policy(
                partition=values[0],
                account_id=values[1],
                key_administrators=values[2],
                key_users=sorted(set(chain.from_iterable(values[4:]))),
                extra_statements=values[3],
            )
        )
    )


def created_key(
    name: str,
    key_args: KeyArgs,
    *,
    key_users: list[pulumi.Input[Any]],
    partition: pulumi.Output[str],
    account_id: pulumi.Output[str],
    tags: dict[str, pulumi.Input[str]],
    protect: bool,
    children: Children,
) -> WorkspacesKey:
    """A symmetric key with the documented policy and an alias; protected with the WorkSpaces, because
    deleting it makes every WorkSpace unusable. ``key_users``: lists (Inputs) of key users' ARNs."""
    key = aws.kms.Key(
        f"{name}-key",
        description=key_args.description,
        customer_master_key_spec=WORKSPACES_KEY_SPEC,  # WorkSpaces supports symmetric keys only
        key_usage=WORKSPACES_KEY_USAGE,
        enable_key_rotation=key_args.enable_key_rotation,
        rotation_period_in_days=_rotation_period(key_args),
        deletion_window_in_days=key_args.deletion_window_in_days,
        policy=_key_policy(
            partition, account_id, key_args.administrators or [], key_args.extra_statements, key_users
        ),
        tags=tags,
        opts=children.options(protect=protect),
    )
    alias = aws.kms.Alias(
        f"{name}-alias",
        name=key_args.alias if key_args.alias is not None else default_key_alias(pulumi.get_stack()),
        target_key_id=key.key_id,
        opts=children.options(),
    )
    return WorkspacesKey(arn=key.arn, key_id=key.key_id, alias_name=alias.name, key=key, alias=alias)


def _usable_key_arn(existing: str, key: aws.kms.GetKeyResult, path: str) -> str:
    """The looked-up key's ARN, if WorkSpaces can use it: what only the look-up can tell (who manages
    it, its spec and usage; its policy and rotation are its owner's, documents/key_review.py)."""
    facts = KeyAttributes(
        arn=key.arn, manager=key.key_manager, spec=key.customer_master_key_spec, usage=key.key_usage
    )
    problems = key_problems(facts)
    if problems:
        raise ConfigError(
            [f"{path}: the key {key.arn} ({existing}) {problem.message}" for problem in problems]
        )
    return key.arn


def _alias_of(existing: str) -> str | None:
    """The alias an existing key is named by (none for a key ARN or id)."""
    alias_arn = KMS_ALIAS_ARN.fullmatch(existing)
    return alias_arn["alias"] if alias_arn else existing if existing.startswith("alias/") else None


def existing_key(existing: pulumi.Input[str], *, path: str, children: Children) -> WorkspacesKey:
    """An existing key, looked up by its ARN or alias: nothing is created or changed. ``path``: the key
    path of ``existing``, in the caller's terms, for a problem only the look-up finds."""
    found = aws.kms.get_key_output(key_id=existing, opts=children.invoke)
    arn = pulumi.Output.all(existing, found).apply(lambda values: _usable_key_arn(values[0], values[1], path))
    alias = _alias_of(existing) if is_known(existing) else pulumi.Output.from_input(existing).apply(_alias_of)
    # The key id from the ARN: the look-up's key_id echoes what was asked for (maybe the alias).
    key_id = arn.apply(lambda key_arn: KEY_ARN.fullmatch(key_arn)["key_id"])
    return WorkspacesKey(arn=arn, key_id=key_id, alias_name=pulumi.Output.from_input(alias))
