"""pydantic's validation errors as one line each: the config key path, what is wrong, what is allowed."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .inputs import is_output

# What plan shows in place of a `secure:` value: it has no key to decrypt it, and needs none.
SECRET_PLACEHOLDER = "[secret]"
_EXPECTED = {
    "bool_type": "true or false",
    "int_type": "a whole number",
    "string_type": "a string",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "list_type": "a list",
}


def _shown(value: Any) -> str:
    if is_output(value):
        return "an Output"  # its repr holds a memory address: the same input, other bytes
    text = repr(value) if not isinstance(value, (dict, list)) else json.dumps(value, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + "..."


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the key at the end of ``loc`` (for "allowed keys" hints)."""
    current: type[BaseModel] | None = model
    parts = iter(loc[:-1])
    for part in parts:
        field = next((f for name, f in current.model_fields.items() if part in (name, f.alias)), None)
        if field is None:
            return None
        annotation = field.annotation
        if get_origin(annotation) in (dict, list):
            annotation = get_args(annotation)[-1]
            next(parts, None)  # the user name or list index that follows names no field
        candidates = (annotation, *get_args(annotation))
        current = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
        if current is None:
            return None
    return current


def _message(error: Mapping[str, Any], root: type[BaseModel]) -> str:
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if is_output(value) and kind != "extra_forbidden":
        # config/inputs.py: what decides which resources exist, or their names, must be known now.
        return (
            "must be a plain value, not an Output: it decides which resources the component registers "
            "or their logical names, which cannot wait for another resource (got an Output)"
        )
    if kind == "extra_forbidden":
        holder = _model_at(root, error["loc"])
        allowed = ", ".join(f.alias or n for n, f in holder.model_fields.items()) if holder else "see README"
        return f"unknown key (allowed: {allowed})"
    if kind == "missing":
        return "required"
    if kind == "literal_error":
        return f"must be {ctx.get('expected', '').replace(chr(39), '')} (got {_shown(value)})"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = error["msg"].lower().replace("input should be ", "must be ")
        return f"out of range: {bound} (got {_shown(value)})"
    if value == SECRET_PLACEHOLDER and kind not in _EXPECTED and kind != "extra_forbidden":
        return (
            f"is a secure value, which plan cannot decrypt (shown as {SECRET_PLACEHOLDER}); plan needs this "
            "key in plain text to check it"
        )
    if value == SECRET_PLACEHOLDER and kind in _EXPECTED:
        return (
            f"is a secure value, which plan cannot decrypt (shown as {SECRET_PLACEHOLDER}); this key needs "
            f"{_EXPECTED[kind]}, so give it in plain text"
        )
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} entries (got {ctx.get('actual_length')})"
    if kind == "string_too_short":
        return f"must be at least {ctx.get('min_length')} characters (got {_shown(value)})"
    if kind == "too_long":
        # pydantic gives no actual_length for a dict that is too long
        count = ctx.get("actual_length") or (len(value) if isinstance(value, (dict, list)) else value)
        return f"at most {ctx.get('max_length')} entries (got {count})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false (got {_shown(value)})"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, bool):
            return f"must be a whole number, not true or false (got {_shown(value)})"
        return f"must be a whole number (got {_shown(value)})"
    if kind in ("string_type",):
        if value is None:
            return "must be a string (got null: YAML reads ~, null and nothing as null; quote it for text)"
        if isinstance(value, bool | int | float):
            return f"must be a string (got {_shown(value)}); quote it in YAML for text"
        return f"must be a string (got {_shown(value)})"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a mapping of keys to values (got {_shown(value)})"
    if kind == "list_type":
        return f"must be a list (got {_shown(value)})"
    return f"{error['msg']} (got {_shown(value)})"


def key_path(loc: tuple) -> str:
    # pydantic puts a dict key's own error at (..., key, "[key]"): the key path is the key's.
    return ".".join(str(part) for part in loc if part != "[key]")


def problems_from_validation_error(
    error: ValidationError,
    root: type[BaseModel],
    prefix: str = "",
    path_of: Callable[[tuple], str] | None = None,
) -> list[str]:
    """One line per problem: its key path (``prefix`` and the dotted location, or ``path_of(loc)``)."""
    lines = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if path_of is not None:
            path = path_of(loc)
        else:
            path = f"{prefix}{key_path(loc)}" if loc else prefix.rstrip(".:")
        lines.append(f"{path}: {problem_message(item, root)}")
    return lines


def problem_message(error: Mapping[str, Any], root: type[BaseModel]) -> str:
    """What is wrong with one of pydantic's errors, and what is allowed, without its key path."""
    return _message(error, root)
