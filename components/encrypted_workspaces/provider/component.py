"""``EncryptedWorkspaces`` as the provider serves it: the Python component, with inputs and outputs
declared in the plain annotations Pulumi's analyzer reads.

No ``from __future__ import annotations`` here: the analyzer reads annotations as objects, not text.
"""

import inspect
import types
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

import pulumi
from pydantic import BaseModel

from encrypted_workspaces import component
from encrypted_workspaces.config import EncryptedWorkspacesArgs as ConfigArgs

from .args import EncryptedWorkspacesInputs


def model_input(annotation: Any, value: Any) -> Any:
    """A provider input as the config model reads a stack file: camelCase keys (so that a problem is
    reported at the key the program wrote), enum members as their values, and whole numbers as ints
    (numbers arrive as floats on the wire)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return model_input(get_args(annotation)[0], value)
    if origin in (Union, types.UnionType):
        (annotation,) = [arg for arg in get_args(annotation) if arg is not type(None)]
        return model_input(annotation, value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(value, Mapping):
        fields = annotation.model_fields
        return {
            fields[key].alias if key in fields else key: model_input(fields[key].annotation, item)
            if key in fields
            else item  # an unknown key: the model refuses it by name
            for key, item in value.items()
        }
    if origin is dict and isinstance(value, Mapping):
        return {key: model_input(get_args(annotation)[1], item) for key, item in value.items()}
    if origin is list and isinstance(value, list | tuple):
        return [model_input(get_args(annotation)[0], item) for item in value]
    if annotation is int and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class EncryptedWorkspaces(component.EncryptedWorkspaces):
    """Amazon WorkSpaces encrypted with a customer managed KMS key, as the AWS documentation describes
    them: the key and its policy, the WorkSpaces administrators' IAM policies, the directory
    registration and one encrypted WorkSpace per user. Every input must be a plain value (not an
    output of another resource): user names become logical names, and the whole configuration is
    validated before anything is created."""

    key_arn: pulumi.Output[str]
    """The ARN of the customer managed key that encrypts the WorkSpaces."""
    key_id: pulumi.Output[str]
    """The id of the key."""
    alias_name: pulumi.Output[str]
    """The key's alias (alias/...)."""
    admin_policy_arns: pulumi.Output[dict[str, str]]
    """The ARNs of the two IAM policies attached to each WorkSpaces administrator: workspaces, kms."""
    directory_registration_id: pulumi.Output[str]
    """The id of the directory's WorkSpaces registration."""
    workspace_ids: pulumi.Output[dict[str, str]]
    """Each user's WorkSpace id, by user name."""

    def __init__(
        self, name: str, args: EncryptedWorkspacesInputs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(name, model_input(ConfigArgs, args), opts)


# The analyzer takes ``__doc__`` as the package's description of the component, indentation and all.
EncryptedWorkspaces.__doc__ = inspect.cleandoc(EncryptedWorkspaces.__doc__)
