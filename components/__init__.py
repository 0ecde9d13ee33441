"""The EncryptedWorkspaces component, its typed arguments and the config model."""

from .config import (
    ConfigError,
    EncryptedWorkspacesArgs,
    args_from_pulumi_config,
    validate_args,
)
from .encrypted_workspaces import EncryptedWorkspaces

__all__ = [
    "ConfigError",
    "EncryptedWorkspaces",
    "EncryptedWorkspacesArgs",
    "args_from_pulumi_config",
    "validate_args",
]
