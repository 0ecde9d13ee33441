"""The audit's checks: one small pure function per idea over plain dicts as boto3 returns them
(DescribeWorkspaces' Workspace, DescribeKey's KeyMetadata, DescribeWorkspaceDirectories' directory),
each finding carrying a stable check id and a severity."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from encrypted_workspaces.aws import limits
from encrypted_workspaces.aws.arns import KEY_ARN
from encrypted_workspaces.documents import key_review
from encrypted_workspaces.documents.key_review import KeyAttributes, key_problems
from encrypted_workspaces.documents.statements import policy_json
from encrypted_workspaces.live.findings import LiveCheck, LiveFinding, most_severe_first

from .facts import is_aws_managed, is_encrypted
from .snapshot import Snapshot
from .stack import StackExpectation, WorkspaceExpectation

# Worst last. "warning" is below LOW: a WorkSpace that drifted from its stack is not a security finding
# (its encryption and key are judged by the other checks), only a difference the next `pulumi up` makes
# up for; the word is preflight's for "would not stop anything".
SEVERITIES = ("warning", "LOW", "MEDIUM", "HIGH", "CRITICAL")
# How many WorkSpace ids a key's finding names before it says "and N more".
NAMED_WORKSPACES = 5


# The audit's findings and checks are the live commands' own (live/findings.py): the same JSON.
AuditFinding = LiveFinding
Check = LiveCheck


ROOT_VOLUME_UNENCRYPTED = Check(
    "workspace-root-volume-unencrypted", "HIGH", "A WorkSpace's root volume is not encrypted."
)
USER_VOLUME_UNENCRYPTED = Check(
    "workspace-user-volume-unencrypted", "HIGH", "A WorkSpace's user volume is not encrypted."
)
AWS_MANAGED_KEY = Check(
    "workspace-aws-managed-key",
    "MEDIUM",
    "A WorkSpace is encrypted with the AWS managed key aws/workspaces, whose policy no one can restrict.",
)
NOT_STACK_KEY = Check(
    "workspace-not-stack-key",
    "HIGH",
    "A WorkSpace in the stack's directory is encrypted with another key than the stack's (--stack).",
)
KEY_NOT_FOUND = Check(
    "key-not-found", "CRITICAL", "A WorkSpace's key does not exist: the WorkSpace cannot start again."
)
KEY_DISABLED = Check(
    "key-disabled", "CRITICAL", "A WorkSpace's key is disabled: its WorkSpaces fail at their next start."
)
KEY_PENDING_DELETION = Check(
    "key-pending-deletion",
    "CRITICAL",
    "A WorkSpace's key is scheduled for deletion: its WorkSpaces fail now and are lost when it is deleted.",
)
KEY_UNUSABLE = Check(
    "key-unusable", "CRITICAL", "A WorkSpace's key is in a state KMS cannot use (PendingImport, Unavailable)."
)
KEY_NOT_ROTATED = Check("key-not-rotated", "MEDIUM", "A WorkSpace's key has automatic rotation off.")
KEY_NOT_SYMMETRIC = Check(
    "key-not-symmetric",
    "HIGH",
    "A WorkSpace's key is not a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT).",
)
KEY_POLICY_NO_ACCOUNT_ROOT = Check(
    "key-policy-no-account-root",
    "HIGH",
    "A key policy lacks the account-root statement (kms:* for the account): the key can be locked out.",
)
KEY_POLICY_GRANT_UNCONDITIONED = Check(
    "key-policy-grant-without-condition",
    "MEDIUM",
    "A key policy allows grants without the condition kms:GrantIsForAWSResource true.",
)
DIRECTORY_LOCAL_ADMINISTRATOR = Check(
    "directory-local-administrator",
    "MEDIUM",
    "A registered directory makes users local administrators of their WorkSpaces.",
)
DIRECTORY_INTERNET_ACCESS = Check(
    "directory-internet-access", "MEDIUM", "A registered directory gives WorkSpaces direct internet access."
)
STACK_DIRECTORY_NOT_REGISTERED = Check(
    "stack-directory-not-registered",
    "HIGH",
    "The stack's directory is not registered with WorkSpaces in the region (--stack).",
)
STACK_KEY_NOT_FOUND = Check(
    "stack-key-not-found", "HIGH", "No key has the stack's alias in the region (--stack)."
)
STACK_WORKSPACE_MISSING = Check(
    "stack-workspace-missing", "MEDIUM", "A user of the stack has no WorkSpace in its directory (--stack)."
)
STACK_WORKSPACE_UNKNOWN = Check(
    "stack-workspace-unknown",
    "MEDIUM",
    "A WorkSpace in the stack's directory belongs to a user the stack does not list (--stack).",
)
WORKSPACE_DRIFT = Check(
    "workspace-drift",
    "warning",
    "A WorkSpace of the stack differs from it: bundle, compute type, running mode, auto-stop timeout or "
    "volume sizes (--stack).",
)
CHECKS: tuple[Check, ...] = (
    ROOT_VOLUME_UNENCRYPTED,
    USER_VOLUME_UNENCRYPTED,
    AWS_MANAGED_KEY,
    NOT_STACK_KEY,
    KEY_NOT_FOUND,
    KEY_DISABLED,
    KEY_PENDING_DELETION,
    KEY_UNUSABLE,
    KEY_NOT_ROTATED,
    KEY_NOT_SYMMETRIC,
    KEY_POLICY_NO_ACCOUNT_ROOT,
    KEY_POLICY_GRANT_UNCONDITIONED,
    DIRECTORY_LOCAL_ADMINISTRATOR,
    DIRECTORY_INTERNET_ACCESS,
    STACK_DIRECTORY_NOT_REGISTERED,
    STACK_KEY_NOT_FOUND,
    STACK_WORKSPACE_MISSING,
    STACK_WORKSPACE_UNKNOWN,
    WORKSPACE_DRIFT,
)


def _owner(workspace: Mapping[str, Any]) -> str:
    return f"the WorkSpace of {workspace.get('UserName', '?')} in {workspace.get('DirectoryId', '?')}"


def volume_findings(workspace: Mapping[str, Any]) -> list[AuditFinding]:
    findings = []
    for volume, check in (("Root", ROOT_VOLUME_UNENCRYPTED), ("User", USER_VOLUME_UNENCRYPTED)):
        if workspace.get(f"{volume}VolumeEncryptionEnabled") is not True:
            findings.append(
                check.finding(
                    workspace["WorkspaceId"],
                    f"{_owner(workspace)}: the {volume.lower()} volume is not encrypted; encryption "
                    "cannot be added to an existing WorkSpace, only to a new one",
                )
            )
    return findings


def workspace_key_findings(
    workspace: Mapping[str, Any],
    metadata: Mapping[str, Any] | None,
    stack: StackExpectation | None,
    stack_key_arn: str | None,
) -> list[AuditFinding]:
    """The key of an encrypted WorkSpace: AWS managed, or (with a stack) not the stack's."""
    if not is_encrypted(workspace):
        return []
    reference = workspace.get("VolumeEncryptionKey") or ""
    if not reference or is_aws_managed(reference, metadata):
        return [
            AWS_MANAGED_KEY.finding(
                workspace["WorkspaceId"],
                f"{_owner(workspace)} is encrypted with the AWS managed key "
                f"{reference or 'aws/workspaces'}, not a customer managed key",
            )
        ]
    in_stack_directory = stack is not None and workspace.get("DirectoryId") == stack.directory_id
    key_arn = metadata["Arn"] if metadata else reference
    if in_stack_directory and stack_key_arn and key_arn != stack_key_arn:
        return [
            NOT_STACK_KEY.finding(
                workspace["WorkspaceId"],
                f"{_owner(workspace)} is encrypted with {key_arn}, not the stack's key ({stack.key_alias})",
            )
        ]
    return []


