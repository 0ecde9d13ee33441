"""The directory registration: an existing Directory Service directory registered with WorkSpaces, with
its secure defaults and IP access control groups."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi
import pulumi_aws as aws
from pydantic import BaseModel

from encrypted_workspaces.config.directory import DirectoryArgs

from .options import Children


def _set_fields(section: BaseModel) -> dict[str, Any]:
    """A section's values by field name, those left unset (None) out: AWS keeps its defaults for them."""
    return {
        name: value for name in type(section).model_fields if (value := getattr(section, name)) is not None
    }


def directory_registration(
    name: str,
    directory: DirectoryArgs,
    *,
    ip_groups: Sequence[aws.workspaces.IpGroup],
    after: Sequence[pulumi.Resource],
    tags: dict[str, pulumi.Input[str]],
    children: Children,
) -> aws.workspaces.Directory:
    """The registration, after ``after`` (workspaces_DefaultRole's policy attachments, when the stack
    creates the role: WorkSpaces must be able to assume it)."""
    return aws.workspaces.Directory(
        f"{name}-directory",
        directory_id=directory.directory_id,
        subnet_ids=directory.subnet_ids,
        ip_group_ids=[group.id for group in ip_groups] or None,
        self_service_permissions=aws.workspaces.DirectorySelfServicePermissionsArgs(
            **_set_fields(directory.self_service_permissions)
        ),
        workspace_access_properties=aws.workspaces.DirectoryWorkspaceAccessPropertiesArgs(
            **_set_fields(directory.workspace_access_properties)
        ),
        workspace_creation_properties=aws.workspaces.DirectoryWorkspaceCreationPropertiesArgs(
            **_set_fields(directory.workspace_creation_properties)
        ),
        tags=tags,
        opts=children.options(depends_on=after),
    )
