"""``encrypted-workspaces:workspaces``: one WorkSpace per directory user, defaults and overrides."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field, field_validator

from encrypted_workspaces.aws import limits
from encrypted_workspaces.naming import user_identity

from .base import (
    FIRST_WAVE,
    AutoStopMinutes,
    BundleId,
    BundleName,
    ConfigModel,
    Duration,
    Int32,
    PassedOnComputeTypeName,
    RunningMode,
    UserName,
    Wave,
    WorkspaceId,
)
from .inputs import Input, Section

BundleOwner = Literal[limits.BUNDLE_OWNERS]


def _one_bundle_schema(schema: dict) -> None:
    """The defaults name their bundle exactly one way (config/existing_checks.py)."""
    schema["oneOf"] = [
        {"required": ["bundleId"], "not": {"required": ["bundleName"]}},
        {"required": ["bundleName"], "not": {"required": ["bundleId"]}},
    ]


def _at_most_one_bundle_schema(schema: dict) -> None:
    """A user's block may leave the bundle to the defaults, but never names it both ways."""
    schema["not"] = {"required": ["bundleId", "bundleName"]}


class WorkspacePropertiesArgs(ConfigModel):
    """``encrypted-workspaces:workspaces.defaults``: what every WorkSpace gets unless a user overrides it."""

    model_config = ConfigDict(json_schema_extra=_one_bundle_schema)

    bundle_id: Input[BundleId] | None = None
    """The bundle (image and hardware) WorkSpaces launch from (wsb-...). Exactly one of bundleId and
    bundleName is required."""
    bundle_name: Input[BundleName] | None = None
    """The bundle by its name, as the console shows it (such as Standard with Windows 10 (Server 2019
    based)), instead of bundleId: looked up on every deployment; a name that no longer exists fails
    it, and a name that resolves to another id is a bundle change (which replaces WorkSpaces). Exactly
    one of bundleId and bundleName is required."""
    bundle_owner: BundleOwner = limits.AMAZON_BUNDLE_OWNER
    """Whose bundles bundleName names: AMAZON (AWS's public bundles) or ACCOUNT (this account's own
    custom bundles). Defaults to AMAZON, the owner AWS's API names for public bundles. With bundleName
    only."""
    compute_type_name: Input[PassedOnComputeTypeName] = "STANDARD"
    """The compute type. Defaults to STANDARD."""
    running_mode: Input[RunningMode] = "AUTO_STOP"
    """AUTO_STOP (billed by the hour) or ALWAYS_ON (billed monthly). Defaults to AUTO_STOP."""
    running_mode_auto_stop_timeout_in_minutes: Input[AutoStopMinutes] = 60
    """Minutes of inactivity before an AUTO_STOP WorkSpace stops, in multiples of 60. Defaults to 60.
    AUTO_STOP only: AWS bills ALWAYS_ON monthly and ignores it."""
    root_volume_size_gib: Input[Int32] = 80
    """Root volume size in GiB. Defaults to 80. AWS takes root 80 with user 10, 50 or 100; or root
    175..2000 with user 100..2000 (graphics: also root 100 with user 100)."""
    user_volume_size_gib: Input[Int32] = 50
    """User volume size in GiB. Defaults to 50 (see rootVolumeSizeGib for the sizes AWS takes)."""
    root_volume_encryption_enabled: Input[bool] = True
    """Encrypt the root volume with the key. Defaults to true, because encryption can never be added
    to an existing WorkSpace."""
    user_volume_encryption_enabled: Input[bool] = True
    """Encrypt the user volume with the key. Defaults to true, because encryption can never be added
    to an existing WorkSpace. At least one of the two volumes must be encrypted."""


class WorkspaceOverridesArgs(ConfigModel):
    """``encrypted-workspaces:workspaces.users.<user>``: per-user changes to the defaults."""

    model_config = ConfigDict(json_schema_extra=_at_most_one_bundle_schema)

    bundle_id: Input[BundleId] | None = None
    """This user's bundle, instead of the default (bundleId or bundleName)."""
    bundle_name: Input[BundleName] | None = None
    """This user's bundle by name, instead of the default (bundleId or bundleName)."""
    bundle_owner: BundleOwner | None = None
    """Whose bundles this user's bundleName names (AMAZON or ACCOUNT), instead of the default."""
    compute_type_name: Input[PassedOnComputeTypeName] | None = None
    """This user's compute type, instead of the default."""
    running_mode: Input[RunningMode] | None = None
    """This user's running mode, instead of the default."""
    running_mode_auto_stop_timeout_in_minutes: Input[AutoStopMinutes] | None = None
    """This user's auto-stop timeout, instead of the default (AUTO_STOP only)."""
    root_volume_size_gib: Input[Int32] | None = None
    """This user's root volume size, instead of the default."""
    user_volume_size_gib: Input[Int32] | None = None
    """This user's user volume size, instead of the default."""
    root_volume_encryption_enabled: Input[bool] | None = None
    """Whether this user's root volume is encrypted, instead of the default."""
    user_volume_encryption_enabled: Input[bool] | None = None
    """Whether this user's user volume is encrypted, instead of the default."""
    import_id: WorkspaceId | None = None
    """Adopt this user's existing WorkSpace (ws-...) instead of launching a new one: the first
    pulumi up imports it as it is (no replacement), if the settings here match it exactly; then remove
    the key. Defaults to none: a new WorkSpace is launched. Plain: it is a resource option (import),
    which Pulumi needs before it registers the WorkSpace."""
    wave: Wave = FIRST_WAVE
    """The rollout wave of this user's WorkSpace: the stack deploys it once workspaces.wave is this wave
    or higher. Defaults to 1, the first (pilot) wave, because a stack that names no waves deploys every
    user. Until the user's wave comes, importId and a listing under replace wait with it. Plain: it
    decides whether the user's WorkSpace exists."""


