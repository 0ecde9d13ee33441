"""Preflight's checks: one small pure function per idea over what the account gave (``Readings``) and
what the stack asks (``PreflightStack``). Each finding has a stable check id, a severity (``blocker``:
`pulumi up` would fail; ``warning``: it would succeed, but something is off) and a message naming the
resource and saying what to do. A reading the account did not give makes its checks ``unchecked``,
with the reason: never a blocker."""

from __future__ import annotations

import fnmatch
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from encrypted_workspaces.aws import limits
from encrypted_workspaces.aws.arns import KEY_ARN
from encrypted_workspaces.aws.availability_zones import WORKSPACES_AZ_IDS_SOURCE, workspaces_az_ids
from encrypted_workspaces.aws.directories import (
    DIRECTORY_STAGE_ACTIVE,
    DIRECTORY_TYPES_WORKSPACES_USES,
    SHARED_DIRECTORY_TYPE,
)
from encrypted_workspaces.aws.quotas import (
    ATTACHED_POLICIES_DEFAULT,
    WORKSPACES_PER_REGION_QUOTA_CODE,
    WORKSPACES_PER_REGION_QUOTA_NAME,
    WORKSPACES_SERVICE_CODE,
)
from encrypted_workspaces.documents.actions import ADMINISTRATOR_GRANT_ACTION
from encrypted_workspaces.documents.key_policy_review import has_account_root_statement
from encrypted_workspaces.documents.statements import listed, policy_json, statements
from encrypted_workspaces.live.findings import LiveCheck, LiveFinding, most_severe_first

from .readings import SERVICE_LINKED_ROLE_PATH, BundleRef, Readings, Unread, bundle_ref
from .rollout import Rollout
from .stack import PreflightStack, PrincipalUse

BLOCKER = "blocker"
WARNING = "warning"
SEVERITIES = (BLOCKER, WARNING)  # the report's order: what stops `pulumi up` first
# The IAM policies the component attaches to each WorkSpaces administrator: the WorkSpaces and
# Directory Service policy and the key's grant policy (component.py, step 2).
POLICIES_ATTACHED_PER_ADMINISTRATOR = 2
# The principal that publishes an EventBridge rule's events to an SNS target, and what it must be
# allowed ("Amazon SNS permissions" for EventBridge targets:
# https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions).
EVENTBRIDGE_PRINCIPAL = "events.amazonaws.com"
SNS_PUBLISH = "sns:Publish"


# Preflight's findings are the live commands' own (live/findings.py): the same JSON as the audit's.
PreflightFinding = LiveFinding


@dataclass(frozen=True)
class Unchecked:
    check: str
    reason: str


@dataclass(frozen=True)
class PreflightCheck(LiveCheck):
    """A check that can also be reported as not made, with the reason."""

    def unchecked(self, reason: str) -> Unchecked:
        return Unchecked(self.id, reason)


