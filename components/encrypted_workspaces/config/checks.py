"""Checks across fields: plain functions over a parsed model, returning (key path, message)."""

from __future__ import annotations

from encrypted_workspaces.aws import limits
from encrypted_workspaces.aws.arns import principal_name, principal_parts
from encrypted_workspaces.aws.timeouts import duration_minutes
from encrypted_workspaces.naming import logical_user_part, normalized_user_name

from .args import EncryptedWorkspacesArgs
from .existing_checks import alarm_problems, bundle_problems, import_problems, key_problems
from .inputs import is_known
from .planning import is_planning
from .problems import SECRET_PLACEHOLDER, SECURE_VALUE_NEEDED, shown
from .statements import extra_statements_problems
from .tags import tags_problems
from .target import StackTarget
from .workspaces import WorkspacePropertiesArgs

# Each check reads plain values only: one that needs a value still an Output is left out here and made
# when the Output resolves (config/deferred.py runs these same checks again with every value known).

# Each WorkSpace check names the fields it reads: a user's problem is reported only where the user
# set one of them, or where the defaults do not have the same problem (then it is the user's own).
_ENCRYPTION_FIELDS = frozenset({"root_volume_encryption_enabled", "user_volume_encryption_enabled"})
_ROOT_VOLUME_FIELDS = frozenset({"root_volume_size_gib"})
_USER_VOLUME_FIELDS = frozenset({"user_volume_size_gib"})
_VOLUME_PAIR_FIELDS = frozenset({"root_volume_size_gib", "user_volume_size_gib", "compute_type_name"})
_AUTO_STOP_FIELDS = frozenset({"running_mode", "running_mode_auto_stop_timeout_in_minutes"})


def _volume_problems(path: str, properties: WorkspacePropertiesArgs) -> list[tuple[frozenset[str], str, str]]:
    """A size no combination allows is reported at its own key; a pair wrong only together names both."""
    root, user, compute = (
        properties.root_volume_size_gib,
        properties.user_volume_size_gib,
        properties.compute_type_name,
    )
    problems = []
    if is_known(root) and not limits.root_volume_size_possible(root):
        problems.append(
            (
                _ROOT_VOLUME_FIELDS,
                f"{path}.rootVolumeSizeGib",
                f"must be {limits.ROOT_VOLUME_SIZES_ALLOWED} GiB (got {root})",
            )
        )
    if is_known(user) and not limits.user_volume_size_possible(user):
        problems.append(
            (
                _USER_VOLUME_FIELDS,
                f"{path}.userVolumeSizeGib",
                f"must be {limits.USER_VOLUME_SIZES_ALLOWED} GiB (got {user})",
            )
        )
    # A secure compute type (plan's placeholder) may be a graphics one: only what no type allows is refused.
    judged = min(limits.GRAPHICS_COMPUTE_TYPES) if compute == SECRET_PLACEHOLDER else compute
    if not problems and is_known(root, user, compute) and not limits.volume_sizes_valid(root, user, judged):
        problems.append(
            (
                _VOLUME_PAIR_FIELDS,
                f"{path}.rootVolumeSizeGib",
                # What was given first, then what AWS takes: a line cut at 300 characters (a 63-character
                # user name in the key path) keeps the values.
                f"does not go with userVolumeSizeGib (got root {root}, user {user}, compute type {compute}); "
                f"AWS takes {limits.VOLUME_SIZES_ALLOWED}",
            )
        )
    return problems


