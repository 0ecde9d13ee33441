"""The provider's inputs as the component takes them.

The served class itself is generated (``provider/args.py``, from the config model and
``outputs.OUTPUTS``); this module turns what arrives on the wire into the component's arguments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, get_args, get_origin

import pulumi
from pydantic import BaseModel

from encrypted_workspaces.config import EncryptedWorkspacesArgs
from encrypted_workspaces.config.inputs import field_annotation, is_output, strip
from encrypted_workspaces.config.paths import field_name


def _whole(value: Any) -> Any:
    """A number as the model reads it: numbers arrive as floats on the wire (from TypeScript, say)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def model_input(annotation: Any, value: Any) -> Any:
    """A provider input as the config model reads a stack file: camelCase keys (so that a problem is
    reported at the key the program wrote), enum members as their values, and whole numbers as ints.

    A value may be an Output (an output of another resource, unknown during a preview): a number's is
    converted when it resolves, and an Output where the model needs a plain value (a section, the
    users) is left for the model to refuse by name."""
    plain = strip(annotation)
    if is_output(value):
        return pulumi.Output.from_input(value).apply(_whole) if plain is int else value
    if isinstance(value, Enum):
        return value.value
    origin = get_origin(plain)
    if isinstance(plain, type) and issubclass(plain, BaseModel) and isinstance(value, Mapping):
        converted = {}
        for key, item in value.items():
            name = field_name(plain, key)
            if name is None:
                converted[key] = item  # an unknown key: the model refuses it by name
            else:
                converted[plain.model_fields[name].alias or name] = model_input(
                    field_annotation(plain, name), item
                )
        return converted
    if origin in (dict, Mapping) and isinstance(value, Mapping):
        return {key: model_input(get_args(plain)[1], item) for key, item in value.items()}
    if origin in (list, Sequence) and isinstance(value, list | tuple):
        return [model_input(get_args(plain)[0], item) for item in value]
    return _whole(value) if plain is int else value


def served_args(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The component's arguments from the provider's inputs (schema names, as on the wire)."""
    return model_input(EncryptedWorkspacesArgs, inputs)
