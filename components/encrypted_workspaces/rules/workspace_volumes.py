"""Rule: WorkSpaces encrypt the required volumes with a customer managed key given by its ARN."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from encrypted_workspaces.aws.arns import KEY_ARN
from encrypted_workspaces.aws.types import WORKSPACE

from .base import ENCRYPT_PAGE, MANDATORY, ResourceView, Rule, RuleSettings, flag


class WorkspaceVolumesSettings(RuleSettings):
    required_volumes: list[Literal["root", "user"]] = Field(default=["root", "user"], min_length=1)
    """The volumes every WorkSpace must encrypt with a customer managed key. Defaults to both,
    because encryption can never be added to an existing WorkSpace."""


def check_workspace_volumes(resource: ResourceView, settings: WorkspaceVolumesSettings) -> list[str]:
    if resource.type != WORKSPACE:
        return []
    problems = []
    for volume in settings.required_volumes:
        if not flag(resource.props, f"{volume}VolumeEncryptionEnabled"):
            problems.append(
                f"the {volume} volume must be encrypted ({volume}VolumeEncryptionEnabled is not true)"
            )
    key = resource.props.get("volumeEncryptionKey")
    if not key:
        problems.append(
            "volumeEncryptionKey is empty: the volumes would use the AWS managed key aws/workspaces"
        )
    elif not KEY_ARN.fullmatch(str(key)):
        problems.append(
            f"volumeEncryptionKey must be a customer managed key's ARN, not an alias or id (got {key!r}): "
            "an alias can be pointed at another key"
        )
    return problems


RULE = Rule(
    name="workspaces-volumes-encrypted-with-a-key-arn",
    description="WorkSpaces encrypt the required volumes with a customer managed key given by its ARN.",
    enforcement=MANDATORY,
    url=ENCRYPT_PAGE,
    settings=WorkspaceVolumesSettings,
    resource_check=check_workspace_volumes,
)
