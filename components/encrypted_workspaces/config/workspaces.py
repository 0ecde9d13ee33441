"""``encrypted-workspaces:workspaces``: one WorkSpace per directory user, defaults and overrides."""

from __future__ import annotations

from typing import Any

from pydantic import field_validator

from .base import AutoStopMinutes, BundleId, ComputeTypeName, ConfigModel, Duration, RunningMode


class WorkspaceProperties(ConfigModel):
    """``encrypted-workspaces:workspaces.defaults``: what every WorkSpace gets unless a user overrides it."""

    bundle_id: BundleId
    compute_type_name: ComputeTypeName = "STANDARD"
    running_mode: RunningMode = "AUTO_STOP"
    # Used by AUTO_STOP WorkSpaces only; AWS bills ALWAYS_ON monthly and ignores it.
    running_mode_auto_stop_timeout_in_minutes: AutoStopMinutes = 60
    root_volume_size_gib: int = 80
    user_volume_size_gib: int = 50
    # Both default to true: encryption can never be added to an existing WorkSpace.
    root_volume_encryption_enabled: bool = True
    user_volume_encryption_enabled: bool = True


class WorkspaceOverrides(ConfigModel):
    """``encrypted-workspaces:workspaces.users.<user>``: per-user changes to the defaults."""

    bundle_id: BundleId | None = None
    compute_type_name: ComputeTypeName | None = None
    running_mode: RunningMode | None = None
    running_mode_auto_stop_timeout_in_minutes: AutoStopMinutes | None = None
    root_volume_size_gib: int | None = None
    user_volume_size_gib: int | None = None
    root_volume_encryption_enabled: bool | None = None
    user_volume_encryption_enabled: bool | None = None


class WorkspacesConfig(ConfigModel):
    """``encrypted-workspaces:workspaces``: one WorkSpace per directory user."""

    defaults: WorkspaceProperties
    users: dict[str, WorkspaceOverrides] = {}
    # Defaults to 90m, because "WorkSpaces launched with root volume encryption enabled might take up
    # to an hour to provision".
    create_timeout: Duration = "90m"
    # Defaults to true, because a replaced or deleted WorkSpace loses its user volume; dev stacks
    # that churn users set it to false.
    protect: bool = True

    @field_validator("users", mode="before")
    @classmethod
    def _empty_entries_have_no_overrides(cls, users: Any) -> Any:
        # `alice:` with nothing after it is how YAML writes a user who takes every default.
        if isinstance(users, dict):
            return {user: {} if overrides is None else overrides for user, overrides in users.items()}
        return users

    def properties_for(self, user: str) -> WorkspaceProperties:
        """The defaults with ``user``'s overrides applied."""
        overrides = self.users[user].model_dump(exclude_none=True)
        return self.defaults.model_copy(update=overrides)