def _workspace_problems(
    path: str, properties: WorkspacePropertiesArgs, explicit: set[str]
) -> list[tuple[frozenset[str], str, str]]:
    """(fields read, key path, message) for each problem of one WorkSpace's resolved settings."""
    problems = []
    root, user = properties.root_volume_encryption_enabled, properties.user_volume_encryption_enabled
    if is_known(root, user) and not (root or user):
        problems.append(
            (
                _ENCRYPTION_FIELDS,
                path,
                "a WorkSpace must encrypt its root volume, its user volume or both: encryption can never be "
                "added to an existing WorkSpace (got rootVolumeEncryptionEnabled and "
                "userVolumeEncryptionEnabled both false)",
            )
        )
    problems += _volume_problems(path, properties)
    if (
        is_known(properties.running_mode)
        and properties.running_mode == "ALWAYS_ON"
        and "running_mode_auto_stop_timeout_in_minutes" in explicit
    ):
        problems.append(
            (
                _AUTO_STOP_FIELDS,
                f"{path}.runningModeAutoStopTimeoutInMinutes",
                "applies to runningMode AUTO_STOP only; remove it or set runningMode: AUTO_STOP "
                f"(got {properties.running_mode_auto_stop_timeout_in_minutes} with ALWAYS_ON)",
            )
        )
    return problems


# How many names a line lists before it says how many more there are: a line stays a line at 5,000 users.
_NAMES_LISTED = 5


def _some_of(names: list[str]) -> str:
    if not names:
        return "none"
    listed = ", ".join(shown(name) if len(name) > 20 else name for name in names[:_NAMES_LISTED])
    return listed + (f" and {len(names) - _NAMES_LISTED} more" if len(names) > _NAMES_LISTED else "")


def _replace_problems(replace: list[str], users: dict[str, str]) -> list[tuple[str, str]]:
    """Each name under workspaces.replace must be one of the users (case-insensitively, as in the
    directory): a typo there would silently leave a WorkSpace held that the update meant to replace.

    ``users``: normalized user name -> the name as written."""
    problems = []
    for index, name in enumerate(replace):
        try:
            normalized = normalized_user_name(name)
        except ValueError:
            normalized = None
        if name == SECRET_PLACEHOLDER and is_planning():
            problems.append((f"workspaces.replace.{index}", f"{SECURE_VALUE_NEEDED}; give it in plain text"))
        elif normalized not in users:
            problems.append(
                (
                    f"workspaces.replace.{index}",
                    f"not a user under workspaces.users (got {shown(name)}); the users are: "
                    f"{_some_of(sorted(users.values()))}",
                )
            )
    return problems


def _principals(args: EncryptedWorkspacesArgs) -> list[tuple[str, str, str]]:
    """(list's key path, entry's key path, ARN) of every principal ARN that is a plain value."""
    lists = [
        ("key.administrators", args.key.administrators or []),
        ("key.users", args.key.users or []),
        ("administrators.principals", args.administrators.principals),
    ]
    found = [
        (list_path, f"{list_path}.{index}", arn)
        for list_path, arns in lists
        if is_known(arns)
        for index, arn in enumerate(arns)
    ]
    found += [
        ("administrators.roles", f"administrators.roles.{label}", arn)
        for label, arn in args.administrators.roles.items()
    ]
    return [(list_path, path, arn) for list_path, path, arn in found if is_known(arn)]


def attachment_label_problems(args: EncryptedWorkspacesArgs) -> list[tuple[str, str]]:
    """A role under administrators.roles whose label is the name of a role under principals: both
    would name the same policy attachments (role names are not distinguished by case)."""
    names = {
        principal_name(arn).casefold(): arn
        for arn in args.administrators.principals
        if principal_parts(arn)[2] == "role"
    }
    return [
        (
            f"administrators.roles.{label}",
            f"names the same policy attachments as {names[label.casefold()]!r} under "
            "administrators.principals: give the role one place, or another label",
        )
        for label in args.administrators.roles
        if label.casefold() in names
    ]


