"""docs/rollout.md and its figure come from the model: the script runs, and the page quotes the model."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from encrypted_workspaces.aws.provisioning import API_CALLS_PER_SECOND, PROVISIONING_MINUTES
from encrypted_workspaces.rollout.model import (
    DEFAULT_PARALLEL,
    max_parallel_within_budget,
    recommended_parallel,
)
from encrypted_workspaces.rollout.summary import about

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = PROJECT / "docs" / "figures" / "rollout_figure.py"
PAGE = PROJECT / "docs" / "rollout.md"


def _figure_module():
    spec = importlib.util.spec_from_file_location("rollout_figure", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_draws_the_figure_and_leaves_a_current_page_as_it_is(tmp_path):
    page = tmp_path / "rollout.md"
    shutil.copyfile(PAGE, page)
    png = tmp_path / "rollout.png"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--png", str(png), "--markdown", str(page)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.read_text(encoding="utf-8") == PAGE.read_text(encoding="utf-8")


def test_the_page_quotes_the_models_numbers():
    figure = _figure_module()
    page = PAGE.read_text(encoding="utf-8")
    assert figure.generated_block() in page


def test_the_check_catches_a_number_that_is_not_the_models(tmp_path):
    figure = _figure_module()
    page = PAGE.read_text(encoding="utf-8")
    recommended = recommended_parallel(1000)
    quoted = f"`--parallel {recommended}`: "
    assert quoted in page
    stale = tmp_path / "rollout.md"
    stale.write_text(page.replace(quoted, f"`--parallel {recommended + 1}`: "), encoding="utf-8")
    assert figure.main(["--check", "--markdown", str(stale)]) == 1
    assert figure.main(["--check", "--markdown", str(PAGE)]) == 0


def test_the_generated_numbers_are_the_models():
    figure = _figure_module()
    short = figure.in_short()
    cap = max_parallel_within_budget()
    assert f"`--parallel {cap}`" in short and f"({cap} WorkSpaces)" in short
    assert about(figure.rollout_minutes(1000, DEFAULT_PARALLEL)) in short


@pytest.mark.parametrize(
    "fact",
    [
        f"**Provisioning time, {PROVISIONING_MINUTES[0]}–{PROVISIONING_MINUTES[1]} minutes per WorkSpace.**",
        f"**The API budget, {API_CALLS_PER_SECOND} calls per second (an assumption, a parameter).**",
        f"{DEFAULT_PARALLEL} on a 2-core CI runner",
    ],
)
def test_the_prose_cites_the_same_facts_as_the_code(fact):
    assert fact in " ".join(PAGE.read_text(encoding="utf-8").split())


def test_the_page_has_the_recipe_and_the_figure():
    page = PAGE.read_text(encoding="utf-8")
    assert "![Rollout time against --parallel" in page and "(rollout.png)" in page
    assert (PROJECT / "docs" / "rollout.png").is_file()
    for step in ("**Preflight.**", "**Deploy the pilot**", "**The next waves.**"):
        assert step in page
