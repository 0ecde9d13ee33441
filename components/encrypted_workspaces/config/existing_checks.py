"""Checks across fields of what the stack names but does not create: an existing key, bundles by name,
the alarm topic. Plain functions over a parsed model, returning (key path, message)."""

from __future__ import annotations

from encrypted_workspaces.aws.arns import KEY_ARN, KMS_ALIAS_ARN, SNS_TOPIC_ARN

from .args import EncryptedWorkspacesArgs
from .inputs import is_known
from .key import CREATED_KEY_FIELDS, KeyArgs
from .problems import shown
from .target import StackTarget
from .workspaces import WorkspaceOverridesArgs, WorkspacePropertiesArgs


def _camel(field: str) -> str:
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)


def _placement_problems(path: str, match, what: str, target: StackTarget, *, same_account: bool) -> list:
    """An ARN in another partition or region than the stack's (and, if asked, another account)."""
    if match is None or target.region is None:
        return []
    problems = []
    if match["partition"] != target.partition or match["region"] != target.region:
        problems.append(
            (
                path,
                f"{what} must be in the stack's partition and region, arn:{target.partition}:...:"
                f"{target.region}:... (got {shown(match.string)})",
            )
        )
    elif same_account and target.account_id and match["account"] != target.account_id:
        problems.append(
            (path, f"{what} must be in the stack's account {target.account_id} (got {shown(match.string)})")
        )
    return problems


def key_problems(key: KeyArgs, target: StackTarget) -> list[tuple[str, str]]:
    """With ``existing``, no setting of a key we would create; without it, the key administrators."""
    if key.existing is None:
        # An empty list is refused by the field itself (at least one entry).
        return [("key.administrators", "required")] if key.administrators is None else []
    problems = [
        (
            f"key.{_camel(field)}",
            "applies only to a key this stack creates; key.existing names a key the stack uses but does "
            "not manage (its alias, policy, rotation and deletion window stay as they are): remove it",
        )
        for field in CREATED_KEY_FIELDS
        if field in key.model_fields_set
    ]
    # KMS keys are regional: WorkSpaces in this region can only use a key of this region. Another
    # account's key is left to AWS (its key policy decides).
    if not is_known(key.existing):
        return problems  # checked when it resolves (config/deferred.py)
    match = KEY_ARN.fullmatch(key.existing) or KMS_ALIAS_ARN.fullmatch(key.existing)
    problems += _placement_problems("key.existing", match, "the key", target, same_account=False)
    return problems


_BOTH_BUNDLES = "bundleId and bundleName: give exactly one of the two (got both)"


def _bundle_choice_problems(
    path: str, block: WorkspacePropertiesArgs | WorkspaceOverridesArgs, resolved: WorkspacePropertiesArgs
) -> list[tuple[str, str]]:
    if block.bundle_id is not None and block.bundle_name is not None:
        return [(path, _BOTH_BUNDLES)]
    if "bundle_owner" in block.model_fields_set and block.bundle_owner and resolved.bundle_name is None:
        return [(f"{path}.bundleOwner", "applies to bundleName only: remove it, or use bundleName")]
    return []


def bundle_problems(args: EncryptedWorkspacesArgs) -> list[tuple[str, str]]:
    """Exactly one of bundleId and bundleName, in the defaults and in each user's block."""
    workspaces = args.workspaces
    defaults = workspaces.defaults
    if defaults.bundle_id is None and defaults.bundle_name is None:
        problems = [
            ("workspaces.defaults", "bundleId and bundleName: give exactly one of the two (got neither)")
        ]
    else:
        problems = _bundle_choice_problems("workspaces.defaults", defaults, defaults)
    for user in sorted(workspaces.users):
        problems += _bundle_choice_problems(
            f"workspaces.users.{user}", workspaces.users[user], workspaces.properties_for(user)
        )
    return problems


def import_problems(args: EncryptedWorkspacesArgs) -> list[tuple[str, str]]:
    """A WorkSpace belongs to one user: two users cannot adopt the same one."""
    problems, adopted_by = [], {}
    for user in sorted(args.workspaces.users):
        workspace_id = args.workspaces.users[user].import_id
        if workspace_id is None:
            continue
        if workspace_id in adopted_by:
            problems.append(
                (
                    f"workspaces.users.{user}.importId",
                    f"{workspace_id} is adopted by {adopted_by[workspace_id]} already; a WorkSpace belongs "
                    "to one user",
                )
            )
        adopted_by.setdefault(workspace_id, user)
    return problems


def alarm_problems(args: EncryptedWorkspacesArgs, target: StackTarget) -> list[tuple[str, str]]:
    """The topic is the stack's own: an EventBridge rule targets a topic of its region, and without a
    role (which this rule does not have) only of its account."""
    topic = args.alarms.topic_arn
    if topic is None or not is_known(topic):
        return []
    return _placement_problems(
        "alarms.topicArn", SNS_TOPIC_ARN.fullmatch(topic), "the topic", target, same_account=True
    )
