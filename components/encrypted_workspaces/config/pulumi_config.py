"""Reading the ``encrypted-workspaces:*`` namespace from a flat Pulumi config."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from typing import Any

from .args import EncryptedWorkspacesArgs
from .target import target_from_flat_config
from .validate import NAMESPACE, validate_args

__all__ = ["NAMESPACE", "args_from_pulumi_config", "namespace_values"]


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


def args_from_pulumi_config() -> EncryptedWorkspacesArgs:
    """The validated ``encrypted-workspaces:*`` namespace of the running stack's config."""
    from pulumi.runtime import config as runtime_config

    flat = {**runtime_config.get_config_env(), **runtime_config.CONFIG.get()}
    return validate_args(namespace_values(flat), target_from_flat_config(flat))
