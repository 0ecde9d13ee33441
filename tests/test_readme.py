"""The README's "What the config refuses" table is the one plan/refusals.py builds from the limits."""

from __future__ import annotations

from pathlib import Path

from encrypted_workspaces.plan.refusals import refusal_rows, refusals_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_table_is_generated_from_the_limits():
    text = README.read_text()
    table = text.split("<!-- refusals:start -->\n", 1)[1].split("<!-- refusals:end -->", 1)[0]
    assert table == refusals_markdown(), "run: make generate"


def test_every_row_names_its_source():
    assert all(key and rule and source for key, rule, source in refusal_rows())
