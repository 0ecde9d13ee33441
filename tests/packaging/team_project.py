"""A platform team's own Pulumi project, as a user of the installed package has one: its own name,
its own program using the component from its stack config, and a stack file in the component's
``encrypted-workspaces:`` namespace. No file of this repository is needed to plan it."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import REGION, flat_config, valid_namespace

TEAM_PROJECT = "euc-platform"
TEAM_STACK = "review"

TEAM_PROGRAM = '''"""euc-platform: our WorkSpaces, from the stack's encrypted-workspaces: config."""
import pulumi

from encrypted_workspaces import EncryptedWorkspaces
from encrypted_workspaces.config import args_from_pulumi_config

euc = EncryptedWorkspaces("euc", args_from_pulumi_config())

pulumi.export("workspaceIds", euc.workspace_ids)
pulumi.export("keyArn", euc.key_arn)
'''


def write_team_project(
    directory: Path,
    *,
    program: str = TEAM_PROGRAM,
    project_file: str = "Pulumi.yaml",
    stack_config_dir: str | None = None,
) -> Path:
    """Write the project into ``directory`` (created); return its stack file for ``TEAM_STACK``.

    Stack files sit beside the project file, as ``pulumi stack init`` puts them, unless
    ``stack_config_dir`` is given; they take the project file's extension, as Pulumi names them.
    """
    directory.mkdir(parents=True, exist_ok=True)
    project = {"name": TEAM_PROJECT, "runtime": {"name": "python", "options": {"virtualenv": "venv"}}}
    if stack_config_dir is not None:
        project["stackConfigDir"] = stack_config_dir
    (directory / project_file).write_text(yaml.safe_dump(project, sort_keys=False))
    (directory / "__main__.py").write_text(program)
    stacks = directory / (stack_config_dir or ".")
    stacks.mkdir(parents=True, exist_ok=True)
    stack_file = stacks / f"Pulumi.{TEAM_STACK}{Path(project_file).suffix}"
    stack_file.write_text(yaml.safe_dump({"config": flat_config(valid_namespace(), REGION)}, sort_keys=False))
    return stack_file