def principal_problems(args: EncryptedWorkspacesArgs, target: StackTarget) -> list[tuple[str, str]]:
    """ARNs in the region's partition; policies attached in the stack's own account; one ARN per role."""
    problems = []
    partition = target.partition
    # IAM names are unique per account and kind, whatever the path, and "not distinguished by case".
    named: dict[tuple[str, str, str], str] = {}
    for list_path, path, arn in _principals(args):
        arn_partition, account, kind, _, name = principal_parts(arn)
        if partition and arn_partition != partition:
            problems.append(
                (
                    path,
                    f"is in partition {arn_partition}, but the stack's region {target.region} is in "
                    f"{partition}: use arn:{partition}:… (got {shown(arn)})",
                )
            )
        attached = list_path in ("administrators.principals", "administrators.roles")
        if attached and target.account_id and account != target.account_id:
            problems.append(
                (
                    path,
                    f"IAM policies can only be attached to principals of the stack's own account "
                    f"{target.account_id} (got {shown(arn)})",
                )
            )
        first = named.setdefault((account, kind, name.casefold()), arn)
        if first != arn:
            problems.append(
                (
                    path,
                    f"names the same IAM {kind} as {shown(first)}: {kind} names are unique per account "
                    f"whatever the path, and not distinguished by case (got {shown(arn)})",
                )
            )
    return problems


def _user_problems(args: EncryptedWorkspacesArgs) -> tuple[list[tuple[str, str]], bool | None]:
    """The users' problems, and whether any WorkSpace encrypts its root volume (None: not known yet)."""
    workspaces = args.workspaces
    default_problems = _workspace_problems(
        "workspaces.defaults", workspaces.defaults, workspaces.defaults.model_fields_set
    )
    problems = [(where, message) for _, where, message in default_problems]
    inherited_checks = {fields for fields, _, _ in default_problems}
    seen: dict[str, str] = {}
    logical: dict[str, str] = {}
    root_flags = []
    for user in sorted(workspaces.users):
        path = f"workspaces.users.{user}"
        resolved = workspaces.properties_for(user)
        root_flags.append(resolved.root_volume_encryption_enabled)
        try:
            normalized = normalized_user_name(user)
        except ValueError as error:
            problems.append((path, str(error)))
            continue
        if normalized in seen:
            problems.append(
                (
                    path,
                    "user names are case-insensitive in the directory: "
                    f"{shown(user)} and {shown(seen[normalized])} are the same user",
                )
            )
            continue
        seen[normalized] = user
        part = logical_user_part(user)
        if part in logical:
            problems.append(
                (path, f"gets the same WorkSpace logical name as {shown(logical[part])} ({part}); rename one")
            )
            continue
        logical[part] = user
        overrides = workspaces.users[user].model_fields_set
        problems += [
            (where, message)
            for fields, where, message in _workspace_problems(path, resolved, overrides)
            if fields not in inherited_checks or fields & overrides
        ]
    problems += _replace_problems(workspaces.replace, seen)
    known = [flag for flag in root_flags if is_known(flag)]
    root_encrypted = True if any(known) else (None if len(known) < len(root_flags) else False)
    return problems, root_encrypted


def cross_field_problems(args: EncryptedWorkspacesArgs, target: StackTarget) -> list[tuple[str, str]]:
    """What single fields cannot see: the key, key users, bundles, user-name collisions, resolved
    WorkSpace settings, tags as IAM compares them, and ARNs against the stack's partition and account."""
    problems: list[tuple[str, str]] = key_problems(args.key, target)
    problems += tags_problems(args.tags)
    problems += extra_statements_problems(args.key)
    # An existing key's users are its own policy's business: this stack writes no key policy.
    if args.key.existing is None and args.has_key_user is False:
        problems.append(
            (
                "administrators.principals",
                "the key needs at least one key user: add an IAM role or user here or under key.users "
                "(groups cannot be key users)",
            )
        )
    problems += principal_problems(args, target)
    problems += attachment_label_problems(args)
    user_problems, root_encrypted = _user_problems(args)
    problems += user_problems
    problems += bundle_problems(args)
    problems += import_problems(args)
    problems += alarm_problems(args, target)
    workspaces = args.workspaces
    if (
        root_encrypted
        and duration_minutes(workspaces.create_timeout) < limits.ENCRYPTED_ROOT_PROVISIONING_MINUTES
    ):
        problems.append(
            (
                "workspaces.createTimeout",
                "must be at least 60m while root volumes are encrypted: AWS says they can take up to an "
                f"hour to provision (got {shown(workspaces.create_timeout)})",
            )
        )
    return problems
