"""Extra key-policy statements (``key.extraStatements``): what may be appended to the four documented
statements of documents/key_policy.py, checked as KMS reads a key policy.

Each statement has the elements of a key policy statement ("Elements in a key policy", AWS KMS
Developer Guide): Sid (optional), Effect, Principal, Action or NotAction, Resource and Condition
(optional). KMS accepts a statement without Action or Resource but gives it no effect ("the policy
statement has no effect", CreateKey's Policy parameter), so both are required here; Resource is
``"*"``, which in a key policy means this key.

They add to the documented statements, never take from them:
- Effect is Allow. An explicit Deny overrides every Allow (IAM's policy evaluation logic), so an extra
  Deny could take from the four statements, the account root's ``kms:*`` included, and lock the
  account out of its key (the lockout CreateKey and PutKeyPolicy guard against). A deny belongs in an
  IAM policy or an SCP, which cannot lock the key out: the root statement lets IAM grant access again.
- A Sid is not one of the four documented Sids, nor another extra statement's: IAM requires distinct
  Sids, and a reviewer names each statement by its Sid.
- Principal ``*`` needs a Condition: "do not set the Principal to an asterisk (*) in any key policy
  statement that allows permissions unless you use conditions to limit the key policy" (AWS KMS
  Developer Guide, "Determining access to an AWS KMS key").
- Every action is a KMS action that exists (aws/kms_actions.py), or a pattern that matches one: a key
  policy governs its key, which only KMS actions act on.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from typing import Any

from encrypted_workspaces.aws.kms_actions import KMS_ACTIONS
from encrypted_workspaces.aws.partitions import PARTITION_PATTERN

from .key_policy import SID_ACCOUNT_ROOT, SID_KEY_ADMINISTRATORS, SID_KEY_USER_GRANTS, SID_KEY_USERS

DOCUMENTED_SIDS = (SID_ACCOUNT_ROOT, SID_KEY_ADMINISTRATORS, SID_KEY_USERS, SID_KEY_USER_GRANTS)
STATEMENT_KEYS = ("Sid", "Effect", "Principal", "Action", "NotAction", "Resource", "Condition")
PRINCIPAL_KINDS = ("AWS", "Service", "Federated")
_KMS_ACTIONS = frozenset(action.lower() for action in KMS_ACTIONS)
# An AWS principal: an account id, an account's root, or an IAM role, user or assumed-role session.
_AWS_PRINCIPAL = re.compile(
    rf"[0-9]{{12}}|arn:(?:{PARTITION_PATTERN}):(?:iam::[0-9]{{12}}:(?:root|role/.+|user/.+)"
    rf"|sts::[0-9]{{12}}:assumed-role/.+)"
)
_SERVICE_PRINCIPAL = re.compile(r"[a-z0-9.-]+\.amazonaws\.com(?:\.cn)?")

# The JSON Schema of one statement (the stack-file schema, the inputs table of docs/inputs.md).
STATEMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["Effect", "Principal", "Resource"],
    "oneOf": [{"required": ["Action"]}, {"required": ["NotAction"]}],
    "properties": {
        "Sid": {"type": "string", "minLength": 1, "not": {"enum": list(DOCUMENTED_SIDS)}},
        "Effect": {"enum": ["Allow"]},
        "Principal": {
            "anyOf": [
                {"const": "*"},
                {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": False,
                    "properties": {
                        kind: {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
                        for kind in PRINCIPAL_KINDS
                    },
                },
            ]
        },
        **{
            key: {
                "anyOf": [
                    {"type": "string", "pattern": "^kms:"},
                    {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^kms:"}},
                ]
            }
            for key in ("Action", "NotAction")
        },
        "Resource": {"anyOf": [{"const": "*"}, {"const": ["*"]}]},
        "Condition": {"type": "object", "additionalProperties": {"type": "object"}},
    },
}


def _strings(value: Any) -> list[str] | None:
    """A string or a non-empty list of strings, as a list; None for anything else."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def _action_problem(action: str) -> str | None:
    pattern = action.lower()
    if pattern == "*":
        return None
    if not pattern.startswith("kms:"):
        return f"{action!r} is not a KMS action: a key policy governs its key, which only kms: actions act on"
    if any(c in pattern for c in "*?"):
        return None if fnmatch.filter(_KMS_ACTIONS, pattern) else f"{action!r} matches no KMS action"
    return (
        None if pattern in _KMS_ACTIONS else f"{action!r} is not a KMS action (aws/kms_actions.py lists them)"
    )


