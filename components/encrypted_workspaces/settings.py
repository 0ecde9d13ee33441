"""The base of every model that holds settings a user writes: the stack config (``config``) and the
guardrail pack's config (``rules``). One convention for both, at the bottom so both layers share it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class SettingsModel(BaseModel):
    """Unknown keys are typos: refused. camelCase in files, snake_case from Python; frozen once read.

    Each field's docstring (the string literal under it) is its description wherever the settings are
    documented: the stack-file JSON Schema, the inputs table (docs/inputs.md), the provider's package schema,
    the pack's config schema.
    """

    model_config = ConfigDict(
        extra="forbid",
        alias_generator=to_camel,
        populate_by_name=True,
        frozen=True,
        use_attribute_docstrings=True,
    )
