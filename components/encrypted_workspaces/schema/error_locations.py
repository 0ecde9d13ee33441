"""Rewrites of a JSON Schema that keep what it accepts and put its errors on the key at fault.

A validator reports an ``anyOf`` or ``oneOf`` that no branch satisfies as one error on the whole value
("... is not valid under any of the given schemas"), and a failed ``not`` as "... should not be valid
under ...": an editor then marks the section and names no key, nor what is allowed. JSON Schema can say
the same things so that each error lands on the key at fault, saying what is wrong there:

- a value or null (``anyOf: [S, {type: null}]``): S with ``null`` among its types, when S is a plain
  typed schema (its enum, pattern, limits then apply to the value as they are); else ``if: {type:
  null}, else: S``;
- a value or a secret (``anyOf: [S, secureValue]``): decided by the value's type (``if: {type:
  object}, then: secureValue, else: S``);
- a choice decided by one key (``oneOf`` of a branch requiring k and a branch forbidding it):
  ``if: {required: [k]}, then: ..., else: ...``;
- keys that must be absent from a closed object (``not: {required: [k]}``, or ``not`` any of several):
  the object's other keys with ``additionalProperties: false``; two keys that exclude each other (``not:
  {required: [a, b]}``): the same, for b, under ``dependentSchemas: {a: ...}``. (A ``false`` property
  schema would say it too, but jsonschema reports that error on the object, naming only the value.)

Anything else is left as it is (the stack file's required sections, named either way, stay an
``anyOf``). The stack-file schema is generated through this; the inputs table (docs/inputs.md) reads the
schema before it, whose meaning is the same (tests/schema checks both against the model).
"""

from __future__ import annotations

from typing import Any

# Keywords under which JSON Schema nests schemas: a map of them, one, or a list.
SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_VALUES = ("items", "additionalProperties", "not", "propertyNames", "if", "then", "else")
SCHEMA_LISTS = ("anyOf", "allOf", "oneOf")

_NULL = {"type": "null"}
# Keywords that constrain one type of value only (or annotate): a schema made of these, with one
# "type", takes null among its types without changing what it says about the other type.
_PLAIN = frozenset(
    {
        "type",
        "enum",
        "const",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "description",
        "default",
    }
)


def located(schema: Any, secret_ref: str) -> Any:
    """``schema`` rewritten as above, throughout; ``secret_ref`` is the ``$ref`` of a secret value."""
    if not isinstance(schema, dict):
        return schema
    node: dict[str, Any] = {}
    # Before the branches are rewritten: it reads their ``not: {required: [k]}``.
    for keyword, value in _choice_by_key(schema).items():
        if keyword in SCHEMA_MAPS:
            node[keyword] = {name: located(item, secret_ref) for name, item in value.items()}
        elif keyword in SCHEMA_VALUES:
            node[keyword] = located(value, secret_ref)
        elif keyword in SCHEMA_LISTS:
            node[keyword] = [located(item, secret_ref) for item in value]
        else:
            node[keyword] = value
    node = _value_or_null(node)
    node = _value_or_secret(node, secret_ref)
    return _absent_keys(node, _closed_names(node))


def _without(node: dict[str, Any], keyword: str) -> dict[str, Any]:
    return {key: value for key, value in node.items() if key != keyword}


def _two_branches(node: dict[str, Any], keyword: str) -> list[dict[str, Any]] | None:
    branches = node.get(keyword)
    if isinstance(branches, list) and len(branches) == 2 and all(isinstance(b, dict) for b in branches):
        return branches
    return None


def _value_or_null(node: dict[str, Any]) -> dict[str, Any]:
    branches = _two_branches(node, "anyOf")
    if branches is None or _NULL not in branches or {"if", "then", "else"} & set(node):
        return node
    (value,) = [branch for branch in branches if branch != _NULL]
    rest = _without(node, "anyOf")
    if set(value) <= _PLAIN and isinstance(value.get("type"), str) and not set(value) & set(rest):
        merged = {**value, **rest, "type": [value["type"], "null"]}
        if "const" in merged:
            merged["enum"] = [merged.pop("const")]
        if "enum" in merged:
            merged["enum"] = [*merged["enum"], None]
        return merged
    return {**rest, "if": _NULL, "else": value}


def _value_or_secret(node: dict[str, Any], secret_ref: str) -> dict[str, Any]:
    branches = _two_branches(node, "anyOf")
    secret = {"$ref": secret_ref}
    if branches is None or secret not in branches or {"if", "then", "else"} & set(node):
        return node
    (value,) = [branch for branch in branches if branch != secret]
    types = value.get("type")
    if not isinstance(types, str) or types == "object":
        return node  # the value's type alone cannot tell the two apart
    return {**_without(node, "anyOf"), "if": {"type": "object"}, "then": secret, "else": value}


def _forbidden_key(branch: dict[str, Any]) -> str | None:
    """k, when the branch says ``not: {required: [k]}``."""
    required = branch.get("not", {}).get("required") if isinstance(branch.get("not"), dict) else None
    return required[0] if isinstance(required, list) and len(required) == 1 else None


def _closed_names(node: dict[str, Any]) -> list[str] | None:
    """The keys an object schema allows, when it allows no others (``additionalProperties: false``)."""
    if node.get("additionalProperties") is False and "patternProperties" not in node:
        return list(node.get("properties", {}))
    return None


def _choice_by_key(node: dict[str, Any]) -> dict[str, Any]:
    branches = _two_branches(node, "oneOf")
    if branches is None or {"if", "then", "else"} & set(node):
        return node
    names = _closed_names(node)
    for present, absent in (branches, branches[::-1]):
        key = _forbidden_key(absent)
        if key is None or key not in present.get("required", []):
            continue
        # Exactly one holds: the first requires the key, the second forbids it. So the key decides.
        required = [name for name in present["required"] if name != key]
        then = {**_without(present, "required"), **({"required": required} if required else {})}
        return {
            **_without(node, "oneOf"),
            "if": {"required": [key]},
            "then": _absent_keys(then, names),
            "else": _without(absent, "not"),
        }
    return node


def _absent_keys(node: dict[str, Any], names: list[str] | None) -> dict[str, Any]:
    """``node`` with its ``not: {required: ...}`` said as the keys it leaves allowed (``names``, the
    keys of the object it applies to), so that the error names the key that should not be there."""
    forbidden = node.get("not")
    if names is None or not isinstance(forbidden, dict) or len(forbidden) != 1:
        return node
    (keyword, value), rest = next(iter(forbidden.items())), _without(node, "not")
    if keyword == "anyOf" and all(set(b) == {"required"} and len(b["required"]) == 1 for b in value):
        return {**rest, **_only(names, {branch["required"][0] for branch in value}, rest)}
    if keyword == "required" and len(value) == 1:
        return {**rest, **_only(names, set(value), rest)}
    if keyword == "required" and len(value) == 2 and "dependentSchemas" not in rest:
        first, second = value
        return {**rest, "dependentSchemas": {first: _only(names, {second}, {})}}
    return node


def _only(names: list[str], forbidden: set[str], schema: dict[str, Any]) -> dict[str, Any]:
    """``properties`` and ``additionalProperties: false`` that allow ``names`` but the forbidden ones
    (an error then says "Additional properties are not allowed ('<key>' was unexpected)")."""
    properties = schema.get("properties", {})
    return {
        "properties": {name: properties.get(name, True) for name in names if name not in forbidden},
        "additionalProperties": False,
    }
