"""Rule: WorkSpaces directories give users no local administrator rights and no direct internet
access unless the pack allows it."""

from __future__ import annotations

from encrypted_workspaces.aws.types import WORKSPACES_DIRECTORY

from .base import ADVISORY, ResourceView, Rule, RuleSettings


class DirectoryAccessSettings(RuleSettings):
    allow_local_administrator: bool = False
    """Allow directories whose users are local administrators of their WorkSpaces. Defaults to
    false."""
    allow_internet_access: bool = False
    """Allow directories that give new WorkSpaces direct internet access. Defaults to false."""


def check_directory_access(resource: ResourceView, settings: DirectoryAccessSettings) -> list[str]:
    if resource.type != WORKSPACES_DIRECTORY:
        return []
    creation = resource.props.get("workspaceCreationProperties") or {}
    problems = []
    if creation.get("userEnabledAsLocalAdministrator") is True and not settings.allow_local_administrator:
        problems.append(
            "users would be local administrators of their WorkSpaces (userEnabledAsLocalAdministrator)"
        )
    if creation.get("enableInternetAccess") is True and not settings.allow_internet_access:
        problems.append("WorkSpaces would get direct internet access (enableInternetAccess)")
    return problems


RULE = Rule(
    name="directory-no-local-admin-or-internet",
    description="WorkSpaces directories give users no local administrator rights and no direct internet "
    "access unless the pack allows it.",
    enforcement=ADVISORY,
    url="https://docs.aws.amazon.com/workspaces/latest/adminguide/update-directory-details.html",
    settings=DirectoryAccessSettings,
    resource_check=check_directory_access,
)
