"""Checks across fields: plain functions over a parsed model, returning (key path, message)."""

from __future__ import annotations

from encrypted_workspaces.aws import limits
from encrypted_workspaces.aws.timeouts import duration_minutes
from encrypted_workspaces.naming import normalized_user_name

from .args import EncryptedWorkspacesArgs
from .existing_checks import alarm_problems, bundle_problems, import_problems, key_problems
from .target import StackTarget
from .workspaces import WorkspaceProperties

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
    if not limits.volume_sizes_valid(
        properties.root_volume_size_gib, properties.user_volume_size_gib, properties.compute_type_name
    ):
        problems.append(
            (
                _VOLUME_FIELDS,
                f"{path}.rootVolumeSizeGib",
                f"volume sizes must be {limits.VOLUME_SIZES_ALLOWED} (got root "
                f"{properties.root_volume_size_gib}, user {properties.user_volume_size_gib}, "
                f"compute type {properties.compute_type_name})",
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


def _replace_problems(replace: list[str], users: dict[str, str]) -> list[tuple[str, str]]:
    """Each name under workspaces.replace must be one of the users (case-insensitively, as in the
    directory): a typo there would silently leave a WorkSpace held that the update meant to replace."""
    problems = []
    for index, name in enumerate(replace):
        if name.lower() not in users:
            known = ", ".join(sorted(users.values())) or "none"
            problems.append(
                (
                    f"workspaces.replace.{index}",
                    f"not a user under workspaces.users (got {name!r}); the users are: {known}",
                )
            )
    return problems


def cross_field_problems(args: EncryptedWorkspacesArgs, target: StackTarget) -> list[tuple[str, str]]:
    """What single fields cannot see: the key, key users, bundles, user-name collisions, resolved
    WorkSpace settings, ARNs that must be the stack's own."""
    problems: list[tuple[str, str]] = key_problems(args.key, target)
    # An existing key's users are its own policy's business: this stack writes no key policy.
    if args.key.existing is None and not args.key_users:
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
    problems += _replace_problems(workspaces.replace, seen)
    problems += bundle_problems(args)
    problems += import_problems(args)
    problems += alarm_problems(args, target)
    if (
        root_encrypted
        and duration_minutes(workspaces.create_timeout) < limits.ENCRYPTED_ROOT_PROVISIONING_MINUTES
    ):
        problems.append(
            (
                "workspaces.createTimeout",
                "must be at least 60m while root volumes are encrypted: AWS says they can take up to an "
                f"hour to provision (got {workspaces.create_timeout!r})",
            )
        )
    return problems
