"""Reading the ``encrypted-workspaces:*`` namespace from a flat Pulumi config: the one way plan, audit
and ``pulumi up`` read it, so that each refuses the same things with the same lines."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from typing import Any

from encrypted_workspaces.errors import ConfigError

from .args import EncryptedWorkspacesArgs
from .near_miss import closest
from .planning import note
from .target import StackTarget, target_from_flat_config
from .validate import NAMESPACE, validate_args

__all__ = [
    "NAMESPACE",
    "args_from_flat_config",
    "args_from_pulumi_config",
    "namespace_problems",
    "namespace_values",
]


def namespace_values(config: Mapping[str, Any]) -> dict[str, Any]:
    """The ``encrypted-workspaces:*`` entries of a flat Pulumi config, objects decoded from JSON."""
    values: dict[str, Any] = {}
    for full_key, value in config.items():
        namespace, _, key = full_key.partition(":")
        if namespace != NAMESPACE:
            continue
        if isinstance(value, str):
            # The CLI passes objects as JSON text; a plain string stays a string.
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        values[key] = value
    return values


def namespace_problems(config: Mapping[str, Any], project: str | None = None) -> list[str]:
    """A line for each key whose namespace is a near miss of ours (``encrypted-workspace:``,
    ``encrypted_workspaces:``, ``encryptedworkspaces:``), naming the key we think was meant.

    Pulumi passes such a key to no one, so what it asks for (an alarm, tags) would silently not be
    there. Every other namespace (``aws:``, ``kubernetes:``, the project's own: ``project``) is
    someone else's, and accepted.
    """
    keys = [field.alias or name for name, field in EncryptedWorkspacesArgs.model_fields.items()]
    problems = []
    for full_key in config:
        namespace, _, key = full_key.partition(":")
        if namespace in (NAMESPACE, project) or closest(namespace, [NAMESPACE]) is None:
            continue
        meant = f"{NAMESPACE}:{closest(key, keys) or key}"
        problems.append(f"{full_key}: unknown namespace; did you mean {meant}?")
    return problems


def args_from_flat_config(
    config: Mapping[str, Any], target: StackTarget | None = None, *, project: str | None = None
) -> EncryptedWorkspacesArgs:
    """The validated namespace of a flat Pulumi config (``namespace:key`` -> value), near misses of
    the namespace refused with it: every problem at once, in one ConfigError.

    ``target`` defaults to the region and account of the config's ``aws:*`` keys; ``project`` is the
    Pulumi project, whose own namespace is never a near miss.
    """
    problems = namespace_problems(config, project)
    try:
        args = validate_args(namespace_values(config), target or target_from_flat_config(config))
    except ConfigError as error:
        raise ConfigError(problems + error.problems) from None
    if problems:
        raise ConfigError(problems)
    return args


def args_from_pulumi_config() -> EncryptedWorkspacesArgs:
    """The validated ``encrypted-workspaces:*`` namespace of the running stack's config."""
    import pulumi
    from pulumi.runtime import config as runtime_config

    flat = {**runtime_config.get_config_env(), **runtime_config.CONFIG.get()}
    args = args_from_flat_config(flat, project=pulumi.get_project())
    from .warnings import config_warnings

    warnings = config_warnings(args)
    if not note(warnings):  # under plan, plan prints them; under pulumi up, the engine shows them
        for line in warnings:
            pulumi.log.warn(line)
    return args
