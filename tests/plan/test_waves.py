"""Rolling out in waves through `plan` (docs/rollout.md, the recipe): 12 users in waves 1-3 plan 4
WorkSpaces at `workspaces.wave: 1`; raising it to 2 is 4 creates and nothing else; lowering it back
deletes those 4 WorkSpaces, a destructive change (exit 4); a bad wave is refused at its key path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.plan.test_against import WORKSPACE, WORKSPACES, ZERO, compare, dev_stack, exported, plan

TWELVE = {f"user{n:02}": 1 + (n - 1) // 4 for n in range(1, 13)}  # 4 each in waves 1, 2 and 3
WAVE_2 = ["user05", "user06", "user07", "user08"]
# The dev stack's resources besides its WorkSpaces: the key, its alias, the policies, the role, the
# registration.
OTHERS = 12


def at_wave(wave: int | None):
    """The dev stack with the twelve users in their waves, and ``workspaces.wave`` set (None: unset)."""

    def mutate(config):
        config[WORKSPACES]["users"] = {user: {"wave": n} for user, n in TWELVE.items()}
        if wave is not None:
            config[WORKSPACES]["wave"] = wave

    return mutate


def planned_users(out: Path) -> list[str]:
    resources = json.loads((out / "plan.json").read_text())["resources"]
    return sorted(r["inputs"]["userName"] for r in resources if r["type"] == WORKSPACE)


def planned(tmp_path: Path, capsys, wave: int | None, name: str) -> tuple[int, str, Path]:
    out = tmp_path / name
    code, stdout, stderr = plan(capsys, dev_stack(tmp_path / f"{name}-stack", at_wave(wave)), out)
    assert stderr == ""
    return code, stdout, out


@pytest.fixture
def wave_1(tmp_path, capsys) -> Path:
    """The pilot deployed: the plan of wave 1."""
    code, _, out = planned(tmp_path, capsys, 1, "wave-1")
    assert code == 0
    return out


def test_twelve_users_in_three_waves_plan_four_workspaces_at_wave_1(wave_1):
    assert planned_users(wave_1) == ["user01", "user02", "user03", "user04"]
    outputs = json.loads((wave_1 / "plan.json").read_text())["outputs"]
    assert sorted(outputs["workspaceIds"]) == ["user01", "user02", "user03", "user04"]


@pytest.mark.parametrize(("wave", "count"), [(2, 8), (3, 12), (9, 12), (None, 12)])
def test_the_wave_decides_how_many_workspaces_plan_lists(tmp_path, capsys, wave, count):
    assert len(planned_users(planned(tmp_path, capsys, wave, "plan")[2])) == count


def test_raising_the_wave_to_2_is_exactly_4_creates_and_nothing_else(tmp_path, capsys, wave_1):
    code, changes, stdout, out = compare(capsys, tmp_path, wave_1, at_wave(2))
    assert code == 0
    assert changes["summary"] == {**ZERO, "create": 4, "same": OTHERS + 4}
    assert [(c["action"], c["urn"].rsplit("::", 1)[1], c["destructive"]) for c in changes["changes"]] == [
        ("create", f"workspaces-workspace-{user}", False) for user in WAVE_2
    ]
    assert "4 create, 0 update, 0 replace, 0 delete, 0 held, 16 same" in stdout
    outputs = json.loads((out / "plan.json").read_text())["outputs"]
    assert sorted(outputs["workspaceIds"]) == [f"user{n:02}" for n in range(1, 9)]


def test_lowering_the_wave_from_2_to_1_deletes_4_workspaces_exit_4(tmp_path, capsys):
    code, _, wave_2 = planned(tmp_path, capsys, 2, "wave-2")
    assert code == 0
    code, changes, stdout, _ = compare(capsys, tmp_path, wave_2, at_wave(1))
    assert code == 4
    assert changes["summary"] == {**ZERO, "delete": 4, "same": OTHERS + 4}
    assert [(c["action"], c["urn"].rsplit("::", 1)[1], c["destructive"]) for c in changes["changes"]] == [
        ("delete", f"workspaces-workspace-{user}", True) for user in WAVE_2
    ]
    assert all("user volume" in c["reason"] for c in changes["changes"])
    assert "!!  delete  Workspace  workspaces-workspace-user05" in stdout


def test_lowering_the_wave_against_a_stack_export_is_destructive_too(tmp_path, capsys):
    export = exported(tmp_path, dev_stack(tmp_path / "deployed-stack", at_wave(2)))
    code, changes, _, _ = compare(capsys, tmp_path, export, at_wave(1))
    assert (code, changes["summary"]) == (4, {**ZERO, "delete": 4, "same": OTHERS + 4})


def test_naming_the_waves_of_a_stack_that_had_none_changes_nothing(tmp_path, capsys):
    code, _, every = planned(tmp_path, capsys, None, "every")
    assert code == 0
    code, changes, _, _ = compare(capsys, tmp_path, every, at_wave(3))
    assert (code, changes["summary"]) == (0, {**ZERO, "same": OTHERS + 12})


def test_plan_says_in_one_line_how_many_users_wait(tmp_path, capsys):
    _, stdout, _ = planned(tmp_path, capsys, 1, "wave-1")
    warnings = stdout.split("\nConfig warnings\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert warnings == [
        "  encrypted-workspaces:workspaces.wave: 8 of 12 users wait for a later wave (wave 2: 4, wave 3: 4) "
        "and get no WorkSpace until workspaces.wave reaches it"
    ]


@pytest.mark.parametrize(
    ("mutate", "line"),
    [
        (
            lambda config: config[WORKSPACES]["users"]["bob"].update(wave=0),
            "encrypted-workspaces:workspaces.users.bob.wave: must be a wave, a whole number from 1 (the "
            "first wave) to 2147483647 (got 0)",
        ),
        (
            lambda config: config[WORKSPACES].update(wave=0),
            "encrypted-workspaces:workspaces.wave: must be a wave, a whole number from 1 (the first wave) "
            "to 2147483647 (got 0)",
        ),
    ],
    ids=["a user's", "workspaces.wave"],
)
def test_wave_0_is_refused_with_its_key_path_exit_2(tmp_path, capsys, mutate, line):
    out = tmp_path / "refused"
    code, stdout, stderr = plan(capsys, dev_stack(tmp_path / "stack", mutate), out)
    assert code == 2
    assert line in stderr.splitlines()
    assert not (out / "plan.json").exists()
