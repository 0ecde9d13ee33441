"""``encrypted-workspaces:administrators``: the people who launch encrypted WorkSpaces (Part 2)."""

from __future__ import annotations

from .base import AttachmentLabel, ConfigModel, IamPrincipal, IamRoleArn
from .inputs import Input, Many, Named


class AdministratorsArgs(ConfigModel):
    """``encrypted-workspaces:administrators``: the people who launch encrypted WorkSpaces (Part 2)."""

    principals: Many[IamPrincipal] = []
    """IAM role, user or group ARNs of the WorkSpaces administrators. Each gets both IAM policies
    (WorkSpaces access and grants on the key); roles and users also become key users. Plain ARNs, not
    Outputs: each names its policy attachments (<name>-workspaces-admin-role-<role name>); for a role
    the program creates, use roles."""
    roles: Named[AttachmentLabel, Input[IamRoleArn]] = {}
    """More administrator roles, label -> role ARN, for an ARN that is an Output of the program (a role
    it creates): the label, not the ARN, names the role's policy attachments, so it must be known when
    the program runs. Each role gets what principals get. Use the role's name as its label to keep the
    logical names it had under principals. Defaults to none."""
    console_access: Input[bool] = False
    """Adds kms:ListAliases and kms:ListKeys, which only console users need. Defaults to false, because
    "if your WorkSpaces administrators use only the Amazon WorkSpaces API (not the console), you can
    omit the kms:ListAliases and kms:ListKeys permissions"."""


# The name before the arguments were named as Pulumi names input types; kept for one release.
AdministratorsConfig = AdministratorsArgs
