"""``encrypted-workspaces:directory``: registration of an existing Directory Service directory."""

from __future__ import annotations

from pydantic import Field

from encrypted_workspaces.aws import limits

from .base import ConfigModel, DeviceAccess, DirectoryId, SecurityGroupId, SubnetId


class SelfServicePermissions(ConfigModel):
    # Defaults: only restart, because every other self-service action changes cost, size or state.
    change_compute_type: bool = False
    increase_volume_size: bool = False
    rebuild_workspace: bool = False
    restart_workspace: bool = True
    switch_running_mode: bool = False


class WorkspaceAccessProperties(ConfigModel):
    # Unset device types keep AWS's defaults (web access is off unless allowed).
    device_type_android: DeviceAccess | None = None
    device_type_chromeos: DeviceAccess | None = None
    device_type_ios: DeviceAccess | None = None
    device_type_linux: DeviceAccess | None = None
    device_type_osx: DeviceAccess | None = None
    device_type_web: DeviceAccess | None = None
    device_type_windows: DeviceAccess | None = None
    device_type_zeroclient: DeviceAccess | None = None


class WorkspaceCreationProperties(ConfigModel):
    custom_security_group_id: SecurityGroupId | None = None
    default_ou: str | None = None
    # Defaults to false: no direct internet access unless asked.
    enable_internet_access: bool = False
    # Defaults to true, so WorkSpaces receive OS updates in their maintenance window.
    enable_maintenance_mode: bool = True
    # Defaults to false: users are not local administrators of their WorkSpaces.
    user_enabled_as_local_administrator: bool = False


class DirectoryConfig(ConfigModel):
    """``encrypted-workspaces:directory``: registration of an existing Directory Service directory."""

    directory_id: DirectoryId
    # WorkSpaces needs subnets in two Availability Zones.
    subnet_ids: list[SubnetId] = Field(min_length=limits.DIRECTORY_MIN_SUBNETS)
    # Defaults to false, because workspaces_DefaultRole is one per account and exists in any account
    # that has used WorkSpaces before; creating it twice fails.
    create_default_role: bool = False
    self_service_permissions: SelfServicePermissions = SelfServicePermissions()
    workspace_access_properties: WorkspaceAccessProperties = WorkspaceAccessProperties()
    workspace_creation_properties: WorkspaceCreationProperties = WorkspaceCreationProperties()
