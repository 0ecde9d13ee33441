"""plan says the rollout (issue 20, item 2; DESIGN.md "Rollout contract"): plan.json's ``rollout`` for the
WorkSpaces this update creates, and one paragraph on stdout, none when it creates nothing."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from encrypted_workspaces.cli import main
from encrypted_workspaces.rollout import DEFAULT_PARALLEL, rollout_paragraph, rollout_summary
from tests.plan.fleet import fleet_stack
from tests.plan.test_against import WORKSPACES, dev_stack

ROLLOUT_TITLE = "\nRollout\n"


def plan(*args: str) -> tuple[int, str]:
    """Exit code and stdout of ``encrypted-workspaces plan ARGS`` (usable from a module fixture)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["plan", *args])
    return code, out.getvalue()


def rollout_of(out: Path) -> dict:
    return json.loads((out / "plan.json").read_text())["rollout"]


@pytest.fixture(scope="module")
def thousand(tmp_path_factory) -> tuple[int, str, Path]:
    directory = tmp_path_factory.mktemp("thousand")
    code, stdout = plan("--config", str(fleet_stack(directory, 1000)), "--out", str(directory / "out"))
    return code, stdout, directory / "out"


def test_a_thousand_user_plan_estimates_their_rollout(thousand):
    code, stdout, out = thousand
    assert code == 0
    rollout = rollout_of(out)
    assert rollout == rollout_summary(1000)
    assert rollout["creates"] == 1000
    minutes = {estimate["parallel"]: estimate["minutes"] for estimate in rollout["estimates"]}
    assert len(minutes) >= 3
    recommended = rollout["recommendedParallel"]
    # No slower than Pulumi's default, at either end of the range; here, faster.
    assert minutes[recommended][0] <= minutes[DEFAULT_PARALLEL][0]
    assert minutes[recommended][1] < minutes[DEFAULT_PARALLEL][1]
    assert f"{ROLLOUT_TITLE}  {rollout_paragraph(1000)}\n" in stdout
    assert "this update creates 1,000 WorkSpaces: about 42–125 h (2–5 days) at `--parallel 8`" in stdout


def test_rollout_comes_after_the_outputs_in_plan_json(thousand):
    assert list(json.loads((thousand[2] / "plan.json").read_text()))[-2:] == ["outputs", "rollout"]


@pytest.fixture
def deployed(tmp_path) -> Path:
    out = tmp_path / "deployed"
    assert plan("--config", str(dev_stack(tmp_path / "before")), "--out", str(out))[0] == 0
    return out


def against(tmp_path: Path, deployed: Path, mutate) -> tuple[int, str, Path]:
    out = tmp_path / "after"
    code, stdout = plan(
        "--config",
        str(dev_stack(tmp_path / "after-stack", mutate)),
        "--out",
        str(out),
        "--against",
        str(deployed),
    )
    return code, stdout, out


def test_against_counts_only_the_workspaces_this_update_creates(tmp_path, deployed):
    def add_three(config):
        config[WORKSPACES]["users"].update({"carol": {}, "dave": {}, "erin": {"computeTypeName": "POWER"}})

    code, stdout, out = against(tmp_path, deployed, add_three)
    assert code == 0
    assert rollout_of(out) == rollout_summary(3)
    assert rollout_of(out)["creates"] == 3  # not the 5 WorkSpaces of the plan
    assert "this update creates 3 WorkSpaces: about 20–60 min at `--parallel 8` (recommended)" in stdout


def test_nothing_is_printed_when_the_update_creates_nothing(tmp_path, deployed):
    code, stdout, out = against(tmp_path, deployed, None)
    assert code == 0
    assert rollout_of(out) == rollout_summary(0)
    assert rollout_of(out)["creates"] == 0
    assert ROLLOUT_TITLE not in stdout and "this update creates" not in stdout


def test_a_held_replacement_creates_nothing_and_a_let_one_creates_one(tmp_path, deployed):
    def new_bundle(config):
        config[WORKSPACES]["users"]["alice"] = {"bundleId": "wsb-0000000000"}

    code, stdout, out = against(tmp_path, deployed, new_bundle)
    assert (code, rollout_of(out)["creates"]) == (0, 0)  # held by the replacement guard
    assert "this update creates" not in stdout

    def new_bundle_replaced(config):
        new_bundle(config)
        config[WORKSPACES]["replace"] = ["alice"]

    code, stdout, out = against(tmp_path / "let", deployed, new_bundle_replaced)
    assert code == 4  # the replace is destructive
    assert rollout_of(out)["creates"] == 1
    assert "this update creates 1 WorkSpace: about 20–60 min" in stdout


def test_a_removed_user_creates_nothing(tmp_path, deployed):
    def remove_bob(config):
        del config[WORKSPACES]["users"]["bob"]

    code, stdout, out = against(tmp_path, deployed, remove_bob)
    assert (code, rollout_of(out)["creates"]) == (4, 0)
    assert "this update creates" not in stdout
