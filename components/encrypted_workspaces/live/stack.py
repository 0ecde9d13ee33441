"""A stack file read the way ``plan`` reads it, and its namespace validated against the stack's own
region and account: the same lines, the same exit code (2), for every live command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from encrypted_workspaces.config import EncryptedWorkspacesArgs, namespace_values, validate_args
from encrypted_workspaces.config.target import target_from_flat_config
from encrypted_workspaces.plan.stackfile import StackFile, read_project, read_stack_file, stack_file_path


@dataclass(frozen=True)
class ValidatedStack:
    file: StackFile  # its name, region and account, and the flat config
    args: EncryptedWorkspacesArgs  # the validated namespace


def read_validated_stack(project_dir: Path, stack: str | None, config: Path | None) -> ValidatedStack:
    """``--config`` as given, else ``<stackConfigDir>/Pulumi.<stack>.yaml`` of the project. Raises
    ConfigError (exit 2) for a missing or invalid stack file, with the lines ``plan`` prints."""
    project, stack_config_dir = read_project(project_dir / "Pulumi.yaml")
    path = stack_file_path(project_dir, stack_config_dir, stack, config)
    # The namespace is validated once, here, against the stack's region and account, as plan's stack
    # program validates it (read_stack_file validates it only when the region or account is wrong).
    stack_file = read_stack_file(path, project, stack)
    args = validate_args(namespace_values(stack_file.config), target_from_flat_config(stack_file.config))
    return ValidatedStack(stack_file, args)
