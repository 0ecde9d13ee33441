"""The stack config model (DESIGN.md, "Config contract (v1)") and its one-line errors.

The same pydantic models are the component's typed arguments: a stack reads them from
``encrypted-workspaces:*`` config with camelCase keys (pulumi-aws property names); a program that
imports the component builds them with snake_case keyword arguments. Either way every problem is
reported at once, one line each, starting with the config key path::

    encrypted-workspaces:workspaces.users.bob.runningMode: must be AUTO_STOP or ALWAYS_ON (got 'SOMETIMES')
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args, get_origin

import pulumi
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)
from pydantic.alias_generators import to_camel

from encrypted_workspaces.policies.arns import IAM_PRINCIPAL_ARN, principal_kind

from .naming import normalized_user_name

NAMESPACE = "encrypted-workspaces"

# The WorkSpaces API's compute types for WorkSpaces Personal.
# https://docs.aws.amazon.com/workspaces/latest/api/API_ComputeType.html
ComputeTypeName = Literal[
    "VALUE",
    "STANDARD",
    "PERFORMANCE",
    "POWER",
    "POWERPRO",
    "GENERALPURPOSE_4XLARGE",
    "GENERALPURPOSE_8XLARGE",
    "GRAPHICS",
    "GRAPHICSPRO",
    "GRAPHICS_G4DN",
    "GRAPHICSPRO_G4DN",
]
RunningMode = Literal["AUTO_STOP", "ALWAYS_ON"]
DeviceAccess = Literal["ALLOW", "DENY"]


class ConfigError(pulumi.RunError):
    """Invalid configuration: ``problems`` holds one line per problem, each starting with its key path.

    A ``pulumi.RunError``, so ``pulumi up`` prints the lines alone, without a traceback.
    """

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# --- field validators: each raises ValueError with "what is wrong, what is allowed" -----------------


def _pattern(regex: str, allowed: str):
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(f"must be {allowed} (got {value!r})")
        return value

    return AfterValidator(check)


def _key_policy_principal(value: str) -> str:
    match = IAM_PRINCIPAL_ARN.fullmatch(value)
    if not match or match["kind"] == "group":
        raise ValueError(
            "must be an IAM role or user ARN such as arn:aws:iam::123456789012:role/Name; "
            f"a key policy cannot name groups (got {value!r})"
        )
    return value


def _iam_principal(value: str) -> str:
    if not IAM_PRINCIPAL_ARN.fullmatch(value):
        raise ValueError(
            "must be an IAM role, user or group ARN such as arn:aws:iam::123456789012:role/Name "
            f"(got {value!r})"
        )
    return value


def _alias(value: str) -> str:
    if not re.fullmatch(r"alias/[A-Za-z0-9/_-]{1,250}", value):
        raise ValueError(f"must be 'alias/' followed by letters, digits, '/', '_' or '-' (got {value!r})")
    if value.lower().startswith("alias/aws/"):
        raise ValueError(f"the prefix 'alias/aws/' is reserved for AWS managed keys (got {value!r})")
    return value


_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")


def duration_minutes(value: str) -> float:
    """Minutes in a Pulumi custom timeout such as ``90m``, ``1h30m`` or ``5400s``."""
    match = _DURATION.fullmatch(value)
    if not value or not match:
        raise ValueError(f"must be a duration such as '90m', '1h30m' or '5400s' (got {value!r})")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 60 + minutes + seconds / 60


def _duration(value: str) -> str:
    duration_minutes(value)
    return value


def _auto_stop_minutes(value: int) -> int:
    if value < 60 or value % 60:
        raise ValueError(f"must be a positive multiple of 60 minutes (got {value})")
    return value


def _tag_map(value: dict[str, str]) -> dict[str, str]:
    for key, tag_value in value.items():
        if not 1 <= len(key) <= 128 or key.lower().startswith("aws:"):
            raise ValueError(f"tag keys are 1 to 128 characters and cannot start with 'aws:' (got {key!r})")
        if len(tag_value) > 256:
            raise ValueError(f"tag values are at most 256 characters (got {len(tag_value)} for {key!r})")
    return value


AccountId = Annotated[str, _pattern(r"\d{12}", "a 12-digit AWS account id")]
KeyPolicyPrincipal = Annotated[str, AfterValidator(_key_policy_principal)]
IamPrincipal = Annotated[str, AfterValidator(_iam_principal)]
DirectoryId = Annotated[str, _pattern(r"d-[0-9a-f]{10}", "a Directory Service id such as d-1234567890")]
SubnetId = Annotated[
    str, _pattern(r"subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?", "a subnet id such as subnet-0123456789abcdef0")
]
SecurityGroupId = Annotated[
    str, _pattern(r"sg-[0-9a-f]{8}(?:[0-9a-f]{9})?", "a security group id such as sg-0123456789abcdef0")
]
BundleId = Annotated[str, _pattern(r"wsb-[0-9a-z]{9}", "a WorkSpaces bundle id such as wsb-bh8rsxt14")]
KeyAlias = Annotated[str, AfterValidator(_alias)]
Duration = Annotated[str, AfterValidator(_duration)]
AutoStopMinutes = Annotated[int, AfterValidator(_auto_stop_minutes)]
Tags = Annotated[dict[str, str], AfterValidator(_tag_map)]


class _Model(BaseModel):
    # Unknown keys are typos: refuse them. camelCase in stack files, snake_case from Python.
    model_config = ConfigDict(extra="forbid", alias_generator=to_camel, populate_by_name=True, frozen=True)


# --- the contract ---------------------------------------------------------------------------------


class KeyConfig(_Model):
    """``encrypted-workspaces:key``: the customer managed key and its policy."""

    # Defaults to alias/encrypted-workspaces-<stack>, because one key per stack needs one name per stack.
    alias: KeyAlias | None = None
    # Key policy statement 2. Required: the documented policy separates who manages from who uses.
    administrators: list[KeyPolicyPrincipal] = Field(min_length=1)
    # Key policy statements 3 and 4, besides the WorkSpaces administrators' roles and users.
    users: list[KeyPolicyPrincipal] = []
    # Defaults to on, because customer managed keys are not rotated unless asked.
    enable_key_rotation: bool = True
    # Defaults to 365, KMS's own default; KMS allows 90..2560.
    rotation_period_in_days: int = Field(default=365, ge=90, le=2560)
    # Defaults to 30, the longest KMS allows: the most time to cancel a deletion that would make
    # every WorkSpace encrypted with the key unusable.
    deletion_window_in_days: int = Field(default=30, ge=7, le=30)
    description: str = Field(default="Encrypts the volumes of Amazon WorkSpaces", max_length=8192)


class AdministratorsConfig(_Model):
    """``encrypted-workspaces:administrators``: the people who launch encrypted WorkSpaces (Part 2)."""

    # Each gets both IAM policies; roles and users also become key users.
    principals: list[IamPrincipal] = []
    # Defaults to false, because "if your WorkSpaces administrators use only the Amazon WorkSpaces
    # API (not the console), you can omit the kms:ListAliases and kms:ListKeys permissions".
    console_access: bool = False


class SelfServicePermissions(_Model):
    # Defaults: only restart, because every other self-service action changes cost, size or state.
    change_compute_type: bool = False
    increase_volume_size: bool = False
    rebuild_workspace: bool = False
    restart_workspace: bool = True
    switch_running_mode: bool = False


class WorkspaceAccessProperties(_Model):
    # Unset device types keep AWS's defaults (web access is off unless allowed).
    device_type_android: DeviceAccess | None = None
    device_type_chromeos: DeviceAccess | None = None
    device_type_ios: DeviceAccess | None = None
    device_type_linux: DeviceAccess | None = None
    device_type_osx: DeviceAccess | None = None
    device_type_web: DeviceAccess | None = None
    device_type_windows: DeviceAccess | None = None
    device_type_zeroclient: DeviceAccess | None = None


class WorkspaceCreationProperties(_Model):
    custom_security_group_id: SecurityGroupId | None = None
    default_ou: str | None = None
    # Defaults to false: no direct internet access unless asked.
    enable_internet_access: bool = False
    # Defaults to true, so WorkSpaces receive OS updates in their maintenance window.
    enable_maintenance_mode: bool = True
    # Defaults to false: users are not local administrators of their WorkSpaces.
    user_enabled_as_local_administrator: bool = False


class DirectoryConfig(_Model):
    """``encrypted-workspaces:directory``: registration of an existing Directory Service directory."""

    directory_id: DirectoryId
    # WorkSpaces needs subnets in two Availability Zones.
    subnet_ids: list[SubnetId] = Field(min_length=2)
    # Defaults to false, because workspaces_DefaultRole is one per account and exists in any account
    # that has used WorkSpaces before; creating it twice fails.
    create_default_role: bool = False
    self_service_permissions: SelfServicePermissions = SelfServicePermissions()
    workspace_access_properties: WorkspaceAccessProperties = WorkspaceAccessProperties()
    workspace_creation_properties: WorkspaceCreationProperties = WorkspaceCreationProperties()


class WorkspaceProperties(_Model):
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


class WorkspaceOverrides(_Model):
    """``encrypted-workspaces:workspaces.users.<user>``: per-user changes to the defaults."""

    bundle_id: BundleId | None = None
    compute_type_name: ComputeTypeName | None = None
    running_mode: RunningMode | None = None
    running_mode_auto_stop_timeout_in_minutes: AutoStopMinutes | None = None
    root_volume_size_gib: int | None = None
    user_volume_size_gib: int | None = None
    root_volume_encryption_enabled: bool | None = None
    user_volume_encryption_enabled: bool | None = None


class WorkspacesConfig(_Model):
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


class EncryptedWorkspacesArgs(_Model):
    """Everything the component needs: the ``encrypted-workspaces:*`` config namespace."""

    # Set by validate_args once the checks across fields have passed: the model is frozen, so the
    # stack program and the component do not check the same thousands of users twice.
    _checked: bool = PrivateAttr(default=False)

    # On every taggable resource.
    tags: Tags = {}
    key: KeyConfig
    administrators: AdministratorsConfig = AdministratorsConfig()
    directory: DirectoryConfig
    workspaces: WorkspacesConfig

    @property
    def key_users(self) -> list[str]:
        """Key policy statements 3 and 4: extra key users plus the administrators' roles and users."""
        admins = {arn for arn in self.administrators.principals if principal_kind(arn) != "group"}
        return sorted(set(self.key.users) | admins)


