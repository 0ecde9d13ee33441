"""pydantic's validation errors as one line each: the config key path, what is wrong, what is allowed."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from encrypted_workspaces.errors import MAX_PROBLEM_LENGTH

from .inputs import is_output
from .near_miss import closest

# What plan shows in place of a `secure:` value: it has no key to decrypt it, and needs none.
SECRET_PLACEHOLDER = "[secret]"


class _Missing:
    """A key that is not there at all (``config.get(key, MISSING)``): its message says ``required``."""

    def __repr__(self) -> str:
        return "required"


MISSING: Any = _Missing()
# Why plan refuses a secure: value where Pulumi does not pass it on to AWS as it is.
SECURE_VALUE_NEEDED = (
    f"is a secure value, which plan cannot decrypt (shown as {SECRET_PLACEHOLDER}); plan needs this key "
    "in plain text, because it decides what the stack creates, names, or writes into the policies plan checks"
)
# A value or a key-path part longer than this is cut in a message to its first _SHOWN_KEPT characters
# and its length, so that a line keeps its key path first, what is allowed, and at most 300 characters.
SHOWN_MAX_LENGTH = 80
_SHOWN_KEPT = 60
# A key-path part is cut past this: the longest part a valid config has is a tag key (IAM and KMS allow
# 128 characters), which is shown whole.
KEY_PART_MAX_LENGTH = 128
_EXPECTED = {
    "bool_type": "true or false",
    "int_type": "a whole number",
    "string_type": "a string",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "list_type": "a list",
}


def shown(value: Any) -> str:
    """A bad value as every message shows it: Python's repr for text and numbers, JSON for mappings
    and lists, ``null`` (YAML's and JSON's word, never Python's ``None``) for nothing; cut past
    ``SHOWN_MAX_LENGTH`` characters to its start and its length (``'aaaa...' (515 characters)``)."""
    if is_output(value):
        return "an Output"  # its repr holds a memory address: the same input, other bytes
    if value is None:
        return "null"
    if isinstance(value, str):
        if len(value) <= SHOWN_MAX_LENGTH:
            return repr(value)
        head = repr(value[:_SHOWN_KEPT])
        return f"{head[:-1]}...{head[-1]} ({len(value)} characters)"
    text = json.dumps(value, sort_keys=True, default=str) if isinstance(value, (dict, list)) else repr(value)
    if len(text) <= SHOWN_MAX_LENGTH:
        return text
    return f"{text[:_SHOWN_KEPT]}... ({len(text)} characters)"


def _shown_in(message: str, value: Any) -> str:
    """``message`` of a validator (aws/, base.py: ``(got {value!r})``) with ``value`` shown as ``shown``
    shows it: one place cuts every long value, whichever check wrote the message."""
    if isinstance(value, str) and len(value) > SHOWN_MAX_LENGTH:
        return message.replace(repr(value), shown(value))
    return message


def _key_part(part: Any) -> str:
    text = str(part)
    if len(text) <= KEY_PART_MAX_LENGTH:
        return text
    return f"{text[:_SHOWN_KEPT]}... ({len(text)} characters)"


def cut_key_path(path: str) -> str:
    """A dotted key path with each part longer than ``KEY_PART_MAX_LENGTH`` cut (a long user name or an
    unknown key), so that the key path is first and the message still fits its line."""
    if len(path) <= KEY_PART_MAX_LENGTH:
        return path
    return ".".join(_key_part(part) for part in path.split("."))


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


def _listed(names: list[str], room: int) -> str:
    """``names`` joined, as many as fit in ``room`` characters, then how many more there are."""
    shown_names: list[str] = []
    for index, name in enumerate(names):
        rest = len(names) - index - 1
        more = f" and {rest} more" if rest else ""
        if len(", ".join([*shown_names, name]) + more) > room:
            return ", ".join(shown_names) + f" and {len(names) - index} more"
        shown_names.append(name)
    return ", ".join(shown_names)


def _unknown_key(loc: tuple, root: type[BaseModel], prefix: str, room: int) -> str:
    """An unknown key's message, within ``room`` characters: the key one typo away, if there is one
    (as it is written there: ``encrypted-workspaces:alarms`` at the top, ``runningMode`` below), and
    the keys allowed there."""
    holder = _model_at(root, loc)
    if holder is None:
        return "unknown key (allowed: see docs/inputs.md)"
    keys = [field.alias or name for name, field in holder.model_fields.items()]
    meant = closest(str(loc[-1]), keys)
    guess = f"; did you mean {prefix if len(loc) == 1 else ''}{meant}?" if meant else ""
    head = f"unknown key{guess} (allowed: "
    return f"{head}{_listed(keys, room - len(head) - 1)})"


def _message(error: Mapping[str, Any], root: type[BaseModel], prefix: str = "", room: int = 200) -> str:
    """The message of one pydantic error; ``room``: the characters its line has left for it."""
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if is_output(value) and kind != "extra_forbidden":
        # config/inputs.py: what decides which resources exist, or their names, must be known now.
        return (
            "must be a plain value, not an Output: it decides which resources the component registers "
            "or their logical names, which cannot wait for another resource (got an Output)"
        )
    if kind == "extra_forbidden":
        return _unknown_key(tuple(error["loc"]), root, prefix, room)
    if kind == "missing":
        return "required"
    if value == SECRET_PLACEHOLDER and kind in _EXPECTED:
        return (
            f"is a secure value, which plan cannot decrypt (shown as {SECRET_PLACEHOLDER}); this key needs "
            f"{_EXPECTED[kind]}, so give it in plain text"
        )
    if value == SECRET_PLACEHOLDER:
        # Under plan only the values Pulumi passes on to AWS as they are pass (config/secrets.py).
        return f"{SECURE_VALUE_NEEDED}; give it in plain text"
    if kind == "literal_error":
        return f"must be {ctx.get('expected', '').replace(chr(39), '')} (got {shown(value)})"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = error["msg"].lower().replace("input should be ", "must be ")
        return f"out of range: {bound} (got {shown(value)})"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} entries (got {ctx.get('actual_length')})"
    if kind == "string_too_short":
        return f"must be at least {ctx.get('min_length')} characters (got {shown(value)})"
    if kind == "too_long":
        # pydantic gives no actual_length for a dict that is too long
        count = ctx.get("actual_length") or (len(value) if isinstance(value, (dict, list)) else value)
        return f"at most {ctx.get('max_length')} entries (got {count})"
    if kind == "value_error":
        return _shown_in(str(ctx.get("error", error["msg"])), value)
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false (got {shown(value)})"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, bool):
            return f"must be a whole number, not true or false (got {shown(value)})"
        return f"must be a whole number (got {shown(value)})"
    if kind in ("string_type",):
        if value is None:
            return "must be a string (got null: YAML reads ~, null and nothing as null; quote it for text)"
        if isinstance(value, bool | int | float):
            return f"must be a string (got {shown(value)}); quote it in YAML for text"
        return f"must be a string (got {shown(value)})"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a mapping of keys to values (got {shown(value)})"
    if kind == "list_type":
        return f"must be a list (got {shown(value)})"
    return f"{error['msg']} (got {shown(value)})"


def key_path(loc: tuple) -> str:
    # pydantic puts a dict key's own error at (..., key, "[key]"): the key path is the key's.
    return ".".join(_key_part(part) for part in loc if part != "[key]")


def _unchecked(error: Mapping[str, Any]) -> str:
    """The check a placeholder failed, as "it must be ...": what plan could not check."""
    if error["type"] == "literal_error":
        # ctx "expected" is "'A', 'B' or 'C'": each value quoted once. A long list is counted.
        expected = error.get("ctx", {}).get("expected", "")
        if len(expected) <= SHOWN_MAX_LENGTH:
            return f"it must be {expected.replace(chr(39), '')}"
        return f"it must be one of {expected.count(chr(39)) // 2} values"
    if error["type"] == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return "it " + message.replace(f" (got {SECRET_PLACEHOLDER!r})", "")
    return "it must have the form docs/inputs.md gives"


def unchecked_lines(error: ValidationError, prefix: str) -> list[str]:
    """A line for each placeholder of a ``secure:`` value that ``error`` says failed a check: the
    key path and the check plan could not make (AWS makes it on the decrypted value)."""
    lines = []
    for item in error.errors(include_url=False):
        path = f"{prefix}{key_path(tuple(item['loc']))}"
        lines.append(
            f"{path}: not checked: a secure value, which plan cannot decrypt; {_unchecked(item)} "
            "(AWS checks the decrypted value)"
        )
    return lines


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
        room = MAX_PROBLEM_LENGTH - len(path) - len(": ")
        lines.append(f"{path}: {_message(item, root, prefix, room)}")
    return lines


def problem_message(error: Mapping[str, Any], root: type[BaseModel]) -> str:
    """What is wrong with one of pydantic's errors, and what is allowed, without its key path."""
    return _message(error, root)
