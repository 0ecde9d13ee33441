"""The stack program: read config, build one EncryptedWorkspaces, export its outputs.

Invalid config raises ConfigError, a pulumi.RunError: one line per problem, no traceback.
"""

import pulumi

from encrypted_workspaces import EncryptedWorkspaces
from encrypted_workspaces.config import args_from_pulumi_config

workspaces = EncryptedWorkspaces("workspaces", args_from_pulumi_config())

pulumi.export("keyArn", workspaces.key_arn)
pulumi.export("keyId", workspaces.key_id)
pulumi.export("aliasName", workspaces.alias_name)
pulumi.export("adminPolicyArns", workspaces.admin_policy_arns)
pulumi.export("directoryRegistrationId", workspaces.directory_registration_id)
pulumi.export("workspaceIds", workspaces.workspace_ids)
