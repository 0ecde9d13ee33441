"""What applying this plan would do to what is deployed: the pure comparison behind ``--against``.

Resources are matched by URN and their inputs compared (both canonical). A changed input that the
provider replaces on (``aws.replacement``) makes a replace, unless the resource ignores changes to
it (the component's replacement guard): then it is ``held``. Destructive: a replace or delete of a
WorkSpace, the key, the directory registration or workspaces_DefaultRole, which lose data or break
what depends on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from encrypted_workspaces.aws import types
from encrypted_workspaces.aws.limits import DEFAULT_ROLE_NAME
from encrypted_workspaces.aws.replacement import replaces

from .against import DeployedResource
from .grouping import USER_PLACEHOLDER

ACTIONS = ("create", "update", "replace", "delete", "held")


@dataclass(frozen=True)
class Change:
    urn: str
    type: str
    action: str
    fields: list[str]
    destructive: bool
    reason: str
    # A held change: what it holds back, and why (``reason`` also names what is updated in place). Not
    # in changes.json, whose entries name every changed field (docs/day-2.md), but in the printed table.
    held: tuple[str, ...] = ()
    held_reason: str = ""
    held_pattern: str = ""  # held_reason with the user's name as <user>

    @property
    def updated_in_place(self) -> list[str]:
        """The fields of a held change that the provider updates in place all the same."""
        return [field for field in self.fields if field not in self.held] if self.held else []

    def as_json(self) -> dict[str, Any]:
        return {
            "urn": self.urn,
            "type": self.type,
            "action": self.action,
            "fields": self.fields,
            "destructive": self.destructive,
            "reason": self.reason,
        }

    @property
    def name(self) -> str:
        return self.urn.rsplit("::", 1)[-1]


@dataclass(frozen=True)
class Changes:
    changes: list[Change]  # sorted by URN
    same: int

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for change in self.changes:
            counts[change.action] += 1
        return {**counts, "same": self.same}

    def created(self, resource_type: str) -> int:
        """How many resources of ``resource_type`` this update creates: the new ones and the replaced
        ones (a replace creates the resource anew); a held change creates nothing."""
        return sum(
            change.type == resource_type and change.action in ("create", "replace") for change in self.changes
        )

    @property
    def destructive(self) -> list[Change]:
        return [change for change in self.changes if change.destructive]

    def as_json(self) -> dict[str, Any]:
        return {"summary": self.summary, "changes": [change.as_json() for change in self.changes]}


def changed_fields(before: Any, after: Any, path: str = "") -> list[str]:
    """Paths of the values that differ: objects are compared key by key, anything else as a whole.

    A secret is the placeholder on both sides (plan never holds its value), so it counts as the same
    unless it appears, disappears or stops being secret.
    """
    if isinstance(before, dict) and isinstance(after, dict):
        fields: list[str] = []
        for key in sorted(set(before) | set(after)):
            child = f"{path}.{key}" if path else key
            if key not in before or key not in after:
                fields.append(child)
            else:
                fields += changed_fields(before[key], after[key], child)
        return fields
    return [] if before == after else [path]


def _ignored(field: str, ignore_changes: Iterable[str]) -> bool:
    return any(
        field == ignored or field.startswith((f"{ignored}.", f"{ignored}[")) for ignored in ignore_changes
    )


@dataclass(frozen=True)
class AtStake:
    """A resource whose replace or delete is destructive: what it is, and what losing it costs."""

    what: str
    loss: str


def at_stake(resource_type: str, inputs: Mapping[str, Any]) -> AtStake | None:
    """In a reviewer's words, for the four kinds of resource whose replace or delete is destructive."""
    if resource_type == types.WORKSPACE:
        user = inputs.get("userName", "?")
        return AtStake(f"the WorkSpace of {user}", f"the user volume of {user} is lost")
    if resource_type == types.KMS_KEY:
        return AtStake(
            "the key", "every WorkSpace encrypted with it becomes unusable when its deletion window ends"
        )
    if resource_type == types.WORKSPACES_DIRECTORY:
        return AtStake(
            f"the registration of directory {inputs.get('directoryId', '?')}",
            "its WorkSpaces lose their directory registration",
        )
    if resource_type == types.IAM_ROLE and inputs.get("name") == DEFAULT_ROLE_NAME:
        return AtStake(DEFAULT_ROLE_NAME, "every WorkSpaces directory in the account relies on it")
    return None


