"""Stable logical names: a WorkSpace is named after its user, never after its position.

A user's identity is the name NFC-normalized and case-folded: directory user names are
case-insensitive, in any script. The logical (URN) name is that identity where it is already URN-safe
(``[a-z0-9][a-z0-9._-]*``: every name this component accepted before it accepted other scripts, so
those logical names are unchanged); otherwise its URN-safe letters followed by the first 12 hex digits
of the identity's SHA-256, e.g. ``José`` -> ``jos-<hash>``: stable, URN-safe and distinct per user.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from encrypted_workspaces.aws.limits import user_name_problem

_URN_SAFE = re.compile(r"[a-z0-9][a-z0-9._-]*")
_NOT_URN_SAFE = re.compile(r"[^a-z0-9._-]+")
_DIGEST_LENGTH = 12
_SKELETON_MAX_LENGTH = 40


def user_identity(user_name: str) -> str:
    """A user name as the directory compares it, whatever the name (one AWS reports, say): NFC-normalized
    and case-folded (``lower()`` for ASCII names)."""
    return unicodedata.normalize("NFC", user_name).casefold()


def normalized_user_name(user_name: str) -> str:
    """The identity of a user name the stack may hold (ValueError naming the problem otherwise)."""
    problem = user_name_problem(user_name)
    if problem:
        raise ValueError(problem)
    return user_identity(user_name)


def logical_user_part(user_name: str) -> str:
    """The URN-safe part of a WorkSpace's logical name that comes from its user's name."""
    identity = normalized_user_name(user_name)
    if _URN_SAFE.fullmatch(identity):
        return identity
    skeleton = _NOT_URN_SAFE.sub("-", identity).strip("-._")[:_SKELETON_MAX_LENGTH].rstrip("-._")
    digest = hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST_LENGTH]
    return f"{skeleton or 'user'}-{digest}"


def default_key_alias(stack: str) -> str:
    """The key's alias when the config names none: one key per stack needs one name per stack."""
    # Stack names may contain '.', which aliases do not allow.
    return "alias/encrypted-workspaces-" + stack.replace(".", "-")


def workspace_logical_name(component_name: str, user_name: str) -> str:
    """Logical (URN) name of a user's WorkSpace: reordering users never renames one."""
    return f"{component_name}-workspace-{logical_user_part(user_name)}"