# --- checks across fields: plain functions returning (key path, message) ---------------------------

# Root/user volume sizes AWS accepts, in GiB ("Modify a WorkSpace", volume sizes).
# https://docs.aws.amazon.com/workspaces/latest/adminguide/modify-workspaces.html
_GRAPHICS = {"GRAPHICS", "GRAPHICSPRO", "GRAPHICS_G4DN", "GRAPHICSPRO_G4DN"}
VOLUME_SIZES_ALLOWED = (
    "root 80 with user 10, 50 or 100; or root 175..2000 with user 100..2000 "
    "(graphics: also root 100 with user 100)"
)


def _volume_sizes_valid(properties: WorkspaceProperties) -> bool:
    root, user = properties.root_volume_size_gib, properties.user_volume_size_gib
    if root == 80 and user in (10, 50, 100):
        return True
    if 175 <= root <= 2000 and 100 <= user <= 2000:
        return True
    return properties.compute_type_name in _GRAPHICS and (root, user) == (100, 100)


# Each WorkSpace check names the fields it reads: a user's problem is reported only where the user
# set one of them, or where the defaults do not have the same problem (then it is the user's own).
_ENCRYPTION_FIELDS = frozenset({"root_volume_encryption_enabled", "user_volume_encryption_enabled"})
_VOLUME_FIELDS = frozenset({"root_volume_size_gib", "user_volume_size_gib"})
_AUTO_STOP_FIELDS = frozenset({"running_mode", "running_mode_auto_stop_timeout_in_minutes"})