QUOTA_EXCEEDED = PreflightCheck(
    "quota-workspaces-exceeded",
    BLOCKER,
    "The WorkSpaces-per-Region quota is smaller than the WorkSpaces there will be.",
)
QUOTA_FULL = PreflightCheck(
    "quota-workspaces-full",
    WARNING,
    "After this rollout the WorkSpaces-per-Region quota leaves no room for the next wave.",
)
SUBNET_NOT_FOUND = PreflightCheck(
    "subnet-not-found", BLOCKER, "A subnet of directory.subnetIds does not exist."
)
SUBNET_NOT_IN_DIRECTORY_VPC = PreflightCheck(
    "subnet-not-in-directory-vpc", BLOCKER, "A subnet is not in the directory's VPC."
)
SUBNET_AZ_UNSUPPORTED = PreflightCheck(
    "subnet-availability-zone-unsupported",
    BLOCKER,
    "A subnet is in an Availability Zone WorkSpaces does not serve.",
)
SUBNETS_SAME_AZ = PreflightCheck(
    "subnets-same-availability-zone", BLOCKER, "Both subnets are in one Availability Zone."
)
SUBNET_ADDRESSES_INSUFFICIENT = PreflightCheck(
    "subnet-addresses-insufficient",
    BLOCKER,
    "The subnets have fewer free addresses than WorkSpaces to create.",
)
SUBNET_FULL_AFTER_ROLLOUT = PreflightCheck(
    "subnet-full-after-rollout", WARNING, "A subnet will have no free addresses left after this rollout."
)
DIRECTORY_NOT_FOUND = PreflightCheck("directory-not-found", BLOCKER, "The directory does not exist.")
DIRECTORY_NOT_ACTIVE = PreflightCheck("directory-not-active", BLOCKER, "The directory is not Active.")
DIRECTORY_TYPE_UNSUPPORTED = PreflightCheck(
    "directory-type-unsupported",
    BLOCKER,
    "The directory is of a kind WorkSpaces cannot register (shared, a replica).",
)
DIRECTORY_ALREADY_REGISTERED = PreflightCheck(
    "directory-already-registered",
    BLOCKER,
    "The directory is already registered, not by this stack: the registration must be imported.",
)
USER_HAS_WORKSPACE = PreflightCheck(
    "user-has-workspace", BLOCKER, "A user already has a WorkSpace in the directory that is not the stack's."
)
USER_IMPORT_NOT_FOUND = PreflightCheck(
    "user-import-not-found", BLOCKER, "A user's importId names no WorkSpace of that user in the directory."
)
USER_NOT_FOUND = PreflightCheck(
    "user-not-found", BLOCKER, "A user to create does not exist in the directory (Directory Service Data)."
)
DEFAULT_ROLE_MISSING = PreflightCheck(
    "default-role-missing", BLOCKER, "workspaces_DefaultRole does not exist and createDefaultRole is false."
)
DEFAULT_ROLE_EXISTS = PreflightCheck(
    "default-role-exists", BLOCKER, "workspaces_DefaultRole exists and createDefaultRole is true."
)
PRINCIPAL_NOT_FOUND = PreflightCheck(
    "principal-not-found",
    BLOCKER,
    "A key administrator, key user or WorkSpaces administrator does not exist.",
)
ADMINISTRATOR_UNATTACHABLE = PreflightCheck(
    "administrator-unattachable",
    BLOCKER,
    "The stack's IAM policies cannot be attached to a WorkSpaces administrator.",
)
EXISTING_KEY_NOT_FOUND = PreflightCheck("existing-key-not-found", BLOCKER, "key.existing names no key.")
EXISTING_KEY_DISABLED = PreflightCheck("existing-key-disabled", BLOCKER, "The existing key is disabled.")
EXISTING_KEY_PENDING_DELETION = PreflightCheck(
    "existing-key-pending-deletion", BLOCKER, "The existing key is scheduled for deletion."
)
EXISTING_KEY_UNUSABLE = PreflightCheck(
    "existing-key-unusable",
    BLOCKER,
    "The existing key is in a state KMS cannot use (PendingImport, Unavailable).",
)
EXISTING_KEY_UNSUPPORTED = PreflightCheck(
    "existing-key-unsupported", BLOCKER, "The existing key is not a symmetric customer managed key."
)
EXISTING_KEY_POLICY_NO_GRANTS = PreflightCheck(
    "existing-key-policy-no-grants",
    BLOCKER,
    "The existing key's policy does not let the WorkSpaces administrators create grants.",
)
BUNDLE_NOT_FOUND = PreflightCheck(
    "bundle-not-found", BLOCKER, "A bundle the stack names does not exist in the Region."
)
BUNDLE_ROOT_VOLUME_LARGER = PreflightCheck(
    "bundle-root-volume-larger", BLOCKER, "A bundle's root volume is larger than the stack asks."
)
ALARM_TOPIC_NOT_FOUND = PreflightCheck(
    "alarm-topic-not-found", BLOCKER, "The alarm's SNS topic does not exist."
)
ALARM_TOPIC_EVENTBRIDGE_DENIED = PreflightCheck(
    "alarm-topic-eventbridge-denied",
    WARNING,
    "The alarm topic's access policy does not let EventBridge publish.",
)
CHECKS: tuple[PreflightCheck, ...] = (
    QUOTA_EXCEEDED,
    QUOTA_FULL,
    SUBNET_NOT_FOUND,
    SUBNET_NOT_IN_DIRECTORY_VPC,
    SUBNET_AZ_UNSUPPORTED,
    SUBNETS_SAME_AZ,
    SUBNET_ADDRESSES_INSUFFICIENT,
    SUBNET_FULL_AFTER_ROLLOUT,
    DIRECTORY_NOT_FOUND,
    DIRECTORY_NOT_ACTIVE,
    DIRECTORY_TYPE_UNSUPPORTED,
    DIRECTORY_ALREADY_REGISTERED,
    USER_HAS_WORKSPACE,
    USER_IMPORT_NOT_FOUND,
    USER_NOT_FOUND,
    DEFAULT_ROLE_MISSING,
    DEFAULT_ROLE_EXISTS,
    PRINCIPAL_NOT_FOUND,
    ADMINISTRATOR_UNATTACHABLE,
    EXISTING_KEY_NOT_FOUND,
    EXISTING_KEY_DISABLED,
    EXISTING_KEY_PENDING_DELETION,
    EXISTING_KEY_UNUSABLE,
    EXISTING_KEY_UNSUPPORTED,
    EXISTING_KEY_POLICY_NO_GRANTS,
    BUNDLE_NOT_FOUND,
    BUNDLE_ROOT_VOLUME_LARGER,
    ALARM_TOPIC_NOT_FOUND,
    ALARM_TOPIC_EVENTBRIDGE_DENIED,
)


