"""The JSON Schema (draft 2020-12) of a stack file, generated from the config model.

pydantic's schema of ``EncryptedWorkspacesArgs`` (camelCase, as in stack files) shaped into a whole
``Pulumi.<stack>.yaml``: under ``config:`` the ``encrypted-workspaces:*`` keys (and the same keys
bare, which Pulumi puts in the project's namespace), the ``aws:*`` keys plan reads with the limits
plan checks, any other provider's keys, and nothing else. ``secure:`` values are allowed where plan
accepts them: in place of a string with no pattern or set of values, since plan reads a secret as a
placeholder it cannot decrypt, and in place of a value Pulumi passes on to AWS as it is.
"""

from __future__ import annotations

from typing import Any

from encrypted_workspaces.aws import limits
from encrypted_workspaces.aws.partitions import workspaces_regions
from encrypted_workspaces.config import NAMESPACE, EncryptedWorkspacesArgs
from encrypted_workspaces.config.base import ecma_pattern
from encrypted_workspaces.config.secrets import SECRET_ALLOWED_KEYWORD

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE_NAME = "stack-config.schema.json"
SECURE_VALUE = "secureValue"
_SECURE_REF = {"$ref": f"#/$defs/{SECURE_VALUE}"}
# Keywords that describe a value rather than constrain it: kept beside an anyOf, not inside it.
_ANNOTATIONS = ("description", "default")
# Keywords under which JSON Schema nests schemas: a map of them, one, or a list.
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs")
_SCHEMA_VALUES = ("items", "additionalProperties", "not", "propertyNames")
_SCHEMA_LISTS = ("anyOf", "allOf", "oneOf")

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
        if keyword in _SCHEMA_MAPS:
            shaped[keyword] = {name: _shaped(item) for name, item in value.items()}
        elif keyword in _SCHEMA_VALUES:
            shaped[keyword] = _shaped(value)
        elif keyword in _SCHEMA_LISTS:
            shaped[keyword] = [_shaped(item) for item in value]
        else:
            shaped[keyword] = value
    # A value Pulumi passes on to AWS as it is: plan plans a secret there too (config/secrets.py).
    passed_on = shaped.pop(SECRET_ALLOWED_KEYWORD, False)
    if _is_free_string(shaped) or passed_on:
        kept = {keyword: shaped.pop(keyword) for keyword in _ANNOTATIONS if keyword in shaped}
        return {**kept, "anyOf": [shaped, _SECURE_REF]}
    return shaped


def stack_file_schema() -> dict[str, Any]:
    """The whole stack file's schema; deterministic, so the committed copy can be compared."""
    model = EncryptedWorkspacesArgs.model_json_schema(by_alias=True)
    definitions = {name: _shaped(definition) for name, definition in model["$defs"].items()}
    definitions[SECURE_VALUE] = {
        "description": "A value encrypted by `pulumi config set --secret`.",
        "type": "object",
        "properties": {"secure": {"type": "string"}},
        "required": ["secure"],
        "additionalProperties": False,
    }
    namespaced = {f"{NAMESPACE}:{key}": _shaped(value) for key, value in model["properties"].items()}
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
