"""``EncryptedWorkspacesArgs``: the whole ``encrypted-workspaces:*`` namespace, section by section."""

from __future__ import annotations

from typing import Any

from pydantic import PrivateAttr

from encrypted_workspaces.aws.arns import principal_kind

from .administrators import AdministratorsArgs
from .alarms import AlarmsArgs
from .base import ConfigModel, Tags
from .directory import DirectoryArgs
from .inputs import Input, Section, is_known
from .key import KeyArgs
from .workspaces import WorkspacesArgs


class EncryptedWorkspacesArgs(ConfigModel):
    """Everything the component needs: the ``encrypted-workspaces:*`` config namespace."""

    # Set by validate_args once the checks across fields have passed: the model is frozen, so the
    # stack program and the component do not check the same thousands of users twice.
    _checked: bool = PrivateAttr(default=False)
    # Set by validate_args when an argument is an Output: resolves (to []) once every Output has
    # resolved and the checks across fields have passed with their values (config/deferred.py).
    _gate: Any = PrivateAttr(default=None)
    # Set by validate_args: how the caller that validated these arguments names a key (paths.py), for a
    # problem found later (an existing key the look-up finds unusable).
    _paths: Any = PrivateAttr(default=None)

    tags: Tags = {}
    """Tags on every taggable resource; WorkSpaces also get Owner: <user>."""
    key: Section[KeyArgs]
    """The customer managed key that encrypts the WorkSpaces, and its policy."""
    administrators: Section[AdministratorsArgs] = AdministratorsArgs()
    """The WorkSpaces administrators and the IAM policies they get."""
    directory: Section[DirectoryArgs]
    """The Directory Service directory to register with WorkSpaces."""
    workspaces: Section[WorkspacesArgs]
    """One WorkSpace per directory user."""
    ebs_default_encryption: bool = False
    """Turn on the account's EBS encryption by default in this region, with this stack's key as the
    default key. Account-wide: every new EBS volume and snapshot copy in the region, of every team, is
    then encrypted with this key, and both settings are kept (retained) when the stack is destroyed.
    Defaults to false, because a stack should not change the whole account unless asked. Plain: it
    decides whether the two account settings exist."""
    alarms: Section[AlarmsArgs] = AlarmsArgs()
    """An alarm when the key is disabled or scheduled for deletion (none by default)."""

    @property
    def key_user_inputs(self) -> list[Input[list[str]]]:
        """Key policy statements 3 and 4, as Inputs: the extra key users, then the administrators'
        roles and users (principals and roles); groups cannot be key users."""
        admins = [arn for arn in self.administrators.principals if principal_kind(arn) != "group"]
        return [self.key.users, [*admins, *self.administrators.roles.values()]]

    @property
    def has_key_user(self) -> bool | None:
        """Whether the key has at least one key user; None while that waits for an Output."""
        users, others = self.key_user_inputs
        if others or (is_known(users) and users):
            return True
        return None if not is_known(users) else False

    @property
    def key_users(self) -> list[str]:
        """The key users, sorted and distinct, when every one is a plain value."""
        users, others = self.key_user_inputs
        known = [*users, *others]
        if not is_known(users, *known):
            raise ValueError("a key user is an Output: resolve key_user_inputs")
        return sorted(set(known))
