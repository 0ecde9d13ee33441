"""Arguments that are Outputs, validated when they resolve, with the message and key path a plain value
would get.

Each Output is checked on its own as soon as it resolves (``EncryptedWorkspacesArgs.directory
.directory_id: must be a Directory Service id ...``): the component uses the checked Output, so a bad
value fails the deployment before any resource takes it. Once every Output has resolved, the checks
across fields (``config/checks.py``) run again with every value known; the component makes its
resources wait for that (``depends_on``), so none is created from arguments that fail them. During a
preview an unknown value is accepted: ``apply`` does not run on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, get_args, get_origin

import pulumi
from pydantic import BaseModel, TypeAdapter, ValidationError

from encrypted_workspaces.errors import ConfigError

from .args import EncryptedWorkspacesArgs
from .checks import cross_field_problems
from .inputs import field_annotation, outputs_in, strip
from .paths import KeyPaths, field_name
from .problems import problem_message
from .target import StackTarget

Loc = tuple[Any, ...]


def _substituted(data: Any, values: Mapping[Loc, Any], loc: Loc = ()) -> Any:
    if loc in values:
        return values[loc]
    if isinstance(data, dict):
        return {key: _substituted(value, values, (*loc, key)) for key, value in data.items()}
    if isinstance(data, list):
        return [_substituted(value, values, (*loc, index)) for index, value in enumerate(data)]
    return data


def annotation_at(root: type[BaseModel], loc: Loc) -> Any:
    """The annotation a value at ``loc`` is validated as (an Input's plain type, with its limits)."""
    annotation: Any = root
    for part in loc:
        holder = strip(annotation)
        origin = get_origin(holder)
        if holder is Any:
            return Any  # inside a value of any shape (a key-policy statement): checked as a whole
        if isinstance(holder, type) and issubclass(holder, BaseModel):
            name = field_name(holder, part)
            if name is None:
                raise KeyError(f"{holder.__name__} has no field {part!r}")
            annotation = field_annotation(holder, name)
        elif origin in (list, Sequence):
            annotation = get_args(holder)[0]
        elif origin in (dict, Mapping):
            annotation = get_args(holder)[1]
        else:
            raise KeyError(f"nothing at {part!r} in {holder!r}")
    return annotation


def _leaf_check(root: type[BaseModel], loc: Loc, path_of: Callable[[Loc], str]) -> Callable[[Any], Any]:
    adapter = TypeAdapter(annotation_at(root, loc))

    def check(value: Any) -> Any:
        try:
            adapter.validate_python(value, strict=True)
        except ValidationError as error:
            raise ConfigError(
                [
                    f"{path_of((*loc, *item['loc']))}: {problem_message(item, root)}"
                    for item in error.errors(include_url=False)
                ]
            ) from None
        return value

    return check


def _check_known(
    data: dict[str, Any],
    values: Mapping[Loc, Any],
    target: StackTarget,
    paths: KeyPaths,
) -> list[Any]:
    """Every value known: the problems no single Output's own check reports, raised as ConfigError.

    Returns no resources, so that the component's resources can wait on it (``depends_on``)."""
    root = EncryptedWorkspacesArgs
    try:
        known = root.model_validate(_substituted(data, values))
    except ValidationError as error:
        # A problem at or below an Output is that Output's own check's to report.
        own = [
            f"{paths.of_loc(root, tuple(item['loc']))}: {problem_message(item, root)}"
            for item in error.errors(include_url=False)
            if not any(tuple(item["loc"])[: len(loc)] == loc for loc in values)
        ]
        if own:
            raise ConfigError(own) from None
        return []
    problems = [
        f"{paths.of_dotted(known, path)}: {message}" for path, message in cross_field_problems(known, target)
    ]
    if problems:
        raise ConfigError(problems)
    return []


def with_outputs_checked(
    args: EncryptedWorkspacesArgs, target: StackTarget, paths: KeyPaths
) -> tuple[EncryptedWorkspacesArgs, pulumi.Output[list[Any]] | None]:
    """``args`` with each Output replaced by the same Output checked when it resolves, and the gate that
    resolves once all have and the checks across fields pass; ``(args, None)`` when none is an Output."""
    root = type(args)
    data = args.model_dump(by_alias=True, exclude_unset=True)
    outputs = {loc: pulumi.Output.from_input(value) for loc, value in outputs_in(data)}
    if not outputs:
        return args, None
    path_of = partial(paths.of_loc, root)
    checked = {loc: output.apply(_leaf_check(root, loc, path_of)) for loc, output in outputs.items()}
    locs = list(outputs)
    gate = pulumi.Output.all(*outputs.values()).apply(
        lambda values: _check_known(data, dict(zip(locs, values, strict=True)), target, paths)
    )
    return root.model_validate(_substituted(data, checked)), gate
