"""A stack file read the way ``plan`` reads it, and its namespace validated against the stack's own
region and account: the same lines, the same exit code (2), for every live command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from encrypted_workspaces.config import EncryptedWorkspacesArgs, args_from_flat_config
from encrypted_workspaces.plan.stackfile import StackFile, read_stack_file
from encrypted_workspaces.project import find_project, stack_file_path


@dataclass(frozen=True)
class ValidatedStack:
    file: StackFile  # its name, region and account, and the flat config
    args: EncryptedWorkspacesArgs  # the validated namespace


def read_validated_stack(
    project_dir: Path | None, stack: str | None, config: Path | None
) -> ValidatedStack:
    """``--config`` as given, else ``<stackConfigDir>/Pulumi.<stack>.yaml`` of the project in
    ``project_dir`` (None: the nearest at or above the current directory, as plan finds it). Raises
    ConfigError (exit 2) for a missing project or a missing or invalid stack file, with the lines
    ``plan`` prints."""
    project = find_project(project_dir)
    path = stack_file_path(project, stack, config)
    # The namespace is validated once, here, against the stack's region and account, as plan's stack
    # program validates it (read_stack_file validates it only when the region or account is wrong);
    # near misses of the namespace are refused as plan refuses them.
    stack_file = read_stack_file(path, project.name, stack)
    args = args_from_flat_config(stack_file.config, project=project.name)
    return ValidatedStack(stack_file, args)
