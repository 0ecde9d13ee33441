"""Writes ``provider/args.py``: the config model as the types Pulumi's component analyzer reads.

The analyzer (``pulumi.provider.experimental.analyzer``) infers the package schema from plain type
annotations (TypedDicts, enums, ``list``, ``dict``) and reads each property's description from the
docstring under it in the *source*; it cannot read pydantic models (``Annotated`` validators,
``Literal``). So the model is rendered once into Python source, committed, and kept equal to the model
by a test. Regenerate it with ``make generate`` after changing the model.
"""

from __future__ import annotations

import json
import textwrap
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from encrypted_workspaces.config import EncryptedWorkspacesArgs, base

ARGS_TYPE = "EncryptedWorkspacesInputs"
_HEADER = '''"""GENERATED from the config model by ``make generate``: do not edit.

The component's inputs as Pulumi's component analyzer reads them: one TypedDict per config model,
one Enum per set of allowed values, each property's description in the docstring under it.
"""

from enum import Enum
from typing import NotRequired, TypedDict
'''
_SIMPLE = {str: "str", int: "int", float: "float", bool: "bool"}


def _class_name(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _literal_name(literal: Any, field_name: str) -> str:
    """The alias the model gives this Literal in ``config.base`` (``ComputeTypeName``), else one from
    the field's name."""
    for name, value in vars(base).items():
        if not name.startswith("_") and get_origin(value) is Literal and value == literal:
            return name
    return _class_name(field_name)


def _member_name(value: str) -> str:
    name = "".join(c if c.isalnum() else "_" for c in str(value)).upper()
    return f"_{name}" if name[:1].isdigit() else name


def _docstring(text: str | None, indent: str) -> list[str]:
    paragraphs = " ".join((text or "").split())
    if not paragraphs:
        return []
    text = paragraphs.replace("\\", "\\\\")
    if len(indent) + len(text) + 6 <= 110 and not text.endswith('"'):
        return [f'{indent}"""{text}"""']  # as ruff formats a docstring that fits on one line
    lines = textwrap.wrap(text, width=100 - len(indent))
    lines[0] = '"""' + lines[0]
    return [indent + line for line in lines] + [indent + '"""']


class _Renderer:
    def __init__(self) -> None:
        self.blocks: dict[str, list[str]] = {}  # class name -> its source lines, dependencies first
        self.names: dict[type[BaseModel], str] = {}

    def annotation(self, annotation: Any, field_name: str, type_name: str) -> str:
        """The analyzer's annotation for a model annotation; a section becomes the TypedDict
        ``type_name``."""
        origin = get_origin(annotation)
        if origin is Annotated:
            return self.annotation(get_args(annotation)[0], field_name, type_name)
        if origin in (Union, types.UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                raise TypeError(f"{field_name}: the analyzer takes no unions ({annotation})")
            return self.annotation(members[0], field_name, type_name)
        if origin is Literal:
            return self.enum(annotation, field_name)
        if origin is list:
            return f"list[{self.annotation(get_args(annotation)[0], field_name, type_name)}]"
        if origin is dict:
            return f"dict[str, {self.annotation(get_args(annotation)[1], field_name, type_name)}]"
        if annotation in _SIMPLE:
            return _SIMPLE[annotation]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return self.typed_dict(annotation, type_name)
        raise TypeError(f"{field_name}: no provider type for {annotation!r}; extend provider/codegen.py")

    def enum(self, literal: Any, field_name: str) -> str:
        name = _literal_name(literal, field_name)
        if name not in self.blocks:
            values = get_args(literal)
            lines = [f"class {name}(Enum):"]
            lines += _docstring(f"One of {', '.join(map(str, values))}.", "    ")
            lines.append("")
            lines += [f"    {_member_name(value)} = {json.dumps(value)}" for value in values]
            self.blocks[name] = lines
        return name

    def typed_dict(self, model: type[BaseModel], name: str) -> str:
        if model in self.names:
            return self.names[model]
        self.names[model] = name
        lines = [f"class {name}(TypedDict):"]
        lines += _docstring(model.__doc__, "    ")
        prefix = "" if name == ARGS_TYPE else name
        for field_name, field in model.model_fields.items():
            annotation = self.annotation(field.annotation, field_name, prefix + _class_name(field_name))
            if not field.is_required():
                annotation = f"NotRequired[{annotation}]"
            lines += ["", f"    {field_name}: {annotation}"]
            lines += _docstring(field.description, "    ")
        self.blocks[name] = lines
        return name


def args_module_source(model: type[BaseModel] = EncryptedWorkspacesArgs) -> str:
    """The source of ``provider/args.py`` for ``model``."""
    renderer = _Renderer()
    # The root's fields are the component's inputs; each section's type is named after its key path,
    # as pulumi-aws names nested types (directory.selfServicePermissions: DirectorySelfServicePermissions).
    renderer.typed_dict(model, ARGS_TYPE)
    return _HEADER + "".join("\n\n" + "\n".join(lines) + "\n" for lines in renderer.blocks.values())
