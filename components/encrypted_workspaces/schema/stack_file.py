"""The JSON Schema (draft 2020-12) of a stack file, generated from the config model.

pydantic's schema of ``EncryptedWorkspacesArgs`` (camelCase, as in stack files) shaped into a whole
``Pulumi.<stack>.yaml``: under ``config:`` the ``encrypted-workspaces:*`` keys (and the same keys
bare, which Pulumi puts in the project's namespace), the ``aws:*`` keys plan reads with the limits
plan checks, any other provider's keys, and nothing else. ``secure:`` values are allowed where plan
accepts them: in place of a string with no pattern or set of values, since plan reads a secret as a
placeholder it cannot decrypt, and in place of a value Pulumi passes on to AWS as it is.

As strict as the model wherever one key decides: what the model checks of one key outside pydantic's
view (``ONE_KEY_RULES``) is added by key name. What no JSON Schema can say is the model's alone (and
tests/schema/test_schema_refuses_what_plan_refuses.py lists it): a float such as 80.0 where an integer
is wanted (JSON Schema counts 80.0 as an integer), non-ASCII symbols in tags (no Unicode classes in its
patterns), lengths in UTF-16 code units, names equal but for case, and every rule across keys.
Then ``error_locations`` puts each error on the key at fault, for editors.
"""

from __future__ import annotations

from typing import Any

from encrypted_workspaces.aws import limits, tags
from encrypted_workspaces.aws.partitions import workspaces_regions
from encrypted_workspaces.config import NAMESPACE, EncryptedWorkspacesArgs
from encrypted_workspaces.config.base import ecma_pattern
from encrypted_workspaces.config.secrets import SECRET_ALLOWED_KEYWORD

from .error_locations import SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_VALUES, located

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE_NAME = "stack-config.schema.json"
SECURE_VALUE = "secureValue"
_SECURE_REF = {"$ref": f"#/$defs/{SECURE_VALUE}"}
_NULL = {"type": "null"}
# Keywords that describe a value rather than constrain it: kept beside an anyOf, not inside it.
_ANNOTATIONS = ("description", "default")

AWS_KEYS: dict[str, dict[str, Any]] = {
    "aws:region": {
        "description": "The AWS region the stack deploys to (read by the AWS provider, and by plan).",
        "type": "string",
        # The regions botocore knows where WorkSpaces has an endpoint, as plan and the config check.
        "enum": list(workspaces_regions()),
    },
    "aws:allowedAccountIds": {
        "description": "The one 12-digit account the stack deploys to: the AWS provider refuses any other, "
        "and plan takes the account id from here.",
        "type": "array",
        "items": {"type": "string", "pattern": ecma_pattern(limits.ACCOUNT_ID_PATTERN)},
        "minItems": 1,
        "maxItems": 1,
    },
}


def _is_free_string(schema: dict[str, Any]) -> bool:
    """A string any text satisfies within its length: where plan accepts a secret's placeholder."""
    return schema.get("type") == "string" and not {"pattern", "enum", "const", "not", "minLength"} & set(
        schema
    )


def _shaped(schema: Any) -> Any:
    """The schema without pydantic's titles, with ``secure:`` allowed in place of free strings."""
    if not isinstance(schema, dict):
        return schema
    shaped: dict[str, Any] = {}
    for keyword, value in schema.items():
        if keyword == "title":
            continue
        if keyword == "properties":
            shaped[keyword] = {name: _one_key_rule(name, _shaped(item)) for name, item in value.items()}
        elif keyword in SCHEMA_MAPS:
            shaped[keyword] = {name: _shaped(item) for name, item in value.items()}
        elif keyword in SCHEMA_VALUES:
            shaped[keyword] = _shaped(value)
        elif keyword in SCHEMA_LISTS:
            shaped[keyword] = [_shaped(item) for item in value]
        else:
            shaped[keyword] = value
    # A value Pulumi passes on to AWS as it is: plan plans a secret there too (config/secrets.py).
    passed_on = shaped.pop(SECRET_ALLOWED_KEYWORD, False)
    if _is_free_string(shaped) or passed_on:
        kept = {keyword: shaped.pop(keyword) for keyword in _ANNOTATIONS if keyword in shaped}
        return {**kept, "anyOf": [shaped, _SECURE_REF]}
    return shaped


