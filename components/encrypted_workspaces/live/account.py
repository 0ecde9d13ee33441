"""A stack is read only in its own account: another account's WorkSpaces are not the stack's, and
every user would look missing (audit) or every check would be about the wrong account (preflight)."""

from __future__ import annotations

from encrypted_workspaces.errors import ConfigError


def require_the_stacks_account(account_id: str, stack: str, stack_account_id: str, command: str) -> None:
    """Raises ConfigError (exit 2) when the credentials are for another account than the stack's."""
    if account_id != stack_account_id:
        raise ConfigError(
            [
                f"aws:allowedAccountIds: the stack {stack} deploys to account {stack_account_id}, but the "
                f"credentials are for account {account_id}; run {command} with credentials for the "
                "stack's own account"
            ]
        )
