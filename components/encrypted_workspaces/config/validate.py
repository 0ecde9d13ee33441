"""``validate_args``: the namespace parsed and checked across fields, or every problem at once."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from pydantic import ValidationError

from encrypted_workspaces.errors import ConfigError

from .args import EncryptedWorkspacesArgs
from .checks import cross_field_problems
from .deferred import with_outputs_checked
from .paths import NAMESPACE, STACK_PATHS, STACK_PREFIX, KeyPaths
from .planning import is_planning, note
from .problems import cut_key_path, problems_from_validation_error, unchecked_lines
from .provider import region_problem
from .secrets import PLACEHOLDER_PASSES
from .target import StackTarget

__all__ = ["NAMESPACE", "validate_args"]


def _parsed(raw: Mapping[str, Any], paths: KeyPaths) -> EncryptedWorkspacesArgs:
    """The namespace parsed, or ConfigError. Under plan, a second pass lets the placeholder of a
    ``secure:`` value pass where Pulumi passes the value on to AWS (config/secrets.py); the checks the
    first pass made on those placeholders are noted as not made (config/planning.py)."""
    path_of = partial(paths.of_loc, EncryptedWorkspacesArgs)
    try:
        return EncryptedWorkspacesArgs.model_validate(dict(raw))
    except ValidationError as error:
        if not is_planning():
            raise ConfigError(
                problems_from_validation_error(error, EncryptedWorkspacesArgs, STACK_PREFIX, path_of)
            ) from None
        unchecked = error
    try:
        args = EncryptedWorkspacesArgs.model_validate(dict(raw), context=PLACEHOLDER_PASSES)
    except ValidationError as error:
        raise ConfigError(
            problems_from_validation_error(error, EncryptedWorkspacesArgs, STACK_PREFIX, path_of)
        ) from None
    # plan reads stack files only: the placeholders' key paths are the stack file's.
    note(unchecked_lines(unchecked, STACK_PREFIX))
    return args


def validate_args(
    raw: Mapping[str, Any] | EncryptedWorkspacesArgs,
    target: StackTarget | None = None,
    *,
    paths: KeyPaths = STACK_PATHS,
) -> EncryptedWorkspacesArgs:
    """Validate the ``encrypted-workspaces:*`` namespace; raise ConfigError with every problem.

    ``target`` (region, account) lets the ARNs that must be the stack's own be checked against it;
    ``paths`` names each problem's key as the caller wrote it (a stack file's by default). Arguments
    that are Outputs are checked when they resolve (``deferred.py``): the result holds them checked.
    Under plan (config/planning.py), a ``secure:`` value's placeholder passes where Pulumi passes the
    value on to AWS as it is, and the checks not made are noted.
    """
    if isinstance(raw, EncryptedWorkspacesArgs):
        if raw._checked:
            return raw
        args = raw
    else:
        args = _parsed(raw, paths)
    target = target or StackTarget()
    problems = [
        f"{cut_key_path(paths.of_dotted(args, path))}: {message}"
        for path, message in cross_field_problems(args, target)
    ]
    if target.region is not None and (problem := region_problem(target.region)):
        problems.insert(0, f"aws:region: {problem}")
    if problems:
        raise ConfigError(problems)
    args, gate = with_outputs_checked(args, target, paths)
    args._gate = gate
    args._paths = paths
    args._checked = True
    return args
