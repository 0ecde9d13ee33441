"""What plan reads before it runs the program: the guardrails' settings, the stack file and the
deployment to compare with."""

from __future__ import annotations

import json
from pathlib import Path

from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.rules import PackConfig

from .against import Deployed, load_deployed
from .stackfile import StackFile, read_stack_file


def guardrails_config(path: Path | None) -> PackConfig:
    """The guardrails' settings from a pack-config file; problems raise ConfigError, keyed by the file."""
    if path is None:
        return PackConfig.parse()
    try:
        raw = json.loads(path.read_text())
    except OSError as error:
        raise ConfigError([f"{path}: cannot read ({error.strerror})"]) from None
    except ValueError as error:
        raise ConfigError([f"{path}: not valid JSON ({error})"]) from None
    if not isinstance(raw, dict):
        raise ConfigError([f"{path}: a policy pack config is a JSON object of rule names"])
    try:
        return PackConfig.parse(raw)
    except ConfigError as error:
        raise ConfigError([f"{path}: {problem}" for problem in error.problems]) from None


def load_inputs(
    policy_config: Path | None, stack_path: Path, project: str, stack: str, against: Path | None = None
) -> tuple[PackConfig, StackFile, Deployed | None]:
    """The guardrails' config, the stack file and the deployment to compare with (``--against``),
    with every problem of all three in one ConfigError."""
    problems: list[str] = []
    settings = stack_file = deployed = None
    try:
        settings = guardrails_config(policy_config)
    except ConfigError as error:
        problems += error.problems
    if against is not None:
        try:
            deployed = load_deployed(against)
        except ConfigError as error:
            problems += error.problems
        else:
            if deployed.project not in (None, project):
                problems.append(
                    f"{deployed.path}: a deployment of project {deployed.project!r}, not of {project!r}"
                )
            elif deployed.stack not in (None, stack):
                # Every URN names its stack: another stack's deployment would compare as all new.
                problems.append(
                    f"{deployed.path}: the deployment of stack {deployed.stack!r}, not of {stack!r}; "
                    "compare a stack with its own plan.json or `pulumi stack export`"
                )
    try:
        stack_file = read_stack_file(stack_path, project, stack, stopping=bool(problems))
    except ConfigError as error:
        problems += error.problems
    if problems:
        raise ConfigError(problems)
    return settings, stack_file, deployed
