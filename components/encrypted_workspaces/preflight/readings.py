"""Everything preflight reads from the account, read once, in the order the checks need it.

Three calls every check rests on must answer, or the run stops (exit 1, one line naming the call):
STS GetCallerIdentity (whose account this is), DescribeWorkspaceDirectories and DescribeWorkspaces
(what WorkSpaces already has in the region). Every other call serves some checks only: when it is
denied, not answered (an emulator without it, a service not enabled) or fails, those checks are
``Unread`` with the reason, reported as not checked, never as a blocker and never as a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from encrypted_workspaces.audit.snapshot import alias_target_arn
from encrypted_workspaces.aws import limits
from encrypted_workspaces.aws.directories import DIRECTORY_DATA_DISABLED, DIRECTORY_DATA_TYPES
from encrypted_workspaces.aws.quotas import ATTACHED_POLICIES_QUOTA_KEYS
from encrypted_workspaces.live.calls import DENIED, AwsCallError

from .reader import PreflightReader
from .rollout import Rollout, rollout_of
from .stack import PreflightStack

T = TypeVar("T")

# IAM refuses to attach policies to a service-linked role, whose permissions the service owns: its
# path is /aws-service-role/<service>/ ("Using service-linked roles",
# https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).
SERVICE_LINKED_ROLE_PATH = "/aws-service-role/"


@dataclass(frozen=True)
class Unread:
    """A reading the account did not give: why, in one line."""

    reason: str


def unread_reason(error: AwsCallError) -> str:
    return error.line() if error.kind == DENIED else f"not answered: {error.line()}"


def optional(read: Callable[[], T]) -> T | Unread:
    """What ``read`` returns, or Unread when its call fails in any way."""
    try:
        return read()
    except AwsCallError as error:
        return Unread(unread_reason(error))


# A bundle as the stack names it: ("id", "wsb-…") or ("name", "<name>", "<owner>").
BundleRef = tuple[str, ...]


def bundle_ref(properties) -> BundleRef:
    if properties.bundle_id is not None:
        return ("id", properties.bundle_id)
    return ("name", properties.bundle_name, properties.bundle_owner)


@dataclass
class Readings:
    account_id: str
    workspaces: list[dict]  # the region's WorkSpaces, those being terminated left out
    registered: list[dict]  # the directories registered with WorkSpaces in the region
    stack_key_arn: str | None | Unread  # the stack's key (key.existing, else by its alias); None: none yet
    rollout: Rollout | Unread  # Unread when the stack's key could not be looked up
    existing_key: dict | None | Unread = None  # key.existing's KeyMetadata; None: no such key (or not asked)
    existing_key_policy: str | Unread | None = None
    directory: dict | None | Unread = None  # DescribeDirectories' description; None: no such directory
    subnets: list[dict] | Unread = field(default_factory=list)
    quota: float | Unread | None = None  # None: nothing to create, so not read
    default_role: dict | None | Unread = None
    principals: dict[str, dict | None | Unread] = field(default_factory=dict)  # ARN -> GetRole/User/Group
    attached: dict[str, list[dict] | Unread] = field(default_factory=dict)  # ARN -> attached managed policies
    attach_quotas: dict[str, int] | Unread = field(default_factory=dict)  # kind -> managed policies allowed
    bundles: dict[BundleRef, dict | None] | Unread = field(default_factory=dict)
    directory_users: dict[str, dict | None] | Unread = field(default_factory=dict)  # identity -> user
    topic: dict | None | Unread = None  # GetTopicAttributes' Attributes; None: no such topic


def _stack_key_arn(reader: PreflightReader, stack: PreflightStack, existing_key: dict | None) -> str | None:
    """The ARN of the stack's key: key.existing as DescribeKey found it, else the key the stack's alias
    points to (ListAliases); None when there is none (yet)."""
    if stack.key_existing is not None:
        return existing_key["Arn"] if existing_key else None
    return alias_target_arn(reader.aliases(), stack.key_alias)


def _bundles(reader: PreflightReader, refs: set[BundleRef]) -> dict[BundleRef, dict | None]:
    found: dict[BundleRef, dict | None] = {}
    ids = sorted(ref[1] for ref in refs if ref[0] == "id")
    if ids:
        by_id = {b["BundleId"]: b for b in reader.bundles_by_id(ids)}
        found |= {("id", bundle_id): by_id.get(bundle_id) for bundle_id in ids}
    for owner in sorted({ref[2] for ref in refs if ref[0] == "name"}):
        listed = reader.bundles_of(owner if owner == limits.AMAZON_BUNDLE_OWNER else None)
        by_name = {b.get("Name"): b for b in listed}
        found |= {ref: by_name.get(ref[1]) for ref in refs if ref[0] == "name" and ref[2] == owner}
    return found


def _directory_users(
    reader: PreflightReader, stack: PreflightStack, directory: Any, creates: tuple[str, ...]
) -> dict[str, dict | None] | Unread:
    """Each user to create, looked up with Directory Service Data where it answers."""
    if not isinstance(directory, dict):
        return {}  # no directory to look in: directory-not-found (or its unchecked) says why
    if directory.get("Type") not in DIRECTORY_DATA_TYPES:
        return Unread(
            f"Directory Service Data looks users up in AWS Managed Microsoft AD only; {stack.directory_id} "
            f"is {directory.get('Type')}"
        )
    users: dict[str, dict | None] = {}
    for identity in creates:
        try:
            users[identity] = reader.directory_user(stack.directory_id, stack.users[identity].name)
        except AwsCallError as error:
            if error.kind == DENIED and error.reason == DIRECTORY_DATA_DISABLED:
                return Unread(
                    f"Directory Service Data is not enabled on {stack.directory_id} (aws ds "
                    f"enable-directory-data-access --directory-id {stack.directory_id})"
                )
            return Unread(unread_reason(error))
    return users


def _principals(reader: PreflightReader, stack: PreflightStack, readings: Readings) -> None:
    for use in stack.principals:
        if use.account_id != readings.account_id:
            readings.principals[use.arn] = Unread(
                f"{use.arn} is in account {use.account_id}; preflight reads the stack's own account only"
            )
            continue
        found = optional(lambda use=use: reader.principal(use.kind, use.name))
        readings.principals[use.arn] = found
        if (
            use.attached_to
            and isinstance(found, dict)
            and not found.get("Path", "").startswith(SERVICE_LINKED_ROLE_PATH)
        ):
            readings.attached[use.arn] = optional(
                lambda use=use: reader.attached_policies(use.kind, use.name)
            )
    if readings.attached:
        summary = optional(reader.account_summary)
        readings.attach_quotas = (
            summary
            if isinstance(summary, Unread)
            else {
                kind: int(summary[key])
                for kind, key in ATTACHED_POLICIES_QUOTA_KEYS.items()
                if key in summary
            }
        )


def read_account(reader: PreflightReader, stack: PreflightStack, account_id: str) -> Readings:
    """Everything the checks need. Raises AwsCallError only for the calls every check rests on."""
    workspaces = [w for w in reader.workspaces() if w.get("State") not in limits.WORKSPACE_STATES_GONE]
    registered = reader.registered_directories()
    existing_key = optional(lambda: reader.key(stack.key_existing)) if stack.key_existing else None
    if isinstance(existing_key, Unread):
        stack_key_arn: str | None | Unread = existing_key
    else:
        stack_key_arn = optional(lambda: _stack_key_arn(reader, stack, existing_key))
    rollout = (
        Unread(f"the stack's key could not be looked up ({stack_key_arn.reason})")
        if isinstance(stack_key_arn, Unread)
        else rollout_of(stack, workspaces, stack_key_arn)
    )
    readings = Readings(account_id, workspaces, registered, stack_key_arn, rollout, existing_key=existing_key)
    if isinstance(existing_key, dict):
        readings.existing_key_policy = optional(lambda: reader.key_policy(existing_key["Arn"]))
    readings.directory = optional(lambda: reader.directory(stack.directory_id))
    readings.subnets = optional(lambda: reader.subnets(list(stack.subnet_ids)))
    readings.default_role = optional(lambda: reader.principal("role", limits.DEFAULT_ROLE_NAME))
    _principals(reader, stack, readings)
    if stack.topic_arn is not None:
        readings.topic = optional(lambda: reader.topic_attributes(stack.topic_arn))
    # What only the WorkSpaces this rollout creates need: the quota, their bundles, their users.
    creates = rollout.creates if isinstance(rollout, Rollout) else tuple(stack.users)
    if creates:
        readings.quota = optional(reader.workspaces_quota)
        refs = {bundle_ref(stack.users[identity].properties) for identity in creates}
        readings.bundles = optional(lambda: _bundles(reader, refs))
        readings.directory_users = _directory_users(reader, stack, readings.directory, creates)
    return readings