def _used_by(workspace_ids: Sequence[str]) -> str:
    if not workspace_ids:
        return "the stack's key, used by no WorkSpace"
    named = ", ".join(workspace_ids[:NAMED_WORKSPACES])
    more = len(workspace_ids) - NAMED_WORKSPACES
    count = f"{len(workspace_ids)} WorkSpace{'s' if len(workspace_ids) != 1 else ''}"
    return f"used by {count} ({named}{f' and {more} more' if more > 0 else ''})"


def key_not_found_findings(reference: str, workspace_ids: Sequence[str]) -> list[AuditFinding]:
    return [KEY_NOT_FOUND.finding(reference, f"no such key in KMS; {_used_by(workspace_ids)}")]


def key_state_findings(metadata: Mapping[str, Any], workspace_ids: Sequence[str]) -> list[AuditFinding]:
    state, arn, users = metadata.get("KeyState"), metadata["Arn"], _used_by(workspace_ids)
    if state == limits.KEY_STATE_DISABLED:
        return [KEY_DISABLED.finding(arn, f"the key is disabled; {users}")]
    if state in limits.KEY_STATES_PENDING_DELETION:
        when = metadata.get("DeletionDate")
        on = f" on {when:%Y-%m-%d}" if hasattr(when, "strftime") else ""
        return [
            KEY_PENDING_DELETION.finding(arn, f"the key is scheduled for deletion{on} ({state}); {users}")
        ]
    if state in limits.KEY_STATES_UNUSABLE:
        return [KEY_UNUSABLE.finding(arn, f"the key is {state}; {users}")]
    return []