def _deleted(resource: DeployedResource) -> Change:
    stake = at_stake(resource.type, resource.inputs)
    if stake is None:
        return Change(resource.urn, resource.type, "delete", [], False, "no longer in the program")
    if resource.options.get("retainOnDelete"):
        return Change(
            resource.urn,
            resource.type,
            "delete",
            [],
            False,
            f"{stake.what} leaves the stack but stays in the account (retainOnDelete)",
        )
    reason = f"{stake.what} is deleted: {stake.loss}"
    if resource.options.get("protect"):
        reason += " (protected: pulumi up refuses until it is unprotected)"
    return Change(resource.urn, resource.type, "delete", [], True, reason)


def _held_reason(resource_type: str, user: str | None, held: list[str], *, in_place: bool) -> str:
    """Why a change is held: for a user's WorkSpace, the replacement guard, and how to let it replace."""
    if resource_type == types.WORKSPACE and user:
        what = f"the WorkSpace of {user}"
        listed = f"list {user} under workspaces.replace to replace it"
        if not in_place:
            return (
                f"the replacement guard keeps {what} as it is ({', '.join(held)} would replace it); {listed}"
            )
        # Not "as it is": an in-place update (a resize, a compute type) still changes the WorkSpace.
        return f"the replacement guard holds back {', '.join(held)}, which would replace {what}; {listed}"
    return f"ignoreChanges holds back {', '.join(held)}"


def _compared(before: DeployedResource, after: Mapping[str, Any]) -> Change | None:
    urn, resource_type, inputs = after["urn"], after["type"], after["inputs"]
    fields = changed_fields(before.inputs, inputs)
    if not fields and before.type == resource_type:
        return None
    options = after.get("options") or {}
    held = [field for field in fields if _ignored(field, options.get("ignoreChanges") or [])]
    effective = [field for field in fields if field not in held]
    replacing = [field for field in effective if replaces(resource_type, field)]
    stake = at_stake(resource_type, inputs)
    if before.type != resource_type:
        reason = f"the type changes from {before.type}"
        return Change(urn, resource_type, "replace", fields, stake is not None, reason)
    if replacing:
        order = (
            "deleted first, then created" if options.get("deleteBeforeReplace") else "created, then deleted"
        )
        reason = f"{', '.join(replacing)} cannot change in place: replaced ({order})"
        if stake is not None:
            reason += f"; {stake.loss}"
        return Change(urn, resource_type, "replace", fields, stake is not None, reason)
    if held:
        user = inputs.get("userName")
        held_reason = _held_reason(resource_type, user, held, in_place=bool(effective))
        reason = held_reason + (f"; {', '.join(effective)} updated in place" if effective else "")
        # The same reason for any user, so that plan can say a fleet's held WorkSpaces once.
        pattern = _held_reason(
            resource_type, USER_PLACEHOLDER if user else user, held, in_place=bool(effective)
        )
        return Change(urn, resource_type, "held", fields, False, reason, tuple(held), held_reason, pattern)
    return Change(urn, resource_type, "update", fields, False, "updated in place")


def compare(deployed: Mapping[str, DeployedResource], planned: Iterable[Mapping[str, Any]]) -> Changes:
    """What applying ``planned`` (plan.json resource entries) does to ``deployed`` (by URN)."""
    planned_by_urn = {resource["urn"]: resource for resource in planned}
    changes: list[Change] = []
    same = 0
    for urn in sorted(set(deployed) | set(planned_by_urn)):
        after = planned_by_urn.get(urn)
        before = deployed.get(urn)
        if before is None:
            changes.append(Change(urn, after["type"], "create", [], False, "new"))
        elif after is None:
            changes.append(_deleted(before))
        elif (change := _compared(before, after)) is None:
            same += 1
        else:
            changes.append(change)
    return Changes(changes=changes, same=same)
