"""encrypted-workspaces: Amazon WorkSpaces encrypted with a customer managed KMS key.

The public API: the component, its typed arguments, and the error every bad input raises. The map of
the package (each layer imports only the ones above it in this list):

- ``aws``: AWS facts (partitions, ARNs and id patterns, type tokens, API limits, timeouts);
- ``errors``: ``ConfigError``, one line per problem;
- ``documents``, ``rules``: policy documents and guardrail rules, pure;
- ``config``, ``naming``: the config model, a module per section, and stable logical names;
- ``component``, ``outputs``: the ``EncryptedWorkspaces`` ComponentResource;
- ``offline``, ``plan``, ``cli``: the mock engine and the commands.
"""

from encrypted_workspaces.component import EncryptedWorkspaces
from encrypted_workspaces.config import EncryptedWorkspacesArgs
from encrypted_workspaces.errors import ConfigError

__all__ = ["ConfigError", "EncryptedWorkspaces", "EncryptedWorkspacesArgs"]