def _workspace_problems(
    path: str, properties: WorkspaceProperties, explicit: set[str]
) -> list[tuple[frozenset[str], str, str]]:
    """(fields read, key path, message) for each problem of one WorkSpace's resolved settings."""
    problems = []
    if not (properties.root_volume_encryption_enabled or properties.user_volume_encryption_enabled):
        problems.append(
            (
                _ENCRYPTION_FIELDS,
                path,
                "a WorkSpace must encrypt its root volume, its user volume or both: encryption can never be "
                "added to an existing WorkSpace (got rootVolumeEncryptionEnabled and "
                "userVolumeEncryptionEnabled both false)",
            )
        )
    if not _volume_sizes_valid(properties):
        problems.append(
            (
                _VOLUME_FIELDS,
                f"{path}.rootVolumeSizeGib",
                f"volume sizes must be {VOLUME_SIZES_ALLOWED} (got root {properties.root_volume_size_gib}, "
                f"user {properties.user_volume_size_gib}, compute type {properties.compute_type_name})",
            )
        )
    if properties.running_mode == "ALWAYS_ON" and "running_mode_auto_stop_timeout_in_minutes" in explicit:
        problems.append(
            (
                _AUTO_STOP_FIELDS,
                f"{path}.runningModeAutoStopTimeoutInMinutes",
                "applies to runningMode AUTO_STOP only; remove it or set runningMode: AUTO_STOP "
                f"(got {properties.running_mode_auto_stop_timeout_in_minutes} with ALWAYS_ON)",
            )
        )
    return problems


