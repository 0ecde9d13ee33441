"""Every file generated from the config model is committed as the generator writes it today: the
stack-file schema, the tables of docs/inputs.md, docs/outputs.md and docs/troubleshooting.md, the
provider's args. `make generate` fixes a failure."""

from __future__ import annotations

import json

import pytest

from encrypted_workspaces.config import EncryptedWorkspacesArgs
from encrypted_workspaces.plan.refusals import BEGIN as REFUSALS_BEGIN
from encrypted_workspaces.schema.command import (
    INPUTS_PAGE,
    OUTPUTS_PAGE,
    PROJECT_ROOT,
    REFUSALS_PAGE,
    generated_files,
)
from encrypted_workspaces.schema.readme_table import BEGIN, END, OUTPUTS_BEGIN, inputs_table
from tests.conftest import schema_output

GENERATED = generated_files()


@pytest.mark.parametrize("path", list(GENERATED), ids=lambda path: str(path.relative_to(PROJECT_ROOT)))
def test_committed_file_is_what_the_model_generates(path):
    assert path.read_text() == GENERATED[path], f"{path.name} differs from the model: run `make generate`"


def test_schema_command_prints_the_committed_stack_schema(capsys):
    committed = (PROJECT_ROOT / "stacks" / "stack-config.schema.json").read_text()
    assert schema_output([], capsys) == committed


def test_readme_table_command_prints_the_table_of_the_inputs_page(capsys):
    table = schema_output(["--readme-table"], capsys)
    page = (PROJECT_ROOT / INPUTS_PAGE).read_text()
    assert table.startswith(BEGIN) and table.rstrip().endswith(END)
    assert table.rstrip() in page


def test_the_generated_tables_live_in_the_docs_pages_and_not_in_the_readme():
    # The README is a newcomer's guide that links to them; the markers stay the same, so a regeneration
    # on any branch lands in the pages.
    readme = (PROJECT_ROOT / "README.md").read_text()
    for page, begin in ((INPUTS_PAGE, BEGIN), (OUTPUTS_PAGE, OUTPUTS_BEGIN), (REFUSALS_PAGE, REFUSALS_BEGIN)):
        assert PROJECT_ROOT / page in GENERATED
        assert begin in (PROJECT_ROOT / page).read_text()
        assert begin not in readme


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