def key_spec_findings(metadata: Mapping[str, Any], workspace_ids: Sequence[str]) -> list[AuditFinding]:
    spec = metadata.get("KeySpec") or metadata.get("CustomerMasterKeySpec")
    usage = metadata.get("KeyUsage")
    problems = key_problems(KeyAttributes(spec=spec, usage=usage))
    if not any(problem.check == KEY_NOT_SYMMETRIC.id for problem in problems):
        return []
    return [
        KEY_NOT_SYMMETRIC.finding(
            metadata["Arn"],
            f"WorkSpaces supports symmetric encryption keys only (KeySpec {spec}, KeyUsage {usage}); "
            f"{_used_by(workspace_ids)}",
        )
    ]


def key_rotation_findings(
    metadata: Mapping[str, Any], rotation_enabled: bool | None, workspace_ids: Sequence[str]
) -> list[AuditFinding]:
    # None: not read (a key pending deletion has rotation suspended anyway), and nothing is said.
    if not any(
        p.check == KEY_NOT_ROTATED.id for p in key_problems(KeyAttributes(rotation_enabled=rotation_enabled))
    ):
        return []
    return [
        KEY_NOT_ROTATED.finding(metadata["Arn"], f"automatic key rotation is off; {_used_by(workspace_ids)}")
    ]


def key_policy_findings(
    metadata: Mapping[str, Any], policy: str | None, workspace_ids: Sequence[str]
) -> list[AuditFinding]:
    if policy is None:
        return []  # not read: the key is in a state in which KMS does not answer for it
    arn, users = metadata["Arn"], _used_by(workspace_ids)
    document = policy_json(policy) or {}
    match = KEY_ARN.fullmatch(arn)
    findings = []
    # The audit's contract names the account-root statement and the grant condition (docs/audit.md,
    # "What it checks"); a key with no grant statement at all is left to the guardrail.
    problems = key_problems(KeyAttributes(arn=arn, policy=document))
    if match and any(p.check == KEY_POLICY_NO_ACCOUNT_ROOT.id for p in problems):
        findings.append(
            KEY_POLICY_NO_ACCOUNT_ROOT.finding(
                arn,
                f"the key policy has no statement allowing kms:* to arn:{match['partition']}:iam::"
                f"{match['account']}:root, so IAM policies cannot grant access and the key can be "
                f"locked out; {users}",
            )
        )
    for problem in problems:
        if problem.check == key_review.POLICY_GRANT_UNCONDITIONED and problem.statement is not None:
            statement = problem.statement
            findings.append(
                KEY_POLICY_GRANT_UNCONDITIONED.finding(
                    arn,
                    f"statement {statement.get('Sid') or '(no Sid)'} allows grants without the condition "
                    f"Bool kms:GrantIsForAWSResource true; {users}",
                )
            )
    return findings


def directory_findings(directory: Mapping[str, Any]) -> list[AuditFinding]:
    creation = directory.get("WorkspaceCreationProperties") or {}
    directory_id = directory["DirectoryId"]
    findings = []
    if creation.get("UserEnabledAsLocalAdministrator") is True:
        findings.append(
            DIRECTORY_LOCAL_ADMINISTRATOR.finding(
                directory_id,
                "new WorkSpaces make their users local administrators (UserEnabledAsLocalAdministrator)",
            )
        )
    if creation.get("EnableInternetAccess") is True:
        findings.append(
            DIRECTORY_INTERNET_ACCESS.finding(
                directory_id,
                "new WorkSpaces get a public IP address for direct internet access (EnableInternetAccess)",
            )
        )
    return findings


def stack_findings(
    stack: StackExpectation,
    workspaces: Iterable[Mapping[str, Any]],
    directories: Iterable[Mapping[str, Any]],
    stack_key_arn: str | None,
) -> list[AuditFinding]:
    """What the stack promises and the account lacks, or has without the stack knowing."""
    findings = []
    if stack_key_arn is None:
        findings.append(
            STACK_KEY_NOT_FOUND.finding(
                stack.key_alias, f"no key has the alias of stack {stack.stack} in {stack.region}"
            )
        )
    if stack.directory_id not in {d.get("DirectoryId") for d in directories}:
        findings.append(
            STACK_DIRECTORY_NOT_REGISTERED.finding(
                stack.directory_id,
                f"the directory of stack {stack.stack} is not registered with WorkSpaces in {stack.region}",
            )
        )
        return findings  # every user's WorkSpace would be missing: one finding says it
    in_directory = [w for w in workspaces if w.get("DirectoryId") == stack.directory_id]
    present = {str(w.get("UserName", "")).lower() for w in in_directory}
    for user in sorted(stack.users - present):
        findings.append(
            STACK_WORKSPACE_MISSING.finding(
                f"{stack.directory_id}/{user}",
                f"stack {stack.stack} lists {user}, who has no WorkSpace in {stack.directory_id}",
            )
        )
    listed = stack.users | stack.waiting
    for workspace in in_directory:
        if str(workspace.get("UserName", "")).lower() not in listed:
            findings.append(
                STACK_WORKSPACE_UNKNOWN.finding(
                    workspace["WorkspaceId"],
                    f"{_owner(workspace)}: stack {stack.stack} does not list this user",
                )
            )
    return findings


