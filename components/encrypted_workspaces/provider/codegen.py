"""Writes ``provider/args.py``: the component as Pulumi's component analyzer reads it.

The analyzer (``pulumi.provider.experimental.analyzer``) infers the package schema from plain type
annotations (TypedDicts, enums, ``list``, ``dict``, ``pulumi.Input``, ``pulumi.Output``) and reads each
property's description from the docstring under it in the *source*; it cannot read pydantic models
(``Annotated`` validators, ``Literal``) nor outputs declared as data (``outputs.OUTPUTS``). So the
config model and the outputs are rendered once into Python source: the inputs as TypedDicts, and the
served class, the Python component with each output annotated. It is committed, and kept equal to
the model by a test. Regenerate it with ``make generate`` after changing the model or the outputs.
"""

from __future__ import annotations

import json
import textwrap
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from encrypted_workspaces.config import EncryptedWorkspacesArgs, base
from encrypted_workspaces.config.inputs import InputOf
from encrypted_workspaces.outputs import OUTPUTS

ARGS_TYPE = "EncryptedWorkspacesInputs"
_HEADER = '''"""GENERATED from the config model by ``make generate``: do not edit.

The component as Pulumi's component analyzer reads it (provider/codegen.py): its inputs, one
TypedDict per config model and one Enum per set of allowed values, and the served class with its
outputs (outputs.OUTPUTS); each property's description is the docstring under it.
"""

import inspect
from enum import Enum
from typing import Any, NotRequired, TypedDict

import pulumi

from encrypted_workspaces import component
from encrypted_workspaces.config.paths import STACK_PATHS
from encrypted_workspaces.provider.component import served_args
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
    lines = textwrap.wrap(text, width=100 - len(indent), break_on_hyphens=False)
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
            # An Input (config/inputs.py): plain or an Output, as pulumi.Input says to the analyzer.
            inputs = [item for item in annotation.__metadata__ if isinstance(item, InputOf)]
            if inputs:
                return f"pulumi.Input[{self.annotation(inputs[0].plain, field_name, type_name)}]"
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
        if annotation is Any:
            return "Any"  # a value of any shape (a key-policy statement's elements): pulumi.json#/Any
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
            annotation = self.annotation(
                field.rebuild_annotation(), field_name, prefix + _class_name(field_name)
            )
            if not field.is_required():
                annotation = f"NotRequired[{annotation}]"
            lines += ["", f"    {field_name}: {annotation}"]
            lines += _docstring(field.description, "    ")
        self.blocks[name] = lines
        return name


# The package's description of the component (the analyzer reads the served class's docstring).
COMPONENT_DESCRIPTION = (
    "Amazon WorkSpaces encrypted with a customer managed KMS key, as the AWS documentation describes "
    "them: the key and its policy, the WorkSpaces administrators' IAM policies, the directory "
    "registration and one encrypted WorkSpace per user. Data inputs (ids, ARNs, lists of ids, sizes, "
    "flags, tag values) accept outputs of other resources, unknown during a preview; the user names, "
    "which optional parts are on and the administrator principals that name policy attachments are "
    "plain values. Invalid inputs fail with one line per problem, naming the input."
)


def _served_class() -> list[str]:
    """The class the provider serves: the Python component, its outputs annotated from OUTPUTS."""
    lines = ["class EncryptedWorkspaces(component.EncryptedWorkspaces):"]
    lines += _docstring(COMPONENT_DESCRIPTION, "    ")
    lines += [
        "",
        "    # Problems name the camelCase inputs the program wrote, as a stack file's keys are named.",
        "    _key_paths = STACK_PATHS",
    ]
    for output in OUTPUTS:
        lines += ["", f"    {output.attribute}: {output.python_type}"]
        lines += _docstring(output.description, "    ")
    lines += [
        "",
        "    def __init__(",
        f"        self, name: str, args: {ARGS_TYPE}, opts: pulumi.ResourceOptions | None = None",
        "    ) -> None:",
        "        super().__init__(name, served_args(args), opts)",
        "",
        "",
        "# The analyzer takes ``__doc__`` as the description of the component, indentation and all.",
        "EncryptedWorkspaces.__doc__ = inspect.cleandoc(EncryptedWorkspaces.__doc__)",
    ]
    return lines


def args_module_source(model: type[BaseModel] = EncryptedWorkspacesArgs) -> str:
    """The source of ``provider/args.py`` for ``model``."""
    renderer = _Renderer()
    # The root's fields are the component's inputs; each section's type is named after its key path,
    # as pulumi-aws names nested types (directory.selfServicePermissions: DirectorySelfServicePermissions).
    renderer.typed_dict(model, ARGS_TYPE)
    blocks = [*renderer.blocks.values(), _served_class()]
    return _HEADER + "".join("\n\n" + "\n".join(lines) + "\n" for lines in blocks)
