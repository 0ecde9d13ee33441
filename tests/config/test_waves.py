"""Waves in the config model: a user's ``wave`` (default 1) and ``workspaces.wave`` (default every wave).

The stack deploys the users whose wave is at most ``workspaces.wave``; a bad wave is one line naming
its key path, in the stack file's terms and in a Python caller's."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from encrypted_workspaces import (
    ConfigError,
    EncryptedWorkspacesArgs,
    WorkspaceOverridesArgs,
    WorkspacesArgs,
)
from encrypted_workspaces.config import validate_args
from encrypted_workspaces.config.warnings import config_warnings
from tests.conftest import valid_namespace

NS = "encrypted-workspaces:"
ALLOWED = "must be a wave, a whole number from 1 (the first wave) to 2147483647"


def in_waves(waves: dict[str, int], wave: int | None = None) -> dict:
    """The valid namespace with these users, each in its wave, and ``workspaces.wave`` if given."""
    config = valid_namespace()
    config["workspaces"]["users"] = {user: {"wave": n} for user, n in waves.items()}
    if wave is not None:
        config["workspaces"]["wave"] = wave
    return config


TWELVE = {f"user{n:02}": 1 + (n - 1) // 4 for n in range(1, 13)}  # 4 each in waves 1, 2 and 3


def test_twelve_users_in_three_waves_deploy_the_first_four_at_wave_1():
    workspaces = validate_args(in_waves(TWELVE, wave=1)).workspaces
    assert workspaces.deployed_users == ["user01", "user02", "user03", "user04"]
    assert len(workspaces.waiting_users) == 8


def test_each_raise_of_the_wave_adds_its_users_and_keeps_the_others():
    deployed = [validate_args(in_waves(TWELVE, wave=n)).workspaces.deployed_users for n in (1, 2, 3)]
    assert [len(users) for users in deployed] == [4, 8, 12]
    assert set(deployed[0]) < set(deployed[1]) < set(deployed[2])


def test_without_workspaces_wave_every_user_is_deployed():
    workspaces = validate_args(in_waves(TWELVE)).workspaces
    assert workspaces.wave is None
    assert workspaces.deployed_users == sorted(TWELVE) and workspaces.waiting_users == []


def test_a_wave_above_every_users_is_everyone():
    assert validate_args(in_waves(TWELVE, wave=40)).workspaces.deployed_users == sorted(TWELVE)


def test_a_user_without_a_wave_is_in_the_first():
    config = valid_namespace()  # alice and bob name no wave
    config["workspaces"]["users"]["carol"] = {"wave": 2}
    config["workspaces"]["wave"] = 1
    workspaces = validate_args(config).workspaces
    assert workspaces.users["alice"].wave == 1
    assert (workspaces.deployed_users, workspaces.waiting_users) == (["alice", "bob"], ["carol"])


def test_a_wave_is_no_property_of_the_workspace():
    workspaces = validate_args(in_waves({"alice": 3}, wave=3)).workspaces
    assert workspaces.properties_for("alice") == workspaces.defaults


def test_a_user_of_a_later_wave_may_be_listed_under_replace_and_have_an_import_id():
    config = in_waves({"alice": 1, "bob": 2}, wave=1)
    config["workspaces"]["users"]["bob"]["importId"] = "ws-0123456789"
    config["workspaces"]["replace"] = ["bob"]
    workspaces = validate_args(config).workspaces
    assert workspaces.waiting_users == ["bob"] and workspaces.may_replace("bob")


BAD_WAVES = [
    (0, f"{ALLOWED} (got 0)"),
    (-1, f"{ALLOWED} (got -1)"),
    (2**31, f"{ALLOWED} (got 2147483648)"),
    (1.5, "must be a whole number (got 1.5)"),
    (2.0, "must be a whole number (got 2.0)"),
    ("2", "must be a whole number (got '2')"),
    (True, "must be a whole number, not true or false (got True)"),
    (None, "must be a whole number (got null)"),
]


@pytest.mark.parametrize(("value", "message"), BAD_WAVES, ids=[repr(v) for v, _ in BAD_WAVES])
def test_a_bad_users_wave_is_refused_at_its_key_path(value, message):
    config = valid_namespace()
    config["workspaces"]["users"]["bob"]["wave"] = value
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    assert raised.value.problems == [f"{NS}workspaces.users.bob.wave: {message}"]


@pytest.mark.parametrize(("value", "message"), BAD_WAVES[:-1], ids=[repr(v) for v, _ in BAD_WAVES[:-1]])
def test_a_bad_workspaces_wave_is_refused_at_its_key_path(value, message):
    config = valid_namespace()
    config["workspaces"]["wave"] = value
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    assert raised.value.problems == [f"{NS}workspaces.wave: {message}"]


def test_a_null_workspaces_wave_is_every_wave():
    # The schema allows null there (the key's default): YAML's `wave:` with nothing after it.
    config = in_waves({"alice": 1, "bob": 5})
    config["workspaces"]["wave"] = None
    assert validate_args(config).workspaces.deployed_users == ["alice", "bob"]


def test_python_callers_get_the_argument_path():
    with pytest.raises(ConfigError) as raised:
        WorkspaceOverridesArgs(wave=0)
    assert raised.value.problems == [f"WorkspaceOverridesArgs.wave: {ALLOWED} (got 0)"]
    with pytest.raises(ConfigError) as raised:
        WorkspacesArgs(defaults={"bundle_id": "wsb-bh8rsxt14"}, wave=False)
    assert raised.value.problems == [
        "WorkspacesArgs.wave: must be a whole number, not true or false (got False)"
    ]
    config = valid_namespace()
    config["workspaces"]["users"]["bob"]["wave"] = -3
    with pytest.raises(ConfigError) as raised:
        EncryptedWorkspacesArgs(**config)
    assert raised.value.problems == [
        f"EncryptedWorkspacesArgs.workspaces.users['bob'].wave: {ALLOWED} (got -3)"
    ]


def test_python_callers_set_waves_with_the_args_classes():
    workspaces = WorkspacesArgs(
        defaults={"bundle_id": "wsb-bh8rsxt14"},
        users={"alice": WorkspaceOverridesArgs(), "bob": WorkspaceOverridesArgs(wave=2)},
        wave=1,
    )
    assert (workspaces.deployed_users, workspaces.waiting_users) == (["alice"], ["bob"])


# --- the config warning: one line for every user who waits ---------------------------------------


def test_users_of_later_waves_are_one_warning_line_counted_by_wave():
    assert config_warnings(validate_args(in_waves(TWELVE, wave=1))) == [
        f"{NS}workspaces.wave: 8 of 12 users wait for a later wave (wave 2: 4, wave 3: 4) and get no "
        "WorkSpace until workspaces.wave reaches it"
    ]


def test_one_waiting_user_reads_in_the_singular():
    assert config_warnings(validate_args(in_waves({"alice": 1, "bob": 2}, wave=1))) == [
        f"{NS}workspaces.wave: 1 of 2 users waits for a later wave (wave 2: 1) and gets no WorkSpace until "
        "workspaces.wave reaches it"
    ]


def test_many_later_waves_stay_one_line():
    waves = {f"user{n:03}": n for n in range(1, 101)}
    [line] = config_warnings(validate_args(in_waves(waves, wave=1)))
    assert "(wave 2: 1, wave 3: 1, wave 4: 1, wave 5: 1, wave 6: 1 and 94 more waves)" in line
    assert line.startswith(f"{NS}workspaces.wave: 99 of 100 users wait")


@pytest.mark.parametrize("wave", [None, 3], ids=["unset", "the highest"])
def test_no_warning_when_every_user_is_deployed(wave):
    assert config_warnings(validate_args(in_waves(TWELVE, wave=wave))) == []


def test_the_recipes_example_in_docs_rollout_md_is_a_valid_config_deploying_the_pilot():
    page = (Path(__file__).resolve().parents[2] / "docs" / "rollout.md").read_text(encoding="utf-8")
    recipe = page.split("## The recipe", 1)[1]
    block = textwrap.dedent(recipe.split("```yaml\n", 1)[1].split("```", 1)[0])
    config = valid_namespace()
    config["workspaces"] = yaml.safe_load(block)[f"{NS}workspaces"]
    workspaces = validate_args(config).workspaces
    assert workspaces.deployed_users == ["alice", "bob"]
    assert workspaces.waiting_users == ["carol", "dave", "erin"]