# What a user's block holds besides the WorkSpace's properties: options and the rollout, not settings.
_NOT_PROPERTIES = frozenset({"import_id", "wave"})


def _users_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema of ``users`` as the model reads it: a blank entry takes the defaults (see
    ``_empty_entries_have_no_overrides``), and a name outside the pattern is refused (checks.py)."""
    schema["patternProperties"] = {
        names: {"anyOf": [overrides, {"type": "null"}]}
        for names, overrides in schema["patternProperties"].items()
    }
    schema["additionalProperties"] = False


class WorkspacesArgs(ConfigModel):
    """``encrypted-workspaces:workspaces``: one WorkSpace per directory user. The user names, the waves,
    replace, the timeouts and protect are plain values: they decide which resources exist, name them or
    are resource options."""

    defaults: Section[WorkspacePropertiesArgs]
    """What every WorkSpace gets unless its user overrides it."""
    users: dict[UserName, WorkspaceOverridesArgs] = Field(
        default={}, json_schema_extra=lambda schema: _users_schema(schema)
    )
    """One WorkSpace per directory user: user name -> overrides of the defaults (empty for none). User
    names are case-insensitive; a WorkSpace's logical name comes from its user's name, so the names are
    plain values."""
    wave: Wave | None = None
    """The highest rollout wave to deploy: the stack creates the WorkSpaces of the users whose wave is
    at most this one. Raising it creates the next wave's WorkSpaces and changes no other; lowering it
    deletes the WorkSpaces of the waves above it (plan --against reports that as destructive). Defaults
    to every wave, because a stack that names no waves deploys every user. Plain: it decides which
    WorkSpaces exist."""
    create_timeout: Duration = "90m"
    """How long to wait for a WorkSpace to be created, as a Go duration (90m, 1h30m, 1.5h). Defaults to
    90m, because "WorkSpaces launched with root volume encryption enabled might take up to an hour to
    provision"; at least 60m while root volumes are encrypted."""
    update_timeout: Duration = "60m"
    """How long to wait for each change to a WorkSpace's properties. Defaults to 60m, because the
    provider's 10m is too short for a compute-type change or a volume resize, which restart the
    WorkSpace, and a timed-out update leaves the stack to be refreshed by hand."""
    delete_timeout: Duration = "30m"
    """How long to wait for a WorkSpace to be terminated. Defaults to 30m (the provider's default is
    10m), because a replacement deletes first and creates after: a timed-out termination stops the
    update with the user left without a WorkSpace."""
    replace: list[UserName] = []
    """Users whose WorkSpace this update may replace. Defaults to none, because a replaced WorkSpace
    loses its user volume: a change that would replace a WorkSpace (bundleId, userName, directory,
    encryption, key) is otherwise held back (ignoreChanges). A listed user's WorkSpace is deleted
    first, then created (AWS allows one WorkSpace per user per directory); remove the name after the
    update."""
    protect: bool = True
    """Protect the WorkSpaces and the key from deletion. Defaults to true, because a replaced or
    deleted WorkSpace loses its user volume; dev stacks that churn users set it to false."""

    @field_validator("users", mode="before")
    @classmethod
    def _empty_entries_have_no_overrides(cls, users: Any) -> Any:
        # `alice:` with nothing after it is how YAML writes a user who takes every default.
        if isinstance(users, dict):
            return {user: {} if overrides is None else overrides for user, overrides in users.items()}
        return users

    def properties_for(self, user: str) -> WorkspacePropertiesArgs:
        """The defaults with ``user``'s overrides applied."""
        overrides = self.users[user].model_dump(exclude_none=True, exclude=set(_NOT_PROPERTIES))
        if "bundle_id" in overrides or "bundle_name" in overrides:
            # A user's own bundle replaces the default choice whole: bundleId does not inherit a
            # default bundleName, nor the other way round.
            overrides = {"bundle_id": None, "bundle_name": None, **overrides}
        return self.defaults.model_copy(update=overrides)

    def in_wave(self, user: str) -> bool:
        """Whether the stack deploys ``user``'s WorkSpace: the user's wave is at most ``wave`` (every
        user's, when ``wave`` is not set)."""
        return self.wave is None or self.users[user].wave <= self.wave

    @property
    def deployed_users(self) -> list[str]:
        """The users whose WorkSpace the stack deploys (their wave has come), sorted."""
        return [user for user in sorted(self.users) if self.in_wave(user)]

    @property
    def waiting_users(self) -> list[str]:
        """The users whose wave is above ``wave``: listed, and not deployed yet; sorted."""
        return [user for user in sorted(self.users) if not self.in_wave(user)]

    def may_replace(self, user: str) -> bool:
        """Whether this update may replace ``user``'s WorkSpace (listed under ``replace``, in any case)."""
        return user_identity(user) in {user_identity(name) for name in self.replace}


# The names before the arguments were named as Pulumi names input types; kept for one release.
WorkspaceProperties = WorkspacePropertiesArgs
WorkspaceOverrides = WorkspaceOverridesArgs
WorkspacesConfig = WorkspacesArgs
