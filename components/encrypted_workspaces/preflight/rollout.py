"""What this `pulumi up` would do with the stack's users, from the WorkSpaces the account already has:
which users get a new WorkSpace, which already have the stack's own (an earlier wave), which are
adopted (importId), and which have someone else's WorkSpace in the way. Pure.

A stack's own WorkSpaces are told from others by their key: the component encrypts every WorkSpace
with the stack's key, by its ARN, so a WorkSpace of a stack user, in the stack's directory, on that key,
was launched by an earlier `pulumi up` of the stack (or is one it adopted). When the stack's key does
not exist yet, nothing in the account is the stack's: this is its first `pulumi up`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from encrypted_workspaces.aws.arns import KEY_ARN
from encrypted_workspaces.naming import user_identity

from .stack import PreflightStack


def _key_id(reference: str) -> str:
    """The key id of a key ARN (or the reference itself): a WorkSpace may name its key either way."""
    match = KEY_ARN.fullmatch(reference)
    return match["key_id"] if match else reference


@dataclass(frozen=True)
class Rollout:
    creates: tuple[str, ...]  # user identities that get a new WorkSpace
    deployed: dict[str, dict] = field(default_factory=dict)  # identity -> the stack's own WorkSpace
    adopted: dict[str, dict] = field(default_factory=dict)  # identity -> the WorkSpace importId names
    # identity -> a WorkSpace of the user in the directory that is not the stack's and not adopted
    in_the_way: dict[str, dict] = field(default_factory=dict)
    # identity -> the importId that names no WorkSpace of the user in the directory
    import_missing: dict[str, str] = field(default_factory=dict)

    @property
    def first_up(self) -> bool:
        """No WorkSpace of the stack exists yet: the directory registration, the default role and the
        policy attachments are created by this `pulumi up` too."""
        return not self.deployed


def rollout_of(
    stack: PreflightStack, workspaces: Iterable[Mapping[str, Any]], stack_key_arn: str | None
) -> Rollout:
    in_directory = {
        user_identity(str(w.get("UserName", ""))): dict(w)
        for w in workspaces
        if w.get("DirectoryId") == stack.directory_id
    }
    stack_key = _key_id(stack_key_arn) if stack_key_arn else None
    creates, deployed, adopted, in_the_way, import_missing = [], {}, {}, {}, {}
    for identity, user in stack.users.items():
        workspace = in_directory.get(identity)
        if user.import_id is not None:
            if workspace is not None and workspace.get("WorkspaceId") == user.import_id:
                adopted[identity] = workspace
            elif workspace is not None:
                in_the_way[identity] = workspace
            else:
                import_missing[identity] = user.import_id
        elif workspace is None:
            creates.append(identity)
        elif stack_key is not None and _key_id(str(workspace.get("VolumeEncryptionKey") or "")) == stack_key:
            deployed[identity] = workspace
        else:
            in_the_way[identity] = workspace
    return Rollout(tuple(creates), deployed, adopted, in_the_way, import_missing)