@dataclass
class Verdict:
    findings: list[PreflightFinding] = field(default_factory=list)
    unchecked: list[Unchecked] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    def add(self, found: Iterable[PreflightFinding | Unchecked]) -> None:
        for item in found:
            target = self.unchecked if isinstance(item, Unchecked) else self.findings
            if item not in target:
                target.append(item)

    @property
    def blockers(self) -> list[PreflightFinding]:
        return [f for f in self.findings if f.severity == BLOCKER]


def _unchecked(checks: Iterable[PreflightCheck], reason: str) -> list[Unchecked]:
    return [check.unchecked(reason) for check in checks]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _names(stack: PreflightStack, identities: Iterable[str], limit: int = 5) -> str:
    names = sorted(stack.users[i].name for i in identities)
    more = len(names) - limit
    return ", ".join(names[:limit]) + (f" and {more} more" if more > 0 else "")


# --- the quota -----------------------------------------------------------------------------------------


def quota_findings(
    stack: PreflightStack, workspaces_in_region: int, creates: int, quota: float | Unread | None
) -> list:
    if not creates or quota is None:
        return []
    if isinstance(quota, Unread):
        return _unchecked((QUOTA_EXCEEDED, QUOTA_FULL), quota.reason)
    value, needed = int(quota), workspaces_in_region + creates
    resource = f"{WORKSPACES_SERVICE_CODE}/{WORKSPACES_PER_REGION_QUOTA_CODE}"
    request = (
        f"aws service-quotas request-service-quota-increase --service-code {WORKSPACES_SERVICE_CODE} "
        f"--quota-code {WORKSPACES_PER_REGION_QUOTA_CODE} --desired-value {{}} --region {stack.region}"
    )
    if needed > value:
        return [
            QUOTA_EXCEEDED.finding(
                resource,
                f"{stack.region} has {workspaces_in_region} WorkSpaces and this rollout creates {creates}, "
                f"{needed} in all, but the quota {WORKSPACES_PER_REGION_QUOTA_NAME} is {value}: `pulumi up` "
                f"fails after the first {max(value - workspaces_in_region, 0)}; raise the quota to at least "
                f"{needed} with Service Quotas ({request.format(needed)})",
            )
        ]
    if needed == value:
        return [
            QUOTA_FULL.finding(
                resource,
                f"after this rollout {stack.region} has {needed} WorkSpaces, all the quota "
                f"{WORKSPACES_PER_REGION_QUOTA_NAME} ({value}) allows: the next wave will not fit; raise it "
                f"with Service Quotas before then ({request.format(needed + 1)} or more)",
            )
        ]
    return []


# --- the subnets ---------------------------------------------------------------------------------------


def _directory_vpc(directory: Mapping[str, Any]) -> str | None:
    settings = directory.get("VpcSettings") or directory.get("ConnectSettings") or {}
    return settings.get("VpcId")


def subnet_findings(
    stack: PreflightStack,
    subnets: list[dict] | Unread,
    directory: dict | None | Unread,
    creates: int | Unread,
) -> list:
    subnet_checks = (
        SUBNET_NOT_FOUND,
        SUBNET_NOT_IN_DIRECTORY_VPC,
        SUBNET_AZ_UNSUPPORTED,
        SUBNETS_SAME_AZ,
        SUBNET_ADDRESSES_INSUFFICIENT,
        SUBNET_FULL_AFTER_ROLLOUT,
    )
    if isinstance(subnets, Unread):
        return _unchecked(subnet_checks, subnets.reason)
    found = {s["SubnetId"]: s for s in subnets}
    results: list = []
    for subnet_id in stack.subnet_ids:
        if subnet_id not in found:
            results.append(
                SUBNET_NOT_FOUND.finding(
                    subnet_id,
                    f"{subnet_id} (directory.subnetIds) does not exist in {stack.region}: the directory "
                    "registration fails; name two subnets of the directory's VPC",
                )
            )
    existing = [found[s] for s in stack.subnet_ids if s in found]
    if isinstance(directory, Unread):
        results.append(SUBNET_NOT_IN_DIRECTORY_VPC.unchecked(directory.reason))
    elif isinstance(directory, dict) and (vpc := _directory_vpc(directory)):
        for subnet in existing:
            if subnet.get("VpcId") != vpc:
                results.append(
                    SUBNET_NOT_IN_DIRECTORY_VPC.finding(
                        subnet["SubnetId"],
                        f"{subnet['SubnetId']} is in {subnet.get('VpcId')}, but the directory "
                        f"{stack.directory_id} is in {vpc}: WorkSpaces launches in the directory's VPC; name "
                        f"subnets of {vpc}",
                    )
                )
    served = workspaces_az_ids(stack.region)
    if served is None:
        results.append(
            SUBNET_AZ_UNSUPPORTED.unchecked(
                f"the table of Availability Zones for WorkSpaces Personal ({WORKSPACES_AZ_IDS_SOURCE}) as "
                "this "
                f"package records it has no row for {stack.region}"
            )
        )
    else:
        for subnet in existing:
            if subnet.get("AvailabilityZoneId") not in served:
                results.append(
                    SUBNET_AZ_UNSUPPORTED.finding(
                        subnet["SubnetId"],
                        f"{subnet['SubnetId']} is in {subnet.get('AvailabilityZone')} "
                        f"({subnet.get('AvailabilityZoneId')}), where WorkSpaces Personal does not launch: "
                        "pick "
                        f"a subnet in {', '.join(served[:-1])} or {served[-1]} (AZ IDs; "
                        "aws ec2 describe-availability-zones shows your account's names for them)",
                    )
                )
    zones = {subnet.get("AvailabilityZoneId") for subnet in existing}
    if len(existing) == limits.DIRECTORY_SUBNETS and len(zones) == 1:
        results.append(
            SUBNETS_SAME_AZ.finding(
                ", ".join(s["SubnetId"] for s in existing),
                f"both subnets are in {existing[0].get('AvailabilityZone')}: WorkSpaces registers a "
                "directory "
                "with subnets in two different Availability Zones only; move one to another zone",
            )
        )
    results += _address_findings(stack, existing, creates)
    return results


