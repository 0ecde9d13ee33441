"""Key paths in the caller's terms.

A stack file's problem is named by its config key, ``encrypted-workspaces:directory.directoryId`` (the
component provider's callers write the same camelCase keys, so their problems are named the same
way); a Python caller's by the argument it wrote, ``EncryptedWorkspacesArgs.directory.directory_id``,
with a user or list entry as Python writes it (``...users['bob'].running_mode``).

A location (``loc``) is a tuple as pydantic reports one: field aliases (camelCase), mapping keys (user
names, which may hold dots) and list indexes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from .inputs import field_annotation, strip
from .problems import key_path

NAMESPACE = "encrypted-workspaces"
STACK_PREFIX = f"{NAMESPACE}:"


def field_name(model: type[BaseModel], part: Any) -> str | None:
    for name, field in model.model_fields.items():
        if part in (name, field.alias):
            return name
    return None


def stack_path(loc: tuple) -> str:
    """``encrypted-workspaces:a.b.c``; the namespace itself for the empty location."""
    # key_path leaves out pydantic's "[key]" (a mapping key's own error) and cuts a long part.
    parts = key_path(loc)
    return STACK_PREFIX + parts if parts else NAMESPACE


def python_path(root: type[BaseModel], loc: tuple) -> str:
    """``Root.field.sub['key'][0]``: each part as the Python caller wrote it."""
    text, annotation = root.__name__, root
    for part in loc:
        if part == "[key]":
            continue
        annotation = strip(annotation)
        origin = get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            name = field_name(annotation, part)
            text += f".{name or part}"
            annotation = field_annotation(annotation, name) if name else Any
        elif origin in (list, Sequence) and isinstance(part, int):
            text += f"[{part}]"
            annotation = get_args(annotation)[0]
        elif origin in (dict, Mapping):
            text += f"[{part!r}]"
            annotation = get_args(annotation)[1]
        else:
            text += f".{part}"
            annotation = Any
    return text


def loc_of(instance: BaseModel, dotted: str) -> tuple:
    """The location of a dotted key path (``workspaces.users.john.smith.runningMode``), read against the
    model it names, so that a user name with dots in it stays one part."""
    parts = dotted.split(".") if dotted else []
    loc: list[Any] = []
    node: Any = instance
    index = 0
    while index < len(parts):
        part = parts[index]
        if isinstance(node, BaseModel):
            name = field_name(type(node), part)
            if name is None:
                break
            loc.append(type(node).model_fields[name].alias or name)
            node = getattr(node, name)
            index += 1
        elif isinstance(node, Mapping):
            # The longest run of parts that is one key.
            for end in range(len(parts), index, -1):
                key = ".".join(parts[index:end])
                if key in node:
                    loc.append(key)
                    node, index = node[key], end
                    break
            else:
                break
        elif isinstance(node, list) and part.isdigit():
            loc.append(int(part))
            node = node[int(part)] if int(part) < len(node) else None
            index += 1
        else:
            break
    return (*loc, *parts[index:])


@dataclass(frozen=True)
class KeyPaths:
    """How one caller names a key: from a location (pydantic's) or a dotted path (the checks across
    fields, ``config/checks.py``), below the root model ``root``."""

    python: bool

    def of_loc(self, root: type[BaseModel], loc: tuple) -> str:
        return python_path(root, loc) if self.python else stack_path(loc)

    def of_dotted(self, instance: BaseModel, dotted: str) -> str:
        if self.python:
            return python_path(type(instance), loc_of(instance, dotted))
        return STACK_PREFIX + dotted


# A stack file's keys (and the component provider's inputs, camelCase as a stack file's).
STACK_PATHS = KeyPaths(python=False)
# A Python program's arguments.
PYTHON_PATHS = KeyPaths(python=True)