def _principal_problems(principal: Any) -> list[str]:
    if principal == "*":
        return []
    if not isinstance(principal, Mapping) or not principal:
        return [f'must be "*" or a mapping of AWS, Service or Federated to principals (got {principal!r})']
    problems = []
    for kind, value in principal.items():
        values = _strings(value)
        if kind not in PRINCIPAL_KINDS:
            problems.append(f"unknown principal kind {kind!r} (allowed: {', '.join(PRINCIPAL_KINDS)})")
        elif values is None:
            problems.append(f"{kind} must be a string or a list of strings (got {value!r})")
        elif kind == "AWS":
            problems += [
                f"AWS principal {item!r} is not an account id, an account root, IAM role or user ARN, or *"
                for item in values
                if item != "*" and not _AWS_PRINCIPAL.fullmatch(item)
            ]
        elif kind == "Service":
            problems += [
                f"service principal {item!r} is not a service name such as cloudtrail.amazonaws.com"
                for item in values
                if not _SERVICE_PRINCIPAL.fullmatch(item)
            ]
    return problems


def _allows_everyone(principal: Any) -> bool:
    if principal == "*":
        return True
    return isinstance(principal, Mapping) and "*" in (_strings(principal.get("AWS")) or [])


def extra_statement_problems(statement: Any) -> list[tuple[str, str]]:
    """(element, message) for each problem of one extra statement ("" for the statement itself)."""
    if not isinstance(statement, Mapping):
        return [("", f"must be a mapping of statement elements to values (got {statement!r})")]
    problems = [
        ("", f"unknown element {key!r} (allowed: {', '.join(STATEMENT_KEYS)})")
        for key in statement
        if key not in STATEMENT_KEYS
    ]
    sid = statement.get("Sid")
    if "Sid" in statement and (not isinstance(sid, str) or not sid):
        problems.append(("Sid", f"must be a non-empty string (got {sid!r})"))
    elif sid in DOCUMENTED_SIDS:
        problems.append(("Sid", f"{sid!r} is a documented statement's Sid; Sids must be distinct"))
    effect = statement.get("Effect")
    if effect != "Allow":
        problems.append(
            (
                "Effect",
                "must be Allow: an extra statement adds to the documented four, never takes from them; a "
                f"Deny overrides every Allow, the account root's included (got {effect!r})",
            )
        )
    if "Principal" not in statement:
        problems.append(("Principal", "required: each key policy statement must name its principals"))
    else:
        problems += [("Principal", problem) for problem in _principal_problems(statement["Principal"])]
        if _allows_everyone(statement["Principal"]) and not statement.get("Condition"):
            problems.append(
                ("Principal", "* allows every AWS principal: limit it with a Condition (AWS KMS guidance)")
            )
    named = [key for key in ("Action", "NotAction") if key in statement]
    if len(named) != 1:
        problems.append(
            ("", "give exactly one of Action and NotAction: without either the statement has no effect")
        )
    for key in named:
        actions = _strings(statement[key])
        if actions is None:
            problems.append(
                (key, f"must be a string or a non-empty list of strings (got {statement[key]!r})")
            )
            continue
        problems += [(key, problem) for action in actions if (problem := _action_problem(action))]
    if statement.get("Resource") not in ("*", ["*"]):
        problems.append(
            (
                "Resource",
                f'must be "*", which in a key policy means this key (got {statement.get("Resource")!r})',
            )
        )
    condition = statement.get("Condition")
    if "Condition" in statement and (
        not isinstance(condition, Mapping) or not all(isinstance(v, Mapping) for v in condition.values())
    ):
        problems.append(
            ("Condition", f"must map condition operators to mappings of keys to values (got {condition!r})")
        )
    return problems