def drifted_fields(
    workspace: Mapping[str, Any], expected: WorkspaceExpectation
) -> list[tuple[str, Any, Any]]:
    """(stack-file key, the WorkSpace's value, the stack's value) for each field that differs; a field
    the WorkSpace does not report, or the stack does not fix (a bundle by name), is not compared."""
    properties = workspace.get("WorkspaceProperties") or {}
    pairs = [
        ("bundleId", workspace.get("BundleId"), expected.bundle_id),
        ("computeTypeName", properties.get("ComputeTypeName"), expected.compute_type_name),
        ("runningMode", properties.get("RunningMode"), expected.running_mode),
        ("rootVolumeSizeGib", properties.get("RootVolumeSizeGib"), expected.root_volume_size_gib),
        ("userVolumeSizeGib", properties.get("UserVolumeSizeGib"), expected.user_volume_size_gib),
    ]
    if properties.get("RunningMode") == limits.AUTO_STOP and expected.running_mode == limits.AUTO_STOP:
        minutes = properties.get("RunningModeAutoStopTimeoutInMinutes")
        pairs.insert(3, ("runningModeAutoStopTimeoutInMinutes", minutes, expected.auto_stop_minutes))
    return [
        (key, actual, wanted)
        for key, actual, wanted in pairs
        if None not in (actual, wanted) and actual != wanted
    ]


def drift_findings(stack: StackExpectation, workspaces: Iterable[Mapping[str, Any]]) -> list[AuditFinding]:
    """The stack's WorkSpaces whose bundle, compute type, running mode, auto-stop timeout or volume sizes
    are not what the stack asks."""
    findings = []
    for workspace in workspaces:
        user = str(workspace.get("UserName", "")).lower()
        expected = stack.workspaces.get(user)
        if workspace.get("DirectoryId") != stack.directory_id or expected is None:
            continue
        fields = drifted_fields(workspace, expected)
        if fields:
            differences = ", ".join(f"{key} {actual} (stack: {wanted})" for key, actual, wanted in fields)
            findings.append(
                WORKSPACE_DRIFT.finding(
                    workspace["WorkspaceId"],
                    f"{_owner(workspace)} differs from stack {stack.stack}: {differences}; the next "
                    "`pulumi up` changes it back (a bundleId change only for a user listed under "
                    "workspaces.replace)",
                )
            )
    return findings


def audit_findings(snapshot: Snapshot, stack: StackExpectation | None) -> list[AuditFinding]:
    """Every finding for the account, in a stable order: severity (worst first), check, resource."""
    findings: list[AuditFinding] = []
    users_of: dict[str, list[str]] = {}
    for workspace in snapshot.workspaces:
        findings += volume_findings(workspace)
        reference = workspace.get("VolumeEncryptionKey") or ""
        metadata = snapshot.key_metadata(reference)
        findings += workspace_key_findings(workspace, metadata, stack, snapshot.stack_key_arn)
        if is_encrypted(workspace) and reference:
            users_of.setdefault(metadata["Arn"] if metadata else reference, []).append(
                workspace["WorkspaceId"]
            )
    for reference in snapshot.missing_keys:
        findings += key_not_found_findings(reference, sorted(users_of.get(reference, [])))
    for arn, key in snapshot.keys.items():
        metadata = key.metadata
        if is_aws_managed(arn, metadata):
            continue  # the WorkSpaces on it are the findings; AWS manages the key itself
        workspace_ids = sorted(users_of.get(arn, []))
        findings += key_state_findings(metadata, workspace_ids)
        findings += key_spec_findings(metadata, workspace_ids)
        findings += key_rotation_findings(metadata, key.rotation_enabled, workspace_ids)
        findings += key_policy_findings(metadata, key.policy, workspace_ids)
    for directory in snapshot.directories:
        findings += directory_findings(directory)
    if stack is not None:
        findings += stack_findings(stack, snapshot.workspaces, snapshot.directories, snapshot.stack_key_arn)
        findings += drift_findings(stack, snapshot.workspaces)
    return sorted(findings, key=most_severe_first(SEVERITIES[::-1]))
