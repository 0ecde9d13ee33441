"""``encrypted-workspaces:administrators``: the people who launch encrypted WorkSpaces (Part 2)."""

from __future__ import annotations

from .base import ConfigModel, IamPrincipal


class AdministratorsConfig(ConfigModel):
    """``encrypted-workspaces:administrators``: the people who launch encrypted WorkSpaces (Part 2)."""

    principals: list[IamPrincipal] = []
    """IAM role, user or group ARNs of the WorkSpaces administrators. Each gets both IAM policies
    (WorkSpaces access and grants on the key); roles and users also become key users."""
    console_access: bool = False
    """Adds kms:ListAliases and kms:ListKeys, which only console users need. Defaults to false, because
    "if your WorkSpaces administrators use only the Amazon WorkSpaces API (not the console), you can
    omit the kms:ListAliases and kms:ListKeys permissions"."""
