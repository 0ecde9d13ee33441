"""``encrypted-workspaces:administrators``: the people who launch encrypted WorkSpaces (Part 2)."""

from __future__ import annotations

from .base import ConfigModel, IamPrincipal


class AdministratorsConfig(ConfigModel):
    """``encrypted-workspaces:administrators``: the people who launch encrypted WorkSpaces (Part 2)."""

    # Each gets both IAM policies; roles and users also become key users.
    principals: list[IamPrincipal] = []
    # Defaults to false, because "if your WorkSpaces administrators use only the Amazon WorkSpaces
    # API (not the console), you can omit the kms:ListAliases and kms:ListKeys permissions".
    console_access: bool = False