def _sizes(sizes: tuple[tuple[int, ...], tuple[int, int]]) -> dict[str, Any]:
    """A few sizes, or a range above them: ``if``/``then``/``else`` rather than ``anyOf``, so that the
    error says which ("90 is not one of [80, 100]", "2001 is greater than the maximum of 2000")."""
    few, (low, high) = sizes
    return {
        "minimum": min(few),
        "maximum": high,
        "if": {"maximum": low - 1},
        "then": {"enum": list(few)},
        "else": {"minimum": low},
    }


# What the model refuses on one key but pydantic's schema does not say, by the key's name in the stack
# file: the volume sizes (checked in config/checks.py, with the pairs), and the characters of tag
# values (checked in a validator that lets a secret's placeholder through).
ONE_KEY_RULES: dict[str, dict[str, Any]] = {
    "rootVolumeSizeGib": _sizes(limits.ROOT_VOLUME_SIZES),
    "userVolumeSizeGib": _sizes(limits.USER_VOLUME_SIZES),
    "tags": {"additionalProperties": {"pattern": tags.TAG_SCHEMA_PATTERN}},
}


def _refined(schema: dict[str, Any], rule: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with ``rule`` added to the value it describes: inside the branch that is neither null
    nor a secret when it has such alternatives, inside the map's values for ``additionalProperties``."""
    alternatives = schema.get("anyOf")
    if alternatives is not None:
        kept = (_NULL, _SECURE_REF)
        return {**schema, "anyOf": [a if a in kept else _refined(a, rule) for a in alternatives]}
    refined = dict(schema)
    for keyword, value in rule.items():
        if keyword == "additionalProperties":
            refined[keyword] = _refined(schema[keyword], value)
        else:
            refined[keyword] = value
    return refined


def _one_key_rule(name: str, schema: Any) -> Any:
    return _refined(schema, ONE_KEY_RULES[name]) if name in ONE_KEY_RULES else schema


def stack_file_schema() -> dict[str, Any]:
    """The whole stack file's schema; deterministic, so the committed copy can be compared."""
    return located(described_schema(), _SECURE_REF["$ref"])


def described_schema() -> dict[str, Any]:
    """The stack file's schema as the model describes it, before ``error_locations`` rewrites it for
    editors (the same meaning): what the inputs table of docs/inputs.md is made from."""
    model = EncryptedWorkspacesArgs.model_json_schema(by_alias=True)
    definitions = {name: _shaped(definition) for name, definition in model["$defs"].items()}
    definitions[SECURE_VALUE] = {
        "description": "A value encrypted by `pulumi config set --secret`.",
        "type": "object",
        "properties": {"secure": {"type": "string"}},
        "required": ["secure"],
        "additionalProperties": False,
    }
    namespaced = {
        f"{NAMESPACE}:{key}": _one_key_rule(key, _shaped(value)) for key, value in model["properties"].items()
    }
    bare = {
        key: {
            "description": f"Same as {NAMESPACE}:{key}: a key without a namespace is the project's.",
            "$ref": f"#/properties/config/properties/{NAMESPACE}:{key}",
        }
        for key in model["properties"]
    }
    required = [
        {"anyOf": [{"required": [f"{NAMESPACE}:{key}"]}, {"required": [key]}]} for key in model["required"]
    ]
    return {
        "$schema": DIALECT,
        "title": f"Pulumi stack file of the {NAMESPACE} project",
        "description": "Generated from the config model by `encrypted-workspaces schema`; do not edit.",
        "type": "object",
        "properties": {
            "config": {
                "description": "The stack's configuration: "
                f"{NAMESPACE}:* keys, the aws:* keys, and other providers' keys.",
                "type": "object",
                "properties": {**AWS_KEYS, **namespaced, **bare},
                # Another provider's keys (aws:profile, ...): not ours to judge.
                "patternProperties": {f"^(?!{NAMESPACE}:)[^:]+:.+$": {}},
                # Anything else is a typo the model would refuse too.
                "additionalProperties": False,
                "required": list(AWS_KEYS),
                "allOf": required,
            },
        },
        "required": ["config"],
        "$defs": definitions,
    }