def _address_findings(stack: PreflightStack, subnets: list[dict], creates: int | Unread) -> list:
    if isinstance(creates, Unread):
        return _unchecked((SUBNET_ADDRESSES_INSUFFICIENT, SUBNET_FULL_AFTER_ROLLOUT), creates.reason)
    if not creates or not subnets:
        return []
    free = {s["SubnetId"]: int(s.get("AvailableIpAddressCount", 0)) for s in subnets}
    total = sum(free.values())
    each = ", ".join(f"{subnet_id} {count}" for subnet_id, count in free.items())
    if creates > total:
        return [
            SUBNET_ADDRESSES_INSUFFICIENT.finding(
                ", ".join(free),
                f"this rollout creates {_plural(creates, 'WorkSpace')}, each with a network interface in "
                "these "
                f"subnets, but they have {total} free addresses ({each}): `pulumi up` fails after {total}; "
                "free "
                f"at least {creates - total} addresses, or register larger subnets",
            )
        ]
    # WorkSpaces spreads new WorkSpaces over the directory's subnets; assume an even share each.
    share = math.ceil(creates / len(free))
    return [
        SUBNET_FULL_AFTER_ROLLOUT.finding(
            subnet_id,
            f"{subnet_id} has {count} free addresses; with this rollout's {_plural(creates, 'WorkSpace')} "
            "spread "
            f"over {len(free)} subnets ({share} each) it has none left for the next wave: add addresses, or "
            "register a larger subnet before then",
        )
        for subnet_id, count in free.items()
        if count <= share
    ]


# --- the directory -------------------------------------------------------------------------------------


def directory_findings(
    stack: PreflightStack,
    directory: dict | None | Unread,
    registered: Iterable[Mapping[str, Any]],
    rollout: Rollout | Unread,
) -> list:
    results: list = []
    if isinstance(directory, Unread):
        results += _unchecked(
            (DIRECTORY_NOT_FOUND, DIRECTORY_NOT_ACTIVE, DIRECTORY_TYPE_UNSUPPORTED), directory.reason
        )
    elif directory is None:
        results.append(
            DIRECTORY_NOT_FOUND.finding(
                stack.directory_id,
                f"Directory Service has no directory {stack.directory_id} in {stack.region}: create it "
                "(Simple AD, "
                "AD Connector or AWS Managed Microsoft AD), or set directory.directoryId to one that exists",
            )
        )
    else:
        stage, kind = directory.get("Stage"), directory.get("Type")
        if stage != DIRECTORY_STAGE_ACTIVE:
            results.append(
                DIRECTORY_NOT_ACTIVE.finding(
                    stack.directory_id,
                    f"{stack.directory_id} is {stage}, not Active: WorkSpaces registers Active directories "
                    "only; "
                    "wait until it is Active, or repair it in Directory Service",
                )
            )
        primary = (directory.get("RegionsInfo") or {}).get("PrimaryRegion")
        if kind == SHARED_DIRECTORY_TYPE or kind not in DIRECTORY_TYPES_WORKSPACES_USES:
            results.append(
                DIRECTORY_TYPE_UNSUPPORTED.finding(
                    stack.directory_id,
                    f"{stack.directory_id} is a {kind} directory: WorkSpaces registers Simple AD, AD "
                    "Connector and "
                    "AWS Managed Microsoft AD directories of this account, not shared ones; use an AD "
                    "Connector "
                    "or a directory of this account",
                )
            )
        elif primary and primary != stack.region:
            results.append(
                DIRECTORY_TYPE_UNSUPPORTED.finding(
                    stack.directory_id,
                    f"{stack.directory_id} is a replica in {stack.region} of a directory whose primary "
                    "Region is "
                    f"{primary}: WorkSpaces registers a replicated directory in its primary Region only; "
                    "deploy "
                    f"the stack to {primary}, or use another directory",
                )
            )
    if stack.directory_id in {d.get("DirectoryId") for d in registered}:
        if isinstance(rollout, Unread):
            results.append(DIRECTORY_ALREADY_REGISTERED.unchecked(rollout.reason))
        elif rollout.first_up:
            results.append(
                DIRECTORY_ALREADY_REGISTERED.finding(
                    stack.directory_id,
                    f"{stack.directory_id} is already registered with WorkSpaces in {stack.region}, and no "
                    "WorkSpace in it is the stack's: registering it again fails; import the registration "
                    "(pulumi import aws:workspaces/directory:Directory <its name in `plan`> "
                    f"{stack.directory_id}), "
                    "or deregister it",
                )
            )
    return results


