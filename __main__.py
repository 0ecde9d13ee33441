"""The stack program: read config, build one EncryptedWorkspaces, export its outputs.

Invalid config raises ConfigError, a pulumi.RunError: one line per problem, no traceback.
"""

import pulumi

from encrypted_workspaces import EncryptedWorkspaces
from encrypted_workspaces.config import args_from_pulumi_config
from encrypted_workspaces.outputs import OUTPUTS

workspaces = EncryptedWorkspaces("workspaces", args_from_pulumi_config())

for output in OUTPUTS:
    pulumi.export(output.name, getattr(workspaces, output.attribute))
