"""Every file generated from the config model is committed as the generator writes it today: the
stack-file schema, the README's inputs table, the provider's args. `make generate` fixes a failure."""

from __future__ import annotations

import json

import pytest

from encrypted_workspaces.config import EncryptedWorkspacesArgs
from encrypted_workspaces.schema.command import PROJECT_ROOT, generated_files
from encrypted_workspaces.schema.readme_table import BEGIN, END, inputs_table
from tests.conftest import schema_output

GENERATED = generated_files()


@pytest.mark.parametrize("path", list(GENERATED), ids=lambda path: str(path.relative_to(PROJECT_ROOT)))
def test_committed_file_is_what_the_model_generates(path):
    assert path.read_text() == GENERATED[path], f"{path.name} differs from the model: run `make generate`"


def test_schema_command_prints_the_committed_stack_schema(capsys):
    committed = (PROJECT_ROOT / "stacks" / "stack-config.schema.json").read_text()
    assert schema_output([], capsys) == committed


def test_readme_table_command_prints_the_table_in_the_readme(capsys):
    table = schema_output(["--readme-table"], capsys)
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert table.startswith(BEGIN) and table.rstrip().endswith(END)
    assert table.rstrip() in readme


def _leaf_keys(model, prefix=""):
    for field in model.model_fields.values():
        path = f"{prefix}{field.alias}"
        annotation = field.annotation
        nested = getattr(annotation, "model_fields", None)
        if nested is not None:
            yield from _leaf_keys(annotation, path + ".")
        else:
            yield path, field


def test_readme_table_has_a_row_per_leaf_key_with_its_description_and_default():
    table = inputs_table()
    for path, field in _leaf_keys(EncryptedWorkspacesArgs):
        (row,) = [line for line in table.splitlines() if line.startswith(f"| `{path}` |")]
        description = " ".join(field.description.split()).replace("<", "&lt;").replace("|", "\\|")
        assert row.endswith(f"| {description} |"), path
        if field.is_required():
            assert "| required |" in row, path
        elif field.default not in (None, {}) and not hasattr(field.default, "model_dump"):
            assert f"| `{json.dumps(field.default, separators=(', ', ': '))}` |" in row, path
