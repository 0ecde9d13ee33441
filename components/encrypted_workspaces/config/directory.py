"""``encrypted-workspaces:directory``: registration of an existing Directory Service directory."""

from __future__ import annotations

from pydantic import Field

from encrypted_workspaces.aws import limits

from .base import (
    ConfigModel,
    DefaultOu,
    DirectoryId,
    DirectorySubnets,
    Ipv4Cidr,
    PassedOnDeviceAccess,
    SecurityGroupId,
)
from .inputs import Input, Many, Section


class SelfServicePermissionsArgs(ConfigModel):
    """What users may do to their own WorkSpace. Only restart is allowed by default, because every
    other self-service action changes cost, size or state."""

    change_compute_type: Input[bool] = False
    """Users may change their WorkSpace's compute type. Defaults to false (changes cost)."""
    increase_volume_size: Input[bool] = False
    """Users may grow their volumes. Defaults to false (changes cost)."""
    rebuild_workspace: Input[bool] = False
    """Users may rebuild their WorkSpace. Defaults to false (a rebuild restores the root volume)."""
    restart_workspace: Input[bool] = True
    """Users may restart their WorkSpace. Defaults to true: harmless and the usual fix."""
    switch_running_mode: Input[bool] = False
    """Users may switch between AUTO_STOP and ALWAYS_ON. Defaults to false (changes cost)."""


class WorkspaceAccessPropertiesArgs(ConfigModel):
    """Which client devices may connect: ALLOW or DENY per device type. Unset device types keep AWS's
    defaults (web access is off unless allowed)."""

    device_type_android: Input[PassedOnDeviceAccess] | None = None
    """Android clients: ALLOW or DENY. Unset keeps AWS's default."""
    device_type_chromeos: Input[PassedOnDeviceAccess] | None = None
    """ChromeOS clients: ALLOW or DENY. Unset keeps AWS's default."""
    device_type_ios: Input[PassedOnDeviceAccess] | None = None
    """iOS clients: ALLOW or DENY. Unset keeps AWS's default."""
    device_type_linux: Input[PassedOnDeviceAccess] | None = None
    """Linux clients: ALLOW or DENY. Unset keeps AWS's default."""
    device_type_osx: Input[PassedOnDeviceAccess] | None = None
    """macOS clients: ALLOW or DENY. Unset keeps AWS's default."""
    device_type_web: Input[PassedOnDeviceAccess] | None = None
    """Web access: ALLOW or DENY. Unset keeps AWS's default (off)."""
    device_type_windows: Input[PassedOnDeviceAccess] | None = None
    """Windows clients: ALLOW or DENY. Unset keeps AWS's default."""
    device_type_zeroclient: Input[PassedOnDeviceAccess] | None = None
    """Zero clients: ALLOW or DENY. Unset keeps AWS's default."""


class WorkspaceCreationPropertiesArgs(ConfigModel):
    """Settings of new WorkSpaces in the directory."""

    custom_security_group_id: Input[SecurityGroupId] | None = None
    """A security group to add to new WorkSpaces (sg-...)."""
    default_ou: Input[DefaultOu] | None = None
    """The organizational unit for new WorkSpaces' computer accounts: a distinguished name of one or more
    OUs and two or more DCs (OU=WorkSpaces,DC=corp,DC=example,DC=com). Unset keeps the directory's
    default."""
    enable_internet_access: Input[bool] = False
    """Direct internet access for new WorkSpaces. Defaults to false: no direct internet unless asked."""
    enable_maintenance_mode: Input[bool] = True
    """Maintenance mode. Defaults to true, so WorkSpaces receive OS updates in their maintenance
    window."""
    user_enabled_as_local_administrator: Input[bool] = False
    """Users are local administrators of their WorkSpaces. Defaults to false."""


class IpRuleArgs(ConfigModel):
    """One trusted network: users may connect from addresses in ``source``."""

    source: Input[Ipv4Cidr]
    """The public IPv4 range users connect from, in CIDR notation (203.0.113.0/24; one address is /32;
    host bits are accepted, as the provider accepts them). Behind a NAT gateway or VPN, its static
    public address. Required."""
    description: Input[str] | None = None
    """What the network is (an office, a VPN). Defaults to none."""


class IpGroupArgs(ConfigModel):
    """An IP access control group: the networks users may connect from."""

    description: Input[str] | None = None
    """The group's description in WorkSpaces. Defaults to none. Changing it replaces the group."""
    rules: Many[IpRuleArgs] = Field(default=[], max_length=limits.IP_GROUP_MAX_RULES)
    """The trusted networks, at most 10 (the WorkSpaces quota, not adjustable). Defaults to none,
    which AWS accepts but warns about: an empty group attached to a directory can keep every user from
    connecting."""


class DirectoryArgs(ConfigModel):
    """``encrypted-workspaces:directory``: registration of an existing Directory Service directory."""

    directory_id: Input[DirectoryId]
    """The existing Directory Service directory to register (d-...). Required."""
    subnet_ids: Input[DirectorySubnets]
    """Exactly two different subnets, in two Availability Zones, as RegisterWorkspaceDirectory requires.
    Required."""
    create_default_role: bool = False
    """Create workspaces_DefaultRole. Defaults to false, because the role is one per account and
    exists in any account that has used WorkSpaces before; creating it twice fails. Plain: it decides
    whether the role exists."""
    ip_groups: dict[str, IpGroupArgs] = Field(default={}, max_length=limits.IP_GROUPS_PER_DIRECTORY)
    """IP access control groups, name -> {description, rules}: one group per entry, all attached to
    the directory, so users connect only from the networks listed. Defaults to none: the directory's
    default group, which allows every address. At most 25 per directory (the WorkSpaces quota). The names
    are plain: each names its group's resource."""
    self_service_permissions: Section[SelfServicePermissionsArgs] = SelfServicePermissionsArgs()
    """What users may do to their own WorkSpace (restart only, by default)."""
    workspace_access_properties: Section[WorkspaceAccessPropertiesArgs] = WorkspaceAccessPropertiesArgs()
    """Which client devices may connect (AWS's defaults unless set)."""
    workspace_creation_properties: Section[WorkspaceCreationPropertiesArgs] = (
        WorkspaceCreationPropertiesArgs()
    )
    """Settings of new WorkSpaces: no internet, no local administrator, maintenance on, by default."""


# The names before the arguments were named as Pulumi names input types; kept for one release.
DirectoryConfig = DirectoryArgs
IpGroup = IpGroupArgs
IpRule = IpRuleArgs
SelfServicePermissions = SelfServicePermissionsArgs
WorkspaceAccessProperties = WorkspaceAccessPropertiesArgs
WorkspaceCreationProperties = WorkspaceCreationPropertiesArgs
