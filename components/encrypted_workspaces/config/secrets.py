"""``secure:`` values under ``plan``: where Pulumi passes the decrypted value on to AWS as it is (a
bundle id, a subnet, a topic ARN), plan plans with its placeholder and notes the check it could not
make; everywhere else (what decides which resources exist, their names, or the policies plan writes
and lints) the value must be given in plain text.

``PASSED_ON`` marks such a type. Under ``pulumi up`` nothing changes: the value is decrypted and
checked like any other, and a literal ``[secret]`` is refused as the bad value it is.
"""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
from pydantic_core import core_schema

from .problems import SECRET_PLACEHOLDER

# The validation context of validate_args's second pass under plan: the placeholder passes unchecked.
_PASSES = "secret placeholders pass"
PLACEHOLDER_PASSES: dict[str, bool] = {_PASSES: True}
# What PASSED_ON adds to a type's JSON Schema: schema/stack_file.py then allows a secure: value there,
# as plan does.
SECRET_ALLOWED_KEYWORD = "x-secure-allowed"


def _placeholder_passes(value: Any, handler: core_schema.ValidatorFunctionWrapHandler, info: ValidationInfo):
    if value == SECRET_PLACEHOLDER and (info.context or {}).get(_PASSES):
        return value
    return handler(value)


class _PassedOn:
    """Annotated metadata: Pulumi passes this value on to AWS as it is."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_wrap_validator_function(_placeholder_passes, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {**handler(schema), SECRET_ALLOWED_KEYWORD: True}


PASSED_ON = _PassedOn()
