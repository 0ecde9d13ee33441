"""``encrypted-workspaces:key``: the customer managed key and its policy."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field
from pydantic.alias_generators import to_camel

from encrypted_workspaces.aws import limits

from .base import ConfigModel, ExistingKey, KeyAlias, KeyPolicyPrincipal, KeyPolicyStatement
from .inputs import Input, Many

# The settings of a key this stack creates: with ``existing`` they would be silently ignored, so
# they are refused (config/checks.py).
CREATED_KEY_FIELDS: tuple[str, ...] = (
    "alias",
    "administrators",
    "users",
    "enable_key_rotation",
    "rotation_period_in_days",
    "deletion_window_in_days",
    "description",
    "extra_statements",
)


def _key_choice_schema(schema: dict) -> None:
    """The JSON Schema of what config/existing_checks.py checks: either an existing key and none of
    the settings of a key we create, or a created key with at least one administrator."""
    created = [to_camel(name) for name in CREATED_KEY_FIELDS]
    schema["oneOf"] = [
        {"required": ["existing"], "not": {"anyOf": [{"required": [key]} for key in created]}},
        {
            "not": {"required": ["existing"]},
            "required": ["administrators"],
            "properties": {"administrators": {"type": "array"}},
        },
    ]


class KeyArgs(ConfigModel):
    """``encrypted-workspaces:key``: the customer managed key and its policy, or an existing key."""

    model_config = ConfigDict(json_schema_extra=_key_choice_schema)

    # Whether it is set decides which resources exist (no key, no alias): the value may be an Output.
    existing: Input[ExistingKey] | None = None
    """An existing symmetric customer managed key to use instead of creating one: its key ARN, alias
    ARN, alias (alias/...) or key id (of this account and region). Defaults to none: the stack
    creates its own key, because then the documented key policy, rotation and deletion window are the
    stack's to keep. The key is looked up, and the WorkSpaces and the administrators' kms:CreateGrant
    use its full key ARN, never the alias; no key or alias is created. AWS managed keys (alias/aws/...)
    are refused. Every other key.* setting describes a key this stack creates, so none may be set
    beside it: the existing key's policy must already let the WorkSpaces administrators use it (Part 1
    of the AWS guide)."""

    alias: Input[KeyAlias] | None = None
    """The key's alias. Defaults to alias/encrypted-workspaces-<stack>, because one key per stack needs one
    name per stack; the prefix alias/aws/ is reserved for AWS managed keys."""
    administrators: Input[Annotated[Many[Input[KeyPolicyPrincipal]], Field(min_length=1)]] | None = None
    """IAM role or user ARNs that manage (but do not use) the key: key policy statement 2. Required
    (at least one) unless key.existing is set, because the documented policy separates who manages the
    key from who uses it."""
    users: Input[Many[Input[KeyPolicyPrincipal]]] = []
    """Extra key users (key policy statements 3 and 4), besides the WorkSpaces administrators' roles
    and users, which are always key users."""
    enable_key_rotation: Input[bool] = True
    """Automatic key rotation. Defaults to true, because customer managed keys are not rotated unless
    asked."""
    rotation_period_in_days: Input[
        Annotated[int, Field(ge=limits.ROTATION_PERIOD_DAYS[0], le=limits.ROTATION_PERIOD_DAYS[1])]
    ] = limits.DEFAULT_ROTATION_PERIOD_DAYS
    """Days between automatic rotations. Defaults to 365, KMS's own default; KMS allows 90 to 2560."""
    deletion_window_in_days: Input[
        Annotated[int, Field(ge=limits.DELETION_WINDOW_DAYS[0], le=limits.DELETION_WINDOW_DAYS[1])]
    ] = limits.DELETION_WINDOW_DAYS[1]
    """Days KMS waits before deleting the key. Defaults to 30, the longest KMS allows, because that
    leaves the most time to cancel a deletion that would make every WorkSpace on the key unusable."""
    description: Input[Annotated[str, Field(max_length=limits.KEY_DESCRIPTION_MAX_LENGTH)]] = (
        "Encrypts the volumes of Amazon WorkSpaces"
    )
    """The key's description in KMS."""
    extra_statements: Many[Input[KeyPolicyStatement]] = []
    """Statements appended to the key policy, after the documented four, written as in a policy
    document: Sid, Effect, Principal, Action or NotAction, Resource ("*": this key) and Condition. Only
    Allow statements of KMS actions that exist, with Sids of their own: they add to the documented
    statements and never take from them (a Deny could lock the account out of its key). Defaults to
    none."""


# The name before the arguments were named as Pulumi names input types; kept for one release.
KeyConfig = KeyArgs
