"""The "What the config refuses" table of docs/troubleshooting.md is the one plan/refusals.py builds from
the limits."""

from __future__ import annotations

from pathlib import Path

from encrypted_workspaces.plan.refusals import BEGIN, END, refusal_rows, refusals_markdown

PAGE = Path(__file__).resolve().parents[1] / "docs" / "troubleshooting.md"


def test_the_troubleshooting_table_is_generated_from_the_limits():
    text = PAGE.read_text()
    table = text.split(f"{BEGIN}\n", 1)[1].split(END, 1)[0]
    assert table == refusals_markdown(), "run: make generate"


def test_every_row_names_its_source():
    assert all(key and rule and source for key, rule, source in refusal_rows())
