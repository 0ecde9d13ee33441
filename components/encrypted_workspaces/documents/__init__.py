"""Policy documents as pure functions returning dicts (``json.dumps`` only at the edge), the named
action sets they are built from, how documents are read, and how they are linted."""

from .deployer import deployer_policy
from .events import key_state_change_pattern
from .iam import (
    audit_policy,
    key_grant_policy,
    preflight_policy,
    workspaces_administrator_policy,
    workspaces_default_role_trust_policy,
)
from .key_policy import workspaces_key_policy

__all__ = [
    "audit_policy",
    "deployer_policy",
    "preflight_policy",
    "key_state_change_pattern",
    "key_grant_policy",
    "workspaces_administrator_policy",
    "workspaces_default_role_trust_policy",
    "workspaces_key_policy",
]
