"""Inputs: values a program may give plain or as a pulumi Output, as every Pulumi component takes them.

A field typed ``Input[DirectoryId]`` takes ``"d-1234567890"`` or an ``Output[str]`` (``ad.id``). A plain
value is validated when the model is built, as every stack-file value is; an Output passes, and is
validated when it resolves (``config/deferred.py``), with the same message at the same key path.

To a type checker, ``Input[T]`` is ``pulumi.Input[T]`` (``T | Awaitable[T] | Output[T]``), ``Many[T]``
is ``Sequence[T]`` (so a ``list[str]`` is accepted where ``Input[str]`` items are expected), ``Named``
is ``Mapping`` and ``Section[KeyArgs]`` is ``KeyArgs | Mapping[str, Any]`` (a section may be given as a
dict, as docs/library.md says). At run time they are what pydantic validates: the plain type
behind an ``InputOf`` marker, ``list``, ``dict`` and the section's model.

Values that decide which resources exist or their logical names (user names, which parts are on, the
principals that name policy attachments) and resource options (timeouts, protect, import ids) are
plain: a resource cannot be registered, or named, from a value that is not known yet.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Awaitable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union, get_args, get_origin

import pulumi
from pulumi.output import Unknown
from pydantic import BaseModel, GetCoreSchemaHandler
from pydantic_core import core_schema

T = TypeVar("T")


def is_output(value: Any) -> bool:
    """Whether ``value`` is not known yet: a pulumi Output, an awaitable that becomes a value, or the
    unknown a component provider is handed during a preview (``pulumi.output.Unknown``)."""
    return isinstance(value, pulumi.Output | Unknown) or inspect.isawaitable(value)


def is_known(*values: Any) -> bool:
    """Whether every value is plain (a check that reads them can run now)."""
    return not any(is_output(value) for value in values)


def outputs_in(data: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(location, Output) of every Output in plain data (dicts and lists), at any depth."""
    if is_output(data):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from outputs_in(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from outputs_in(value, (*loc, index))


class InputOf:
    """The pydantic metadata of an Input field: a plain value is validated as ``plain``; an Output is
    kept as it is, to be validated when it resolves. The JSON Schema is ``plain``'s."""

    __slots__ = ("plain",)

    def __init__(self, plain: Any) -> None:
        self.plain = plain

    def __repr__(self) -> str:
        return f"InputOf({self.plain!r})"

    def __get_pydantic_core_schema__(self, _source: Any, handler: GetCoreSchemaHandler) -> Any:
        plain = handler.generate_schema(self.plain)

        def accept(value: Any, validate: Any) -> Any:
            return value if is_output(value) else validate(value)

        def serialize(value: Any, serialize_plain: Any) -> Any:
            return value if is_output(value) else serialize_plain(value)

        return core_schema.no_info_wrap_validator_function(
            accept,
            plain,
            serialization=core_schema.wrap_serializer_function_ser_schema(serialize, schema=plain),
        )


if TYPE_CHECKING:
    Input = Union[T, Awaitable[T], pulumi.Output[T]]  # noqa: UP007 (a generic alias, as pulumi.Input)
    Many = Sequence
    Named = Mapping
    Section = Union[T, Mapping[str, Any]]  # noqa: UP007
else:

    class Input:
        """``Input[T]``: ``T``, or an Output of it (see the module's docstring)."""

        def __class_getitem__(cls, plain: Any) -> Any:
            return Annotated[Union[plain, Awaitable[plain], pulumi.Output[plain]], InputOf(plain)]  # noqa: UP007

    Many = list
    Named = dict

    class Section:
        """``Section[Model]``: the model (a dict of its keys is validated into it)."""

        def __class_getitem__(cls, model: Any) -> Any:
            return model


def plain_annotation(annotation: Any, metadata: Sequence[Any] = ()) -> Any:
    """The type a plain value of this annotation is validated as: an Input's plain type, else itself.

    ``metadata`` is a pydantic field's (``FieldInfo.metadata``), where pydantic keeps ``InputOf``."""
    for item in metadata:
        if isinstance(item, InputOf):
            return item.plain
    if get_origin(annotation) is Annotated:
        for item in annotation.__metadata__:
            if isinstance(item, InputOf):
                return item.plain
    return annotation


def field_annotation(model: type[BaseModel], name: str) -> Any:
    """A field's plain annotation with its constraints (``Annotated``), as pydantic validates it."""
    field = model.model_fields[name]
    plain = plain_annotation(field.annotation, field.metadata)
    if plain is not field.annotation:
        return plain
    return field.rebuild_annotation()


def strip(annotation: Any) -> Any:
    """``annotation`` without ``Annotated`` metadata, ``None`` alternatives and Input wrappers."""
    while True:
        inner = plain_annotation(annotation)
        if inner is not annotation:
            annotation = inner
            continue
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation
