"""What the config warns about instead of refusing: rules AWS applies or not depending on what the
config cannot see (the directory's type). One line each, starting with the key path; ``plan`` prints
them, ``pulumi up`` logs them (config/pulumi_config.py)."""

from __future__ import annotations

from encrypted_workspaces.aws.logon_names import logon_name_warnings

from .args import EncryptedWorkspacesArgs
from .problems import cut_key_path
from .validate import NAMESPACE


def config_warnings(args: EncryptedWorkspacesArgs) -> list[str]:
    """A line for each user name that only some directories hold (aws/logon_names.py)."""
    return [
        f"{NAMESPACE}:{cut_key_path(f'workspaces.users.{user}')}: {message}"
        for user in sorted(args.workspaces.users)
        for message in logon_name_warnings(user)
    ]