# --- the users -----------------------------------------------------------------------------------------


def user_findings(
    stack: PreflightStack, rollout: Rollout | Unread, directory_users: dict[str, dict | None] | Unread
) -> list:
    results: list = []
    if isinstance(rollout, Unread):
        results += _unchecked((USER_HAS_WORKSPACE, USER_IMPORT_NOT_FOUND), rollout.reason)
    else:
        for identity, workspace in sorted(rollout.in_the_way.items()):
            user, workspace_id = stack.users[identity], workspace.get("WorkspaceId")
            path = f"workspaces.users.{user.name}.importId"
            if user.import_id is not None:
                advice = (
                    f"{path} is {user.import_id}, but {user.name}'s WorkSpace there is {workspace_id}: "
                    f"set it to {workspace_id}"
                )
            else:
                advice = f"adopt it with {path}: {workspace_id}"
            results.append(
                USER_HAS_WORKSPACE.finding(
                    f"{stack.directory_id}/{user.name}",
                    f"{user.name} already has WorkSpace {workspace_id} in {stack.directory_id}, not one "
                    "this stack "
                    f"launched, and a user has one WorkSpace per directory: creating another fails; {advice}",
                )
            )
        for identity, import_id in sorted(rollout.import_missing.items()):
            user = stack.users[identity]
            results.append(
                USER_IMPORT_NOT_FOUND.finding(
                    f"{stack.directory_id}/{user.name}",
                    f"workspaces.users.{user.name}.importId: {import_id} is no WorkSpace of {user.name} in "
                    f"{stack.directory_id}: the import fails; name {user.name}'s WorkSpace, or remove "
                    "importId to "
                    "launch a new one",
                )
            )
    if isinstance(directory_users, Unread):
        results.append(USER_NOT_FOUND.unchecked(directory_users.reason))
    else:
        for identity, answer in sorted(directory_users.items()):
            if answer is None:
                name = stack.users[identity].name
                results.append(
                    USER_NOT_FOUND.finding(
                        f"{stack.directory_id}/{name}",
                        f"{stack.directory_id} has no user {name}: WorkSpaces launches WorkSpaces for "
                        "directory "
                        f"users only; create {name} in the directory first, or fix the name in "
                        "workspaces.users",
                    )
                )
    return results


# --- workspaces_DefaultRole ----------------------------------------------------------------------------


def default_role_findings(
    stack: PreflightStack, role: dict | None | Unread, rollout: Rollout | Unread
) -> list:
    name = limits.DEFAULT_ROLE_NAME
    if isinstance(role, Unread):
        return _unchecked((DEFAULT_ROLE_MISSING, DEFAULT_ROLE_EXISTS), role.reason)
    if role is None and not stack.create_default_role:
        return [
            DEFAULT_ROLE_MISSING.finding(
                name,
                f"the account has no {name} and directory.createDefaultRole is false: WorkSpaces cannot "
                "register "
                "a directory without it; set directory.createDefaultRole: true, or create the role",
            )
        ]
    if role is not None and stack.create_default_role:
        if isinstance(rollout, Unread):
            return [DEFAULT_ROLE_EXISTS.unchecked(rollout.reason)]
        if rollout.first_up:
            return [
                DEFAULT_ROLE_EXISTS.finding(
                    name,
                    f"{name} already exists and directory.createDefaultRole is true: creating it again fails "
                    "(EntityAlreadyExists); set directory.createDefaultRole: false (the role is "
                    "account-wide)",
                )
            ]
    return []


# --- principals ----------------------------------------------------------------------------------------


def _why_it_must_exist(use: PrincipalUse) -> str:
    reasons = []
    if {"key.administrators", "key.users"} & set(use.named_by) or (use.attached_to and use.kind != "group"):
        reasons.append(
            "KMS refuses a key policy naming a principal that does not exist "
            "(MalformedPolicyDocumentException)"
        )
    if use.attached_to:
        reasons.append("IAM cannot attach the administrators' policies to it")
    return " and ".join(reasons)


