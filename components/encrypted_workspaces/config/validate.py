"""``validate_args``: the namespace parsed and checked across fields, or every problem at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from encrypted_workspaces.errors import ConfigError

from .args import EncryptedWorkspacesArgs
from .checks import cross_field_problems
from .planning import is_planning, note
from .problems import cut_key_path, problems_from_validation_error, unchecked_lines
from .provider import region_problem
from .secrets import PLACEHOLDER_PASSES
from .target import StackTarget

NAMESPACE = "encrypted-workspaces"


def _parsed(raw: Mapping[str, Any], prefix: str) -> EncryptedWorkspacesArgs:
    """The namespace parsed, or ConfigError. Under plan, a second pass lets the placeholder of a
    ``secure:`` value pass where Pulumi passes the value on to AWS (config/secrets.py); the checks the
    first pass made on those placeholders are noted as not made (config/planning.py)."""
    try:
        return EncryptedWorkspacesArgs.model_validate(dict(raw))
    except ValidationError as error:
        if not is_planning():
            raise ConfigError(
                problems_from_validation_error(error, EncryptedWorkspacesArgs, prefix)
            ) from None
        unchecked = error
    try:
        args = EncryptedWorkspacesArgs.model_validate(dict(raw), context=PLACEHOLDER_PASSES)
    except ValidationError as error:
        raise ConfigError(problems_from_validation_error(error, EncryptedWorkspacesArgs, prefix)) from None
    note(unchecked_lines(unchecked, prefix))
    return args


def validate_args(
    raw: Mapping[str, Any] | EncryptedWorkspacesArgs, target: StackTarget | None = None
) -> EncryptedWorkspacesArgs:
    """Validate the ``encrypted-workspaces:*`` namespace; raise ConfigError with every problem.

    ``target`` (region, account) lets the ARNs that must be the stack's own be checked against it.
    Under plan (config/planning.py), a ``secure:`` value's placeholder passes where Pulumi passes the
    value on to AWS as it is, and the checks not made are noted.
    """
    prefix = f"{NAMESPACE}:"
    if isinstance(raw, EncryptedWorkspacesArgs):
        if raw._checked:
            return raw
        args = raw
    else:
        args = _parsed(raw, prefix)
    target = target or StackTarget()
    problems = [
        f"{prefix}{cut_key_path(path)}: {message}" for path, message in cross_field_problems(args, target)
    ]
    if target.region is not None and (problem := region_problem(target.region)):
        problems.insert(0, f"aws:region: {problem}")
    if problems:
        raise ConfigError(problems)
    args._checked = True
    return args
