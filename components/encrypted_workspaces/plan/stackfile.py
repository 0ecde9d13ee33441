"""Reading a Pulumi stack file the way Pulumi does, for the offline plan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from encrypted_workspaces.aws import limits
from encrypted_workspaces.config import NAMESPACE, namespace_values, validate_args
from encrypted_workspaces.config.target import target_from_flat_config
from encrypted_workspaces.errors import ConfigError

# What plan shows in place of a `secure:` value: it has no key to decrypt it, and needs none.
SECRET_PLACEHOLDER = "[secret]"
# libyaml's loader when PyYAML has it: a stack with thousands of users parses ~10x faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_REGION = re.compile(limits.REGION_PATTERN)
_ACCOUNT_ID = re.compile(limits.ACCOUNT_ID_PATTERN)


@dataclass(frozen=True)
class StackFile:
    path: Path
    project: str
    stack: str
    config: dict[str, Any]  # flat, "namespace:key" -> value
    region: str
    account_id: str


def read_project(project_file: Path) -> tuple[str, str]:
    """The project's name and its stack config directory, from Pulumi.yaml."""
    project = yaml.load(project_file.read_text(), Loader=YAML_LOADER)
    return project["name"], project.get("stackConfigDir", ".")


def stack_file_path(project_dir: Path, stack_config_dir: str, stack: str | None, config: Path | None) -> Path:
    """``--config`` as given, else ``<project>/<stackConfigDir>/Pulumi.<stack>.yaml`` (stack dev).

    Raises ConfigError when there is no such file, naming the stack files there are.
    """
    path = config or project_dir / stack_config_dir / f"Pulumi.{stack or 'dev'}.yaml"
    if not path.is_file():
        known = sorted(p.name for p in path.parent.glob("Pulumi.*.yaml"))
        raise ConfigError([f"no stack file {path} (found: {', '.join(known) or 'none'})"])
    return path


def stack_name_of(path: Path) -> str:
    """``Pulumi.dev.yaml`` -> ``dev``; any other file name -> its stem."""
    name = path.name
    if name.startswith("Pulumi.") and name.endswith((".yaml", ".yml")):
        return name[len("Pulumi.") :].rsplit(".", 1)[0]
    return path.stem


def _without_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"secure"}:
            return SECRET_PLACEHOLDER
        return {key: _without_secrets(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_secrets(item) for item in value]
    return value


def read_stack_file(
    path: Path, project: str, stack: str | None = None, *, stopping: bool = False
) -> StackFile:
    """Flat config from a stack file: keys without a namespace belong to the project, as in Pulumi.

    Checks what plan needs (region, account); if that fails, or if plan is ``stopping`` anyway for
    another reason, the project namespace too, so that every problem is reported at once. (Otherwise
    the stack program validates the namespace when it runs.)

    Raises ConfigError: one line per problem, each starting with a file or key path.
    """
    try:
        document = yaml.load(path.read_text(), Loader=YAML_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise ConfigError([f"{path}: not valid YAML{where}: {getattr(error, 'problem', error)}"]) from None
    if not isinstance(document, dict) or not isinstance(document.get("config", {}), dict):
        raise ConfigError([f"{path}: a stack file is a mapping with a 'config:' mapping"])
    config: dict[str, Any] = {}
    for key, value in (document.get("config") or {}).items():
        full_key = key if ":" in key else f"{project}:{key}"
        config[full_key] = _without_secrets(value)

    problems = []
    region = config.get("aws:region")
    if not isinstance(region, str) or not _REGION.fullmatch(region):
        problems.append(f"aws:region: must be an AWS region such as eu-west-1 (got {region!r})")
    accounts = config.get("aws:allowedAccountIds")
    if not isinstance(accounts, list) or len(accounts) != 1 or not _ACCOUNT_ID.fullmatch(str(accounts[0])):
        problems.append(
            "aws:allowedAccountIds: must list the one 12-digit account the stack deploys to; plan takes the "
            f"account id from here (got {accounts!r})"
        )
    # The program validates the namespace itself when it runs; here only to report every problem at
    # once when plan stops before running it. Another project's program validates its own config.
    if (problems or stopping) and project == NAMESPACE:
        try:
            validate_args(namespace_values(config), target_from_flat_config(config))
        except ConfigError as error:
            problems += error.problems
    if problems:
        raise ConfigError(problems)
    return StackFile(
        path=path,
        project=project,
        stack=stack or stack_name_of(path),
        config=config,
        region=region,
        account_id=str(accounts[0]),
    )