def principal_findings(
    stack: PreflightStack,
    principals: Mapping[str, dict | None | Unread],
    attached: Mapping[str, list[dict] | Unread],
    attach_quotas: Mapping[str, int] | Unread,
    rollout: Rollout | Unread,
) -> list:
    results: list = []
    for use in stack.principals:
        found = principals.get(use.arn)
        if isinstance(found, Unread):
            checks = (
                (PRINCIPAL_NOT_FOUND, ADMINISTRATOR_UNATTACHABLE)
                if use.attached_to
                else (PRINCIPAL_NOT_FOUND,)
            )
            results += _unchecked(checks, found.reason)
            continue
        if found is None or found.get("Arn") != use.arn:
            elsewhere = (
                f" (there is a {use.kind} {use.name}, at {found.get('Arn')}: fix the path)" if found else ""
            )
            results.append(
                PRINCIPAL_NOT_FOUND.finding(
                    use.arn,
                    f"no IAM {use.kind} {use.arn}{elsewhere}, named by {', '.join(use.named_by)}: "
                    f"{_why_it_must_exist(use)}; create it, or fix the ARN",
                )
            )
            continue
        if use.attached_to:
            results += _attachment_findings(use, found, attached.get(use.arn), attach_quotas, rollout)
    return results


def _attachment_findings(
    use: PrincipalUse,
    found: dict,
    attached: list[dict] | Unread | None,
    attach_quotas: Mapping[str, int] | Unread,
    rollout: Rollout | Unread,
) -> list:
    if found.get("Path", "").startswith(SERVICE_LINKED_ROLE_PATH):
        return [
            ADMINISTRATOR_UNATTACHABLE.finding(
                use.arn,
                f"{use.arn} is a service-linked role, whose permissions its service owns: IAM attaches no "
                "policies to it; name a role of your own under administrators.principals",
            )
        ]
    for reading in (attached, attach_quotas, rollout):
        if isinstance(reading, Unread):
            return [ADMINISTRATOR_UNATTACHABLE.unchecked(reading.reason)]
    count = len(attached or [])
    quota = attach_quotas.get(use.kind, ATTACHED_POLICIES_DEFAULT)
    adding = POLICIES_ATTACHED_PER_ADMINISTRATOR if rollout.first_up else 0
    if count + adding > quota:
        return [
            ADMINISTRATOR_UNATTACHABLE.finding(
                use.arn,
                f"{use.arn} has {count} managed policies attached and IAM allows {quota} per {use.kind}: the "
                f"stack attaches {adding} more (WorkSpaces administration and the key's grants); detach "
                f"{count + adding - quota}, or raise the quota (IAM, managed policies per {use.kind})",
            )
        ]
    return []


# --- an existing key -----------------------------------------------------------------------------------

EXISTING_KEY_CHECKS = (
    EXISTING_KEY_NOT_FOUND,
    EXISTING_KEY_DISABLED,
    EXISTING_KEY_PENDING_DELETION,
    EXISTING_KEY_UNUSABLE,
    EXISTING_KEY_UNSUPPORTED,
    EXISTING_KEY_POLICY_NO_GRANTS,
)


def _allows_create_grant(statement: Mapping[str, Any], principal_arn: str) -> bool:
    principal = statement.get("Principal")
    if principal == "*":
        named = ["*"]
    elif isinstance(principal, dict):
        named = listed(principal.get("AWS"))
    else:
        named = []
    actions = [a.lower() for a in listed(statement.get("Action"))]
    return (
        statement.get("Effect") == "Allow"
        and (principal_arn in named or "*" in named)
        and any(fnmatch.fnmatchcase(ADMINISTRATOR_GRANT_ACTION.lower(), a) for a in actions)
    )


