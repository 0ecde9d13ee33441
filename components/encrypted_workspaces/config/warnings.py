"""What the config warns about instead of refusing: rules AWS applies or not depending on what the
config cannot see (the directory's type), and users listed but not deployed yet (a later wave). One
line each, starting with the key path; ``plan`` prints them, ``pulumi up`` logs them
(config/pulumi_config.py)."""

from __future__ import annotations

from collections import Counter

from encrypted_workspaces.aws.logon_names import logon_name_warnings

from .args import EncryptedWorkspacesArgs
from .problems import cut_key_path
from .validate import NAMESPACE

# How many later waves the line counts one by one before it says how many more there are: a line stays
# a line however many waves a fleet has.
_WAVES_LISTED = 5


def _users(count: int) -> str:
    return f"{count} user{'' if count == 1 else 's'}"


def waiting_users_line(args: EncryptedWorkspacesArgs) -> list[str]:
    """One line (none when every user is deployed) for the users whose wave is above workspaces.wave:
    they are listed, and get no WorkSpace until the wave is raised."""
    workspaces = args.workspaces
    waiting = workspaces.waiting_users
    if not waiting:
        return []
    per_wave = sorted(Counter(workspaces.users[user].wave for user in waiting).items())
    listed = ", ".join(f"wave {wave}: {count}" for wave, count in per_wave[:_WAVES_LISTED])
    if len(per_wave) > _WAVES_LISTED:
        listed += f" and {len(per_wave) - _WAVES_LISTED} more waves"
    wait, get = ("waits", "gets") if len(waiting) == 1 else ("wait", "get")
    return [
        f"{NAMESPACE}:workspaces.wave: {len(waiting)} of {_users(len(workspaces.users))} {wait} for a "
        f"later wave ({listed}) and {get} no WorkSpace until workspaces.wave reaches it"
    ]


def config_warnings(args: EncryptedWorkspacesArgs) -> list[str]:
    """A line for each user name that only some directories hold (aws/logon_names.py), then one for
    the users who wait for a later wave."""
    return [
        f"{NAMESPACE}:{cut_key_path(f'workspaces.users.{user}')}: {message}"
        for user in sorted(args.workspaces.users)
        for message in logon_name_warnings(user)
    ] + waiting_users_line(args)
