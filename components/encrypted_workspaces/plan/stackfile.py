"""Reading a Pulumi stack file the way Pulumi does, for the offline plan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from encrypted_workspaces.aws.limits import STACK_NAME_PATTERN
from encrypted_workspaces.config import NAMESPACE, args_from_flat_config
from encrypted_workspaces.config.problems import MISSING, SECRET_PLACEHOLDER
from encrypted_workspaces.config.provider import account_ids_problem, region_problem
from encrypted_workspaces.config.target import StackTarget
from encrypted_workspaces.errors import ConfigError

from .stack_yaml import load_yaml

_STACK_NAME = re.compile(STACK_NAME_PATTERN)


@dataclass(frozen=True)
class StackFile:
    path: Path
    project: str
    stack: str
    config: dict[str, Any]  # flat, "namespace:key" -> value
    region: str
    account_id: str


def stack_name_problem(stack: str) -> str | None:
    """What Pulumi would refuse in a stack name, or None."""
    if _STACK_NAME.fullmatch(stack):
        return None
    return (
        "stack names are 1 to 100 letters, digits, '_', '.' or '-' (Pulumi's rule; the file is "
        f"Pulumi.<stack>.yaml) (got {stack!r})"
    )


def stack_name_of(path: Path) -> str:
    """``Pulumi.dev.yaml`` (``.yml``, ``.json``: the project file's extension) -> ``dev``; any other file
    name -> its stem."""
    name = path.name
    if name.startswith("Pulumi.") and name.endswith((".yaml", ".yml", ".json")):
        return name[len("Pulumi.") :].rsplit(".", 1)[0]
    return path.stem


def config_key(key: str, project: str) -> str | None:
    """The ``namespace:name`` Pulumi makes of a stack file's config key, or None where it refuses it.

    Pulumi's ``config.ParseKey``: ``name`` (the project's), ``namespace:name``, or the old
    ``namespace:config:name``; nothing else.
    """
    parts = key.split(":")
    if len(parts) == 1:
        return f"{project}:{key}"
    if len(parts) == 2:
        return key
    if len(parts) == 3 and parts[1] == "config":
        return f"{parts[0]}:{parts[2]}"
    return None


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
    document = load_yaml(path, project)
    if document is None:
        document = {}
    if not isinstance(document, dict) or not isinstance(document.get("config") or {}, dict):
        raise ConfigError([f"{path}: a stack file is a mapping with a 'config:' mapping"])
    config: dict[str, Any] = {}
    problems = []
    given_as: dict[str, str] = {}
    for key, value in (document.get("config") or {}).items():
        full_key = config_key(key, project)
        if full_key is None:
            problems.append(
                f"{key}: not a config key: Pulumi reads `<namespace>:<name>` (or a bare name, the project's)"
            )
            continue
        if full_key in given_as:
            problems.append(f"{full_key}: is given twice, as {given_as[full_key]!r} and as {key!r}")
            continue
        given_as[full_key] = key
        config[full_key] = _without_secrets(value)

    region = config.get("aws:region", MISSING)
    if problem := region_problem(region):
        problems.append(f"aws:region: {problem}")
    accounts = config.get("aws:allowedAccountIds", MISSING)
    if problem := account_ids_problem(accounts):
        problems.append(f"aws:allowedAccountIds: {problem}")
    # The program validates the namespace itself when it runs; here only to report every problem at
    # once when plan stops before running it. Another project's program validates its own config.
    if (problems or stopping) and project == NAMESPACE:
        # The region's own problem is reported above: the checks against it are left out.
        target = StackTarget(
            region=None if region_problem(region) else region,
            account_id=None if account_ids_problem(accounts) else accounts[0],
        )
        try:
            args_from_flat_config(config, target, project=project)
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
        account_id=accounts[0],
    )