def existing_key_findings(
    stack: PreflightStack, metadata: dict | None | Unread, policy: str | Unread | None
) -> list:
    if stack.key_existing is None:
        return []
    if isinstance(metadata, Unread):
        return _unchecked(EXISTING_KEY_CHECKS, metadata.reason)
    reference = stack.key_existing
    if metadata is None:
        return [
            EXISTING_KEY_NOT_FOUND.finding(
                reference,
                f"key.existing: KMS has no key {reference} in {stack.region}: the stack's look-up fails; "
                "create "
                "the key, or fix key.existing",
            )
        ]
    arn, state = metadata["Arn"], metadata.get("KeyState")
    results: list = []
    if state == limits.KEY_STATE_DISABLED:
        results.append(
            EXISTING_KEY_DISABLED.finding(
                arn,
                f"{reference} is disabled: no WorkSpace can be launched with it; enable it (aws kms "
                "enable-key "
                f"--key-id {arn}), or use another key",
            )
        )
    elif state in limits.KEY_STATES_PENDING_DELETION:
        when = metadata.get("DeletionDate")
        on = f" on {when:%Y-%m-%d}" if hasattr(when, "strftime") else ""
        results.append(
            EXISTING_KEY_PENDING_DELETION.finding(
                arn,
                f"{reference} is scheduled for deletion{on}: WorkSpaces on it would be lost with it; cancel "
                "the "
                f"deletion (aws kms cancel-key-deletion --key-id {arn}) and enable it, or use another key",
            )
        )
    elif state in limits.KEY_STATES_UNUSABLE:
        results.append(
            EXISTING_KEY_UNUSABLE.finding(
                arn, f"{reference} is {state}: KMS cannot use it; import its key material, or use another key"
            )
        )
    spec = metadata.get("KeySpec") or metadata.get("CustomerMasterKeySpec")
    usage, manager = metadata.get("KeyUsage"), metadata.get("KeyManager")
    if (
        spec != limits.WORKSPACES_KEY_SPEC
        or usage != limits.WORKSPACES_KEY_USAGE
        or manager == limits.KEY_MANAGER_AWS
    ):
        results.append(
            EXISTING_KEY_UNSUPPORTED.finding(
                arn,
                f"{reference} is a {manager} managed {spec} key for {usage}: WorkSpaces uses symmetric "
                "customer "
                f"managed keys only ({limits.WORKSPACES_KEY_SPEC}, {limits.WORKSPACES_KEY_USAGE}); use "
                "another key",
            )
        )
    results += _existing_key_policy_findings(stack, arn, policy)
    return results


def _existing_key_policy_findings(stack: PreflightStack, arn: str, policy: str | Unread | None) -> list:
    if isinstance(policy, Unread):
        return [EXISTING_KEY_POLICY_NO_GRANTS.unchecked(policy.reason)]
    if policy is None:
        return []  # not read: the key is in a state KMS does not answer for (the finding above says so)
    document = policy_json(policy) or {}
    match = KEY_ARN.fullmatch(arn)
    if match and has_account_root_statement(document, match["partition"], match["account"]):
        # IAM policies decide, and the stack attaches kms:CreateGrant on this key to each administrator.
        return []
    administrators = [use.arn for use in stack.principals if use.attached_to and use.kind != "group"]
    missing = [
        principal
        for principal in administrators
        if not any(_allows_create_grant(statement, principal) for statement in statements(document))
    ]
    if not missing and administrators:
        return []
    who = (
        ", ".join(missing)
        if missing
        else "the WorkSpaces administrators (only groups, which a key policy cannot name)"
    )
    return [
        EXISTING_KEY_POLICY_NO_GRANTS.finding(
            arn,
            f"the policy of {stack.key_existing} has no account-root statement (kms:* for the account, "
            "which lets "
            f"IAM policies grant access) and does not allow kms:CreateGrant to {who}: WorkSpaces cannot "
            "encrypt "
            "their WorkSpaces with it; add them as key users (Part 1 of the WorkSpaces encryption guide), "
            "or add "
            "the account-root statement",
        )
    ]


# --- bundles -------------------------------------------------------------------------------------------


def _bundle_words(ref: BundleRef) -> str:
    return ref[1] if ref[0] == "id" else f"named {ref[1]!r} (owner {ref[2]})"


def bundle_findings(
    stack: PreflightStack, creates: Iterable[str], bundles: Mapping[BundleRef, dict | None] | Unread
) -> list:
    if isinstance(bundles, Unread):
        return _unchecked((BUNDLE_NOT_FOUND, BUNDLE_ROOT_VOLUME_LARGER), bundles.reason)
    users_of: dict[BundleRef, list[str]] = {}
    for identity in creates:
        users_of.setdefault(bundle_ref(stack.users[identity].properties), []).append(identity)
    results: list = []
    for ref, identities in sorted(users_of.items()):
        bundle = bundles.get(ref)
        if bundle is None:
            results.append(
                BUNDLE_NOT_FOUND.finding(
                    ref[1],
                    f"{stack.region} has no bundle {_bundle_words(ref)}, which {_names(stack, identities)} "
                    "would get: "
                    "pick a bundle that exists there (aws workspaces describe-workspace-bundles --owner "
                    "AMAZON)",
                )
            )
            continue
        capacity = int(float((bundle.get("RootStorage") or {}).get("Capacity") or 0))
        by_size: dict[int, list[str]] = {}
        for identity in identities:
            by_size.setdefault(stack.users[identity].properties.root_volume_size_gib, []).append(identity)
        for size, asking in sorted(by_size.items()):
            if capacity > size:
                results.append(
                    BUNDLE_ROOT_VOLUME_LARGER.finding(
                        bundle.get("BundleId", ref[1]),
                        f"bundle {bundle.get('BundleId')} ({bundle.get('Name')}) has a {capacity} GiB root "
                        "volume, "
                        f"and {_names(stack, asking)} ask for {size} GiB: WorkSpaces launches no root volume "
                        f"smaller than its bundle's; set rootVolumeSizeGib to at least {capacity}, or pick "
                        "another bundle",
                    )
                )
    return results


