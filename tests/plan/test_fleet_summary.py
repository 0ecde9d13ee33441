"""plan at fleet scale reads on a few screens (issue 20, item 4): what is the same is counted on one line,
users with settings of their own are listed, plan.json and --verbose keep every WorkSpace."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from encrypted_workspaces.aws.types import WORKSPACE
from encrypted_workspaces.plan.against import DeployedResource
from encrypted_workspaces.plan.changes import compare
from encrypted_workspaces.plan.changes_report import changes_blocks
from encrypted_workspaces.plan.grouping import (
    GROUPED_ABOVE,
    LISTED_AT_MOST,
    name_pattern,
    outputs_in_short,
    runs,
)
from encrypted_workspaces.plan.text import block_lines
from encrypted_workspaces.plan.workspaces_table import workspace_rows, workspaces_blocks
from tests.plan.fleet import fleet_stack
from tests.plan.test_changes import changes_lines, planned
from tests.plan.test_rollout_in_plan import plan
from tests.plan.test_summary import workspace

TREE_LINE = (
    "aws:workspaces/workspace:Workspace × 5,000 (workspaces-workspace-<user>)  "
    "[protect, deleteBeforeReplace, create timeout 90m, delete timeout 30m, update timeout 60m, "
    "ignores 6 properties]"
)


def section(stdout: str, title: str) -> list[str]:
    """The section's lines without their two-space indent."""
    lines = stdout.split(f"\n{title}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert all(line.startswith("  ") for line in lines)
    return [line[2:] for line in lines]


@pytest.fixture(scope="module")
def five_thousand(tmp_path_factory) -> tuple[int, str, Path]:
    directory = tmp_path_factory.mktemp("five-thousand")
    code, stdout = plan("--config", str(fleet_stack(directory, 5000)), "--out", str(directory / "out"))
    return code, stdout, directory / "out"


def test_five_thousand_users_print_at_most_300_lines_and_plan_json_keeps_them_all(five_thousand):
    code, stdout, out = five_thousand
    assert code == 0
    assert len(stdout.splitlines()) <= 300
    plan_json = json.loads((out / "plan.json").read_text())
    users = [r["inputs"]["userName"] for r in plan_json["resources"] if r["type"] == WORKSPACE]
    assert users == [f"user{n:05d}" for n in range(5000)]
    assert len(plan_json["outputs"]["workspaceIds"]) == 5000
    assert "user00001" not in stdout  # no user is named: every one shares its settings with 499 or more


def test_the_tree_counts_the_workspaces_on_one_line(five_thousand):
    tree = section(five_thousand[1], "Resources (5,009)")
    assert [line for line in tree if "workspace:Workspace" in line] == [f"   ├─ {TREE_LINE}"]
    assert len(tree) == 10


def test_the_table_counts_the_users_of_each_settings_largest_first(five_thousand):
    table = section(five_thousand[1], "WorkSpaces (5,000)")
    assert [line.split() for line in table[2:4]] == [
        ["(4,500", "users)", "wsb-bh8rsxt14", "STANDARD", "AUTO_STOP", "60", "80", "50", "yes", "yes"],
        ["(500", "users)", "wsb-bh8rsxt14", "PERFORMANCE", "ALWAYS_ON", "-", "80", "50", "yes", "yes"],
    ]
    assert table[4].startswith("5,000 WorkSpaces counted") and "--verbose" in table[4]
    assert len(table) == 5


def test_the_outputs_say_how_many_workspace_ids_there_are(five_thousand):
    outputs = section(five_thousand[1], "Outputs")
    ids = '  "workspaceIds": "<5,000 entries: in plan.json (outputs.workspaceIds); --verbose prints them>"'
    assert ids in outputs
    assert not any("ws-" in line for line in outputs)


# --- a fleet just above the threshold, grouped and --verbose -----------------------------------------


@pytest.fixture(scope="module")
def thirty(tmp_path_factory) -> Path:
    return fleet_stack(tmp_path_factory.mktemp("thirty"), 30)


def test_verbose_prints_every_workspace_in_the_tree_the_table_and_the_outputs(thirty, tmp_path):
    code, stdout = plan("--config", str(thirty), "--out", str(tmp_path / "o"), "--verbose")
    assert code == 0
    for n in range(30):
        user = f"user{n:05d}"
        assert f"aws:workspaces/workspace:Workspace  workspaces-workspace-{user}  [" in stdout
        assert re.search(rf"^  {user} +wsb-bh8rsxt14 ", stdout, re.M)
        assert f'"{user}": "ws-' in stdout
    assert "×" not in stdout and "counted" not in stdout


def test_without_verbose_thirty_users_are_two_counted_rows(thirty, tmp_path):
    code, stdout = plan("--config", str(thirty), "--out", str(tmp_path / "o"))
    assert code == 0
    assert "aws:workspaces/workspace:Workspace × 30 (workspaces-workspace-<user>)" in stdout
    table = section(stdout, "WorkSpaces (30)")
    # 27 users on the defaults are counted; the 3 ALWAYS_ON users (every tenth) are at most ten: listed.
    assert [line.split()[0] for line in table[2:6]] == ["(27", "user00000", "user00010", "user00020"]
    assert table[6].startswith("27 WorkSpaces counted")


# --- the grouping, piece by piece ---------------------------------------------------------------------


def test_runs_group_more_than_the_threshold_at_the_first_ones_place():
    items = ["a1", "b1", *[f"a{n}" for n in range(2, GROUPED_ABOVE + 2)], "c1"]
    grouped = runs(items, lambda item: item[0] if item != "c1" else None)
    assert grouped == [[f"a{n}" for n in range(1, GROUPED_ABOVE + 2)], "b1", "c1"]
    exactly = [f"a{n}" for n in range(GROUPED_ABOVE)]
    assert runs(exactly, lambda item: "same") == exactly  # ten alike are still listed


def test_the_name_pattern_keeps_whole_words_and_names_the_user():
    names = ["workspaces-workspace-user00001", "workspaces-workspace-user00002"]
    assert name_pattern(names, WORKSPACE) == "workspaces-workspace-<user>"
    assert name_pattern(["ip-a-assoc", "ip-b-assoc"], "aws:x/y:Z") == "ip-<name>-assoc"
    assert name_pattern(["alice", "alan"], WORKSPACE) == "<user>"


def test_only_large_collections_of_the_outputs_are_shortened():
    outputs = {
        "keyArn": "arn",
        "small": {"a": 1},
        "ids": {f"u{n}": n for n in range(11)},
        "list": list(range(12)),
    }
    assert outputs_in_short(outputs) == {
        "keyArn": "arn",
        "small": {"a": 1},
        "ids": "<11 entries: in plan.json (outputs.ids); --verbose prints them>",
        "list": "<12 items: in plan.json (outputs.list); --verbose prints them>",
    }


def test_users_with_settings_of_their_own_are_listed_up_to_a_limit_and_the_rest_counted():
    resources = [workspace(f"u{n:04d}", userVolumeSizeGib=1000 + n) for n in range(LISTED_AT_MOST + 7)]
    resources += [workspace(f"d{n:04d}") for n in range(GROUPED_ABOVE + 1)]
    lines = [
        line
        for block in workspaces_blocks(workspace_rows(resources), grouped=True)
        for line in block_lines(block)
    ]
    assert lines[2].split()[:2] == ["(11", "users)"]
    listed = [line.split()[0] for line in lines[3:] if line.startswith("u")]
    assert listed == [f"u{n:04d}" for n in range(LISTED_AT_MOST)]
    assert lines[-1].startswith("and 7 more users, whose settings at most 10 share (7 different settings)")


def test_the_changes_table_counts_alike_creates_and_held_changes_but_names_each_delete():
    fleet = [f"user{n:02d}" for n in range(12)]
    urn = (
        "urn:pulumi:s::p::encrypted-workspaces:index:EncryptedWorkspaces$"
        + WORKSPACE
        + "::workspaces-workspace-"
    )
    guard = ["bundleId", "userName"]
    deployed = {
        **{
            f"{urn}{u}": DeployedResource(f"{urn}{u}", WORKSPACE, {"bundleId": "wsb-a", "userName": u})
            for u in fleet
        },
        **{
            f"{urn}gone{n:02d}": DeployedResource(
                f"{urn}gone{n:02d}", WORKSPACE, {"userName": f"gone{n:02d}"}
            )
            for n in range(12)
        },
    }
    planned_now = [
        planned(f"{urn}{u}", WORKSPACE, {"bundleId": "wsb-b", "userName": u}, ignoreChanges=guard)
        for u in fleet
    ]
    planned_now += [planned(f"{urn}new{n:02d}", WORKSPACE, {"userName": f"new{n:02d}"}) for n in range(12)]
    changes = compare(deployed, planned_now)
    lines = [line for block in changes_blocks(changes, grouped=True) for line in block_lines(block)]
    assert [line.split()[:4] for line in lines if "×" in line] == [
        ["create", "Workspace", "×", "12"],
        ["held", "Workspace", "×", "12"],
    ]
    held = next(line for line in lines if line.split()[:1] == ["held"])
    assert "keeps the WorkSpace of <user> as it is (bundleId would replace it); list <user> under" in held
    deletes = [line for line in lines if line.startswith("!!  delete")]
    assert len(deletes) == 12 and "workspaces-workspace-gone00" in deletes[0]
    assert len(changes_lines(changes)) == 1 + 36 + 1  # ungrouped: a row per change
