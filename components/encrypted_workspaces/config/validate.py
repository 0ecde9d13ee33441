"""``validate_args``: the namespace parsed and checked across fields, or every problem at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from encrypted_workspaces.errors import ConfigError

from .args import EncryptedWorkspacesArgs
from .checks import cross_field_problems
from .problems import cut_key_path, problems_from_validation_error
from .provider import region_problem
from .target import StackTarget

NAMESPACE = "encrypted-workspaces"


def validate_args(
    raw: Mapping[str, Any] | EncryptedWorkspacesArgs, target: StackTarget | None = None
) -> EncryptedWorkspacesArgs:
    """Validate the ``encrypted-workspaces:*`` namespace; raise ConfigError with every problem.

    ``target`` (region, account) lets the ARNs that must be the stack's own be checked against it.
    """
    prefix = f"{NAMESPACE}:"
    if isinstance(raw, EncryptedWorkspacesArgs):
        if raw._checked:
            return raw
        args = raw
    else:
        try:
            args = EncryptedWorkspacesArgs.model_validate(dict(raw))
        except ValidationError as error:
            raise ConfigError(
                problems_from_validation_error(error, EncryptedWorkspacesArgs, prefix)
            ) from None
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
