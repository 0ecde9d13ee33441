"""encrypted-workspaces: Amazon WorkSpaces encrypted with a customer managed KMS key.

The public API: the component, its typed arguments (named as Pulumi names input types: one class per
section of the stack config, each field a ``pulumi.Input`` where it is data), and the error every bad
argument raises. docs/library.md shows a program that uses them. The map of the package (each layer
imports only the ones above it in this list; docs/architecture.md says more):

- ``aws``: AWS facts (partitions, ARNs and id patterns, type tokens, API limits, timeouts);
- ``errors``, ``findings``: ``ConfigError``, one line per problem; the finding of a check;
- ``documents``, ``rules``: policy documents and guardrail rules, pure;
- ``config``, ``naming``: the config model, a module per section, and stable logical names;
- ``component``, ``parts``, ``outputs``: the ``EncryptedWorkspaces`` ComponentResource, step by step;
- ``offline``, ``plan``, ``audit``, ``schema``, ``provider``, ``cli``: the mock engine and the commands.
"""

from encrypted_workspaces.component import EncryptedWorkspaces
from encrypted_workspaces.config import EncryptedWorkspacesArgs
from encrypted_workspaces.config.administrators import AdministratorsArgs
from encrypted_workspaces.config.alarms import AlarmsArgs
from encrypted_workspaces.config.directory import (
    DirectoryArgs,
    IpGroupArgs,
    IpRuleArgs,
    SelfServicePermissionsArgs,
    WorkspaceAccessPropertiesArgs,
    WorkspaceCreationPropertiesArgs,
)
from encrypted_workspaces.config.key import KeyArgs
from encrypted_workspaces.config.workspaces import (
    WorkspaceOverridesArgs,
    WorkspacePropertiesArgs,
    WorkspacesArgs,
)
from encrypted_workspaces.errors import ConfigError

__all__ = [
    "AdministratorsArgs",
    "AlarmsArgs",
    "ConfigError",
    "DirectoryArgs",
    "EncryptedWorkspaces",
    "EncryptedWorkspacesArgs",
    "IpGroupArgs",
    "IpRuleArgs",
    "KeyArgs",
    "SelfServicePermissionsArgs",
    "WorkspaceAccessPropertiesArgs",
    "WorkspaceCreationPropertiesArgs",
    "WorkspaceOverridesArgs",
    "WorkspacePropertiesArgs",
    "WorkspacesArgs",
]
