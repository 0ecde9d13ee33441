"""Every config key says what it does: its description feeds the schema, docs/inputs.md and the provider."""

from __future__ import annotations

from typing import get_args

from pydantic import BaseModel

from encrypted_workspaces.config import EncryptedWorkspacesArgs


def _models(model: type[BaseModel], path: str = ""):
    yield path, model
    for name, field in model.model_fields.items():
        pending = [field.annotation]
        while pending:
            candidate = pending.pop()
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                yield from _models(candidate, f"{path}{field.alias or name}.")
            pending += get_args(candidate)


def test_every_config_key_has_a_description():
    undescribed = [
        f"{path}{field.alias or name}"
        for path, model in _models(EncryptedWorkspacesArgs)
        for name, field in model.model_fields.items()
        if not (field.description or "").strip()
    ]
    assert undescribed == []


def test_descriptions_come_from_the_docstring_under_each_field():
    rotation = EncryptedWorkspacesArgs.model_fields["key"].annotation.model_fields["enable_key_rotation"]
    assert rotation.description.startswith("Automatic key rotation. Defaults to true, because")