# --- the alarm topic -----------------------------------------------------------------------------------


def _lets_eventbridge_publish(statement: Mapping[str, Any]) -> bool:
    principal = statement.get("Principal")
    if principal == "*" or (isinstance(principal, dict) and "*" in listed(principal.get("AWS"))):
        anyone = not statement.get("Condition")
    else:
        anyone = False
    service = isinstance(principal, dict) and EVENTBRIDGE_PRINCIPAL in listed(principal.get("Service"))
    actions = [a.lower() for a in listed(statement.get("Action"))]
    return (
        statement.get("Effect") == "Allow"
        and (service or anyone)
        and any(fnmatch.fnmatchcase(SNS_PUBLISH.lower(), a) for a in actions)
    )


def topic_findings(stack: PreflightStack, attributes: dict | None | Unread) -> list:
    if stack.topic_arn is None:
        return []
    if isinstance(attributes, Unread):
        return _unchecked((ALARM_TOPIC_NOT_FOUND, ALARM_TOPIC_EVENTBRIDGE_DENIED), attributes.reason)
    if attributes is None:
        return [
            ALARM_TOPIC_NOT_FOUND.finding(
                stack.topic_arn,
                f"there is no SNS topic {stack.topic_arn} (alarms.topicArn): the key-state alarm has "
                "nowhere to "
                "go; create the topic, or fix alarms.topicArn",
            )
        ]
    document = policy_json(attributes.get("Policy")) or {}
    if not any(_lets_eventbridge_publish(s) for s in statements(document)):
        return [
            ALARM_TOPIC_EVENTBRIDGE_DENIED.finding(
                stack.topic_arn,
                f"the access policy of {stack.topic_arn} does not let {EVENTBRIDGE_PRINCIPAL} publish: "
                "`pulumi up` "
                "succeeds, but the key-state alarm never arrives; add a statement allowing sns:Publish to "
                "the "
                f"service principal {EVENTBRIDGE_PRINCIPAL}",
            )
        ]
    return []


# --- all of them ---------------------------------------------------------------------------------------


def checked_counts(stack: PreflightStack, readings: Readings) -> dict[str, int]:
    rollout = readings.rollout
    return {
        "workspaces": len(readings.workspaces),
        "users": len(stack.users),
        "creates": len(rollout.creates) if isinstance(rollout, Rollout) else 0,
        "subnets": 0 if isinstance(readings.subnets, Unread) else len(readings.subnets),
        "directories": 1 if isinstance(readings.directory, dict) else 0,
        "bundles": 0 if isinstance(readings.bundles, Unread) else len(readings.bundles),
        "principals": sum(1 for p in readings.principals.values() if not isinstance(p, Unread)),
        "keys": 1 if isinstance(readings.existing_key, dict) else 0,
        "topics": 1 if isinstance(readings.topic, dict) else 0,
        "quotas": 1 if isinstance(readings.quota, float) else 0,
    }


def preflight_verdict(stack: PreflightStack, readings: Readings) -> Verdict:
    """Every finding and every check not made, in a stable order: blockers first, then by check id."""
    verdict = Verdict()
    rollout = readings.rollout
    creates: int | Unread = len(rollout.creates) if isinstance(rollout, Rollout) else rollout
    to_create = rollout.creates if isinstance(rollout, Rollout) else tuple(stack.users)
    if isinstance(rollout, Unread):
        verdict.add(_unchecked((QUOTA_EXCEEDED, QUOTA_FULL), rollout.reason))
    else:
        verdict.add(quota_findings(stack, len(readings.workspaces), len(rollout.creates), readings.quota))
    verdict.add(subnet_findings(stack, readings.subnets, readings.directory, creates))
    verdict.add(directory_findings(stack, readings.directory, readings.registered, rollout))
    verdict.add(user_findings(stack, rollout, readings.directory_users))
    verdict.add(default_role_findings(stack, readings.default_role, rollout))
    verdict.add(
        principal_findings(stack, readings.principals, readings.attached, readings.attach_quotas, rollout)
    )
    verdict.add(existing_key_findings(stack, readings.existing_key, readings.existing_key_policy))
    verdict.add(bundle_findings(stack, to_create, readings.bundles))
    verdict.add(topic_findings(stack, readings.topic))
    verdict.findings.sort(key=most_severe_first(SEVERITIES))
    verdict.unchecked.sort(key=lambda u: (u.check, u.reason))
    verdict.checked = checked_counts(stack, readings)
    return verdict
