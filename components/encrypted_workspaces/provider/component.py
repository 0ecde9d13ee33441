"""``EncryptedWorkspaces`` as the provider serves it: the Python component, with inputs and outputs
declared in the plain annotations Pulumi's analyzer reads.

No ``from __future__ import annotations`` here: the analyzer reads annotations as objects, not text.
"""

import inspect
from collections.abc import Mapping
from enum import Enum
from typing import Any

import pulumi

from encrypted_workspaces import component

from .args import EncryptedWorkspacesArgs


def plain_values(value: Any) -> Any:
    """The provider's inputs as the config model reads them: enum members back to their values."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {key: plain_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_values(item) for item in value]
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
        self, name: str, args: EncryptedWorkspacesArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(name, plain_values(args), opts)


# The analyzer takes ``__doc__`` as the package's description of the component, indentation and all.
EncryptedWorkspaces.__doc__ = inspect.cleandoc(EncryptedWorkspaces.__doc__)
