"""Stable logical names: a WorkSpace is named after its user, never after its position."""

from __future__ import annotations

import re

from encrypted_workspaces.aws.limits import USER_NAME_PATTERN

# The user-name characters are also safe in a Pulumi URN, so the normalized name can be the logical
# name as it is.
_USER_NAME = re.compile(USER_NAME_PATTERN)


def normalized_user_name(user_name: str) -> str:
    """The case-folded user name: directory user names are case-insensitive."""
    if not _USER_NAME.fullmatch(user_name):
        raise ValueError(
            "user names are 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit "
            f"(got {user_name!r})"
        )
    return user_name.lower()


def default_key_alias(stack: str) -> str:
    """The key's alias when the config names none: one key per stack needs one name per stack."""
    # Stack names may contain '.', which aliases do not allow.
    return "alias/encrypted-workspaces-" + stack.replace(".", "-")


def workspace_logical_name(component_name: str, user_name: str) -> str:
    """Logical (URN) name of a user's WorkSpace: reordering users never renames one."""
    return f"{component_name}-workspace-{normalized_user_name(user_name)}"
