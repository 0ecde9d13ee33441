"""``encrypted-workspaces:key``: the customer managed key and its policy."""

from __future__ import annotations

from pydantic import Field

from encrypted_workspaces.aws import limits

from .base import ConfigModel, KeyAlias, KeyPolicyPrincipal


class KeyConfig(ConfigModel):
    """``encrypted-workspaces:key``: the customer managed key and its policy."""

    # Defaults to alias/encrypted-workspaces-<stack>, because one key per stack needs one name per stack.
    alias: KeyAlias | None = None
    # Key policy statement 2. Required: the documented policy separates who manages from who uses.
    administrators: list[KeyPolicyPrincipal] = Field(min_length=1)
    # Key policy statements 3 and 4, besides the WorkSpaces administrators' roles and users.
    users: list[KeyPolicyPrincipal] = []
    # Defaults to on, because customer managed keys are not rotated unless asked.
    enable_key_rotation: bool = True
    # Defaults to 365, KMS's own default; KMS allows 90..2560.
    rotation_period_in_days: int = Field(
        default=limits.DEFAULT_ROTATION_PERIOD_DAYS,
        ge=limits.ROTATION_PERIOD_DAYS[0],
        le=limits.ROTATION_PERIOD_DAYS[1],
    )
    # Defaults to 30, the longest KMS allows: the most time to cancel a deletion that would make
    # every WorkSpace encrypted with the key unusable.
    deletion_window_in_days: int = Field(
        default=limits.DELETION_WINDOW_DAYS[1],
        ge=limits.DELETION_WINDOW_DAYS[0],
        le=limits.DELETION_WINDOW_DAYS[1],
    )
    description: str = Field(
        default="Encrypts the volumes of Amazon WorkSpaces", max_length=limits.KEY_DESCRIPTION_MAX_LENGTH
    )
