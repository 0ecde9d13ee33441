"""``EncryptedWorkspacesArgs``: the whole ``encrypted-workspaces:*`` namespace, section by section."""

from __future__ import annotations

from pydantic import PrivateAttr

from encrypted_workspaces.aws.arns import principal_kind

from .administrators import AdministratorsConfig
from .alarms import AlarmsConfig
from .base import ConfigModel, Tags
from .directory import DirectoryConfig
from .key import KeyConfig
from .workspaces import WorkspacesConfig


class EncryptedWorkspacesArgs(ConfigModel):
    """Everything the component needs: the ``encrypted-workspaces:*`` config namespace."""

    # Set by validate_args once the checks across fields have passed: the model is frozen, so the
    # stack program and the component do not check the same thousands of users twice.
    _checked: bool = PrivateAttr(default=False)

    tags: Tags = {}
    """Tags on every taggable resource; WorkSpaces also get Owner: <user>."""
    key: KeyConfig
    """The customer managed key that encrypts the WorkSpaces, and its policy."""
    administrators: AdministratorsConfig = AdministratorsConfig()
    """The WorkSpaces administrators and the IAM policies they get."""
    directory: DirectoryConfig
    """The Directory Service directory to register with WorkSpaces."""
    workspaces: WorkspacesConfig
    """One WorkSpace per directory user."""
    ebs_default_encryption: bool = False
    """Turn on the account's EBS encryption by default in this region, with this stack's key as the
    default key. Account-wide: every new EBS volume and snapshot copy in the region, of every team, is
    then encrypted with this key, and both settings are kept (retained) when the stack is destroyed.
    Defaults to false, because a stack should not change the whole account unless asked."""
    alarms: AlarmsConfig = AlarmsConfig()
    """An alarm when the key is disabled or scheduled for deletion (none by default)."""

    @property
    def key_users(self) -> list[str]:
        """Key policy statements 3 and 4: extra key users plus the administrators' roles and users."""
        admins = {arn for arn in self.administrators.principals if principal_kind(arn) != "group"}
        return sorted(set(self.key.users) | admins)
