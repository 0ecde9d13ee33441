"""schema/error_locations.py: each rewrite accepts exactly what the schema it rewrites accepts, and puts
the error on the key at fault."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from encrypted_workspaces.schema.error_locations import located
from encrypted_workspaces.schema.stack_file import described_schema, stack_file_schema
from tests.schema.test_schema_refuses_what_plan_refuses import CASES, _with
from tests.schema.test_stack_schema import BROKEN, VALID, _stack

SECRET = "#/$defs/secret"
SECRET_DEF = {"type": "object", "properties": {"secure": {"type": "string"}}, "required": ["secure"]}
NULL = {"type": "null"}


def _object(properties: dict[str, Any], **keywords: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": {"secret": SECRET_DEF},
        **keywords,
    }


SCHEMAS = {
    "an enum or null": _object({"mode": {"anyOf": [{"type": "string", "enum": ["A", "B"]}, NULL]}}),
    "a pattern or null": _object({"id": {"anyOf": [{"type": "string", "pattern": "^d-[0-9]+$"}, NULL]}}),
    "a list or null": _object(
        {"arns": {"anyOf": [{"type": "array", "items": {"type": "string"}, "minItems": 1}, NULL]}}
    ),
    "a reference or null": _object({"block": {"anyOf": [{"$ref": "#/$defs/block"}, NULL]}})
    | {"$defs": {"secret": SECRET_DEF, "block": _object({"size": {"type": "integer"}})}},
    "a string or a secret": _object(
        {"description": {"anyOf": [{"type": "string", "maxLength": 3}, {"$ref": SECRET}]}}
    ),
    "a choice decided by one key": _object(
        {"existing": {"type": "string"}, "alias": {"type": "string"}, "admins": {"type": "array"}},
        oneOf=[
            {"required": ["existing"], "not": {"anyOf": [{"required": ["alias"]}, {"required": ["admins"]}]}},
            {"required": ["admins"], "not": {"required": ["existing"]}},
        ],
    ),
    "one key of two": _object(
        {"id": {"type": "string"}, "name": {"type": "string"}, "size": {"type": "integer"}},
        oneOf=[
            {"required": ["id"], "not": {"required": ["name"]}},
            {"required": ["name"], "not": {"required": ["id"]}},
        ],
    ),
    "never both": _object(
        {"id": {"type": "string"}, "name": {"type": "string"}}, **{"not": {"required": ["id", "name"]}}
    ),
}
INSTANCES = [
    {},
    {"mode": "A"},
    {"mode": "C"},
    {"mode": None},
    {"mode": 1},
    {"id": "d-1"},
    {"id": "x"},
    {"id": None},
    {"arns": []},
    {"arns": ["a"]},
    {"arns": None},
    {"arns": "a"},
    {"block": None},
    {"block": {"size": 1}},
    {"block": {"size": "1"}},
    {"block": {"other": 1}},
    {"description": "abc"},
    {"description": "abcd"},
    {"description": {"secure": "v1"}},
    {"description": {"other": "v1"}},
    {"description": None},
    {"existing": "k"},
    {"existing": "k", "alias": "a"},
    {"admins": []},
    {"admins": "x"},
    {"existing": "k", "admins": []},
    {"alias": "a"},
    {"name": "n"},
    {"id": "i", "name": "n"},
    {"id": "i", "size": 1},
    {"name": "n", "size": "1"},
]


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_each_rewrite_accepts_exactly_what_it_rewrites(name):
    before = jsonschema.Draft202012Validator(SCHEMAS[name])
    after = jsonschema.Draft202012Validator(located(SCHEMAS[name], SECRET))
    jsonschema.Draft202012Validator.check_schema(after.schema)
    for instance in INSTANCES:
        assert before.is_valid(instance) == after.is_valid(instance), instance


@pytest.mark.parametrize(
    ("name", "instance", "path", "says"),
    [
        ("an enum or null", {"mode": "C"}, ["mode"], "'C' is not one of ['A', 'B', None]"),
        ("a reference or null", {"block": {"other": 1}}, ["block"], "('other' was unexpected)"),
        ("a string or a secret", {"description": "abcd"}, ["description"], "'abcd' is too long"),
        ("a string or a secret", {"description": {"x": 1}}, ["description"], "'secure' is a required"),
        ("a choice decided by one key", {"existing": "k", "alias": "a"}, [], "('alias' was unexpected)"),
        ("a choice decided by one key", {}, [], "'admins' is a required property"),
        ("one key of two", {"id": "i", "name": "n"}, [], "('name' was unexpected)"),
        ("never both", {"id": "i", "name": "n"}, [], "('name' was unexpected)"),
    ],
)
def test_the_error_is_on_the_key_and_says_what_is_wrong(name, instance, path, says):
    errors = list(jsonschema.Draft202012Validator(located(SCHEMAS[name], SECRET)).iter_errors(instance))
    assert [(list(e.absolute_path), says in e.message) for e in errors] == [(path, True)], [
        e.message for e in errors
    ]


def test_the_stack_file_schema_means_what_the_model_described():
    described = jsonschema.Draft202012Validator(described_schema())
    written = jsonschema.Draft202012Validator(stack_file_schema())
    documents = [_stack(edit) for edit in [*BROKEN.values(), *VALID.values()]]
    documents += [_with(path, value) for _, path, value in CASES]
    for document in documents:
        assert described.is_valid(document) == written.is_valid(document)


# The stack file's sections are required by either name (encrypted-workspaces:key or key): that
# choice stays an anyOf, and its error names both.
EITHER_NAME = {"missing required section"}


@pytest.mark.parametrize("case", sorted(set(BROKEN) - EITHER_NAME))
def test_no_error_of_a_broken_stack_file_is_a_bare_choice(case):
    validator = jsonschema.Draft202012Validator(stack_file_schema())
    errors = list(validator.iter_errors(_stack(BROKEN[case])))
    assert errors and all(error.validator not in ("anyOf", "oneOf") for error in errors), [
        error.message for error in errors
    ]