def cross_field_problems(args: EncryptedWorkspacesArgs) -> list[tuple[str, str]]:
    """What single fields cannot see: key users, user-name collisions, resolved WorkSpace settings."""
    problems: list[tuple[str, str]] = []
    if not args.key_users:
        problems.append(
            (
                "administrators.principals",
                "the key needs at least one key user: add an IAM role or user here or under key.users "
                "(groups cannot be key users)",
            )
        )
    workspaces = args.workspaces
    default_problems = _workspace_problems(
        "workspaces.defaults", workspaces.defaults, workspaces.defaults.model_fields_set
    )
    problems += [(where, message) for _, where, message in default_problems]
    inherited_checks = {fields for fields, _, _ in default_problems}
    seen: dict[str, str] = {}
    root_encrypted = False
    for user in sorted(workspaces.users):
        path = f"workspaces.users.{user}"
        resolved = workspaces.properties_for(user)
        root_encrypted = root_encrypted or resolved.root_volume_encryption_enabled
        try:
            normalized = normalized_user_name(user)
        except ValueError as error:
            problems.append((path, str(error)))
            continue
        if normalized in seen:
            problems.append(
                (
                    path,
                    f"user names are case-insensitive in the directory: {user!r} and {seen[normalized]!r} "
                    "are the same user",
                )
            )
            continue
        seen[normalized] = user
        overrides = workspaces.users[user].model_fields_set
        problems += [
            (where, message)
            for fields, where, message in _workspace_problems(path, resolved, overrides)
            if fields not in inherited_checks or fields & overrides
        ]
    if root_encrypted and duration_minutes(workspaces.create_timeout) < 60:
        problems.append(
            (
                "workspaces.createTimeout",
                "must be at least 60m while root volumes are encrypted: AWS says they can take up to an "
                f"hour to provision (got {workspaces.create_timeout!r})",
            )
        )
    return problems


# --- pydantic errors as one line each --------------------------------------------------------------


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else json.dumps(value, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + "..."


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the key at the end of ``loc`` (for "allowed keys" hints)."""
    current: type[BaseModel] | None = model
    parts = iter(loc[:-1])
    for part in parts:
        field = next((f for name, f in current.model_fields.items() if part in (name, f.alias)), None)
        if field is None:
            return None
        annotation = field.annotation
        if get_origin(annotation) in (dict, list):
            annotation = get_args(annotation)[-1]
            next(parts, None)  # the user name or list index that follows names no field
        candidates = (annotation, *get_args(annotation))
        current = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
        if current is None:
            return None
    return current


def _message(error: Mapping[str, Any], root: type[BaseModel]) -> str:
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "extra_forbidden":
        holder = _model_at(root, error["loc"])
        allowed = ", ".join(f.alias or n for n, f in holder.model_fields.items()) if holder else "see README"
        return f"unknown key (allowed: {allowed})"
    if kind == "missing":
        return "required"
    if kind == "literal_error":
        return f"must be {ctx.get('expected', '').replace(chr(39), '')} (got {_shown(value)})"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = error["msg"].lower().replace("input should be ", "must be ")
        return f"out of range: {bound} (got {_shown(value)})"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} entries (got {ctx.get('actual_length')})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false (got {_shown(value)})"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number (got {_shown(value)})"
    if kind in ("string_type",):
        return f"must be a string (got {_shown(value)})"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a mapping of keys to values (got {_shown(value)})"
    if kind == "list_type":
        return f"must be a list (got {_shown(value)})"
    return f"{error['msg']} (got {_shown(value)})"


def key_path(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


def problems_from_validation_error(error: ValidationError, root: type[BaseModel], prefix: str) -> list[str]:
    lines = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        path = f"{prefix}{key_path(loc)}" if loc else prefix.rstrip(".:")
        lines.append(f"{path}: {_message(item, root)}")
    return lines


def validate_args(raw: Mapping[str, Any] | EncryptedWorkspacesArgs) -> EncryptedWorkspacesArgs:
    """Validate the ``encrypted-workspaces:*`` namespace; raise ConfigError with every problem."""
    prefix = f"{NAMESPACE}:"
    if isinstance(raw, EncryptedWorkspacesArgs):
        if raw._checked:
            return raw
        args = raw
    else:
        try:
            args = EncryptedWorkspacesArgs.model_validate(dict(raw))
        except ValidationError as error:
            raise ConfigError(
                problems_from_validation_error(error, EncryptedWorkspacesArgs, prefix)
            ) from None
    problems = [f"{prefix}{path}: {message}" for path, message in cross_field_problems(args)]
    if problems:
        raise ConfigError(problems)
    args._checked = True
    return args


def namespace_values(config: Mapping[str, Any]) -> dict[str, Any]:
    """The ``encrypted-workspaces:*`` entries of a flat Pulumi config, objects decoded from JSON."""
    values: dict[str, Any] = {}
    for full_key, value in config.items():
        namespace, _, key = full_key.partition(":")
        if namespace != NAMESPACE:
            continue
        if isinstance(value, str):
            # The CLI passes objects as JSON text; a plain string stays a string.
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        values[key] = value
    return values


def args_from_pulumi_config() -> EncryptedWorkspacesArgs:
    """The validated ``encrypted-workspaces:*`` namespace of the running stack's config."""
    from pulumi.runtime import config as runtime_config

    flat = {**runtime_config.get_config_env(), **runtime_config.CONFIG.get()}
    return validate_args(namespace_values(flat))
