"""``EncryptedWorkspacesArgs``: the whole ``encrypted-workspaces:*`` namespace, section by section."""

from __future__ import annotations

from pydantic import PrivateAttr

from encrypted_workspaces.aws.arns import principal_kind

from .administrators import AdministratorsConfig
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

    @property
    def key_users(self) -> list[str]:
        """Key policy statements 3 and 4: extra key users plus the administrators' roles and users."""
        admins = {arn for arn in self.administrators.principals if principal_kind(arn) != "group"}
        return sorted(set(self.key.users) | admins)
