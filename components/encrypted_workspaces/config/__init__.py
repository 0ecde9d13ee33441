"""The stack config model (docs/architecture.md, "Config"): a module per section, checks across
sections, pydantic errors as one line each, and reading the running stack's Pulumi config.

The same pydantic models are the component's typed arguments: a stack reads them from
``encrypted-workspaces:*`` config with camelCase keys (pulumi-aws property names); a program that
imports the component builds them with snake_case keyword arguments. Either way every problem is
reported at once, one line each, starting with the config key path::

    encrypted-workspaces:workspaces.users.bob.runningMode: must be AUTO_STOP or ALWAYS_ON (got 'SOMETIMES')
"""

from encrypted_workspaces.errors import ConfigError

from .args import EncryptedWorkspacesArgs
from .pulumi_config import (
    NAMESPACE,
    args_from_flat_config,
    args_from_pulumi_config,
    namespace_problems,
    namespace_values,
)
from .validate import validate_args

__all__ = [
    "NAMESPACE",
    "ConfigError",
    "EncryptedWorkspacesArgs",
    "args_from_flat_config",
    "args_from_pulumi_config",
    "namespace_problems",
    "namespace_values",
    "validate_args",
]
