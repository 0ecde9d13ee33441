"""Every problem line plan prints: the key path first, a missing key says `required`, never Python's
None, and a very long value is cut with its length, so that no line is over 300 characters (issue 18,
items 7 and 8)."""

from __future__ import annotations

import re

import pytest

from encrypted_workspaces.errors import MAX_PROBLEM_LENGTH
from tests.plan.test_plan_cli import run_plan, write_stack

NS = "encrypted-workspaces:"
LONG = 515
# Python's None as a word: what a message must never show the user.
PYTHON_NONE = re.compile(r"\bNone\b")


def problem_lines(tmp_path, capsys, mutate) -> list[str]:
    code, stdout, err = run_plan(
        capsys, "--config", str(write_stack(tmp_path, "t", mutate)), "--out", str(tmp_path / "o")
    )
    assert (code, stdout) == (2, ""), err
    return err.splitlines()


def drop(key):
    def mutate(config):
        del config[key]

    return mutate


@pytest.mark.parametrize(
    ("key", "allowed"),
    [("aws:region", "an AWS region such as eu-west-1"), ("aws:allowedAccountIds", "12-digit account")],
)
def test_a_missing_provider_key_says_required(tmp_path, capsys, key, allowed):
    (line,) = problem_lines(tmp_path, capsys, drop(key))
    assert line.startswith(f"{key}: required")
    assert allowed in line
    assert not PYTHON_NONE.search(line)


def test_a_missing_section_says_required(tmp_path, capsys):
    (line,) = problem_lines(tmp_path, capsys, drop(f"{NS}directory"))
    assert line == f"{NS}directory: required"


@pytest.mark.parametrize(
    "path",
    [
        "workspaces.defaults.runningMode",
        "workspaces.defaults.rootVolumeSizeGib",
        "workspaces.protect",
        "directory.directoryId",
    ],
)
def test_a_null_value_is_shown_as_null_never_none(tmp_path, capsys, path):
    section, *rest = path.split(".")

    def mutate(config):
        node = config[f"{NS}{section}"]
        for part in rest[:-1]:
            node = node[part]
        node[rest[-1]] = None

    lines = problem_lines(tmp_path, capsys, mutate)
    assert [line for line in lines if line.startswith(f"{NS}{path}: ")], lines
    assert not [line for line in lines if PYTHON_NONE.search(line)]


def set_in(key, *path, value):
    def mutate(config):
        node = config
        parents = (key, *path[:-1]) if path else ()
        for part in parents:
            node = node.setdefault(part, {})
        node[path[-1] if path else key] = value

    return mutate


def rename_user(config):
    config[f"{NS}workspaces"]["users"]["u" * LONG] = config[f"{NS}workspaces"]["users"].pop("alice")


def unknown_key(config):
    config[f"{NS}directory"]["x" * LONG] = "anything"


# (mutation, the key path the line starts with, the length of the long value)
LONG_VALUES = [
    (set_in("aws:region", value="r" * LONG), "aws:region: ", LONG),
    (set_in("aws:allowedAccountIds", value=["1" * LONG]), "aws:allowedAccountIds: ", LONG + 4),
    (
        set_in(f"{NS}workspaces", "defaults", "bundleId", value="wsb-" + "b" * LONG),
        f"{NS}workspaces.defaults.bundleId: ",
        LONG + 4,
    ),
    (
        set_in(f"{NS}directory", "directoryId", value="d-" + "0" * LONG),
        f"{NS}directory.directoryId: ",
        LONG + 2,
    ),
    (set_in(f"{NS}key", "alias", value="alias/" + "a" * LONG), f"{NS}key.alias: ", LONG + 6),
    (set_in(f"{NS}tags", "ticket", value="v" * LONG), f"{NS}tags.ticket: ", LONG),
    (set_in(f"{NS}workspaces", "createTimeout", value="9" * LONG), f"{NS}workspaces.createTimeout: ", LONG),
    (set_in(f"{NS}workspaces", "replace", value=["z" * LONG]), f"{NS}workspaces.replace.0: ", LONG),
    (
        set_in(f"{NS}alarms", "topicArn", value="arn:aws:sns:eu-west-1:123456789012:" + "t" * LONG),
        f"{NS}alarms.topicArn: ",
        LONG + 35,
    ),
    (
        set_in(f"{NS}key", "administrators", value=["arn:aws:iam::123456789012:role/" + "k" * LONG]),
        f"{NS}key.administrators.0: ",
        LONG + 31,
    ),
    (rename_user, f"{NS}workspaces.users.uuuu", LONG),
    (unknown_key, f"{NS}directory.xxxx", LONG),
]


@pytest.mark.parametrize(
    ("mutate", "starts", "length"), LONG_VALUES, ids=[starts.rstrip(": .") for _, starts, _ in LONG_VALUES]
)
def test_a_long_value_is_cut_with_its_length_and_the_key_path_first(tmp_path, capsys, mutate, starts, length):
    lines = problem_lines(tmp_path, capsys, mutate)
    assert all(len(line) <= MAX_PROBLEM_LENGTH for line in lines), [len(line) for line in lines]
    matching = [line for line in lines if line.startswith(starts)]
    assert matching, lines
    # Cut with its length, or only its length said (a check on the length need not show the value).
    cut = re.compile(rf"\.\.\.['\"]? \({length} characters\)|\(got {length}\)")
    assert any(cut.search(line) for line in matching), matching
    assert not [line for line in matching if "line cut" in line]  # the value was cut, not the line


def test_every_problem_line_stays_within_the_limit_when_everything_is_long(tmp_path, capsys):
    def everything(config):
        for mutate, _, _ in LONG_VALUES:
            mutate(config)

    lines = problem_lines(tmp_path, capsys, everything)
    assert max(len(line) for line in lines) <= MAX_PROBLEM_LENGTH


def test_a_region_without_workspaces_names_nearby_ones_within_the_limit():
    from encrypted_workspaces.aws.partitions import PARTITION_TABLE, offers_workspaces
    from encrypted_workspaces.config.provider import region_problem

    without = [r for p in PARTITION_TABLE for r in p.regions if not offers_workspaces(r)]
    assert "eu-north-1" in without
    for region in without:
        line = f"aws:region: {region_problem(region)}"
        assert len(line) <= MAX_PROBLEM_LENGTH, line
    assert "regions, such as eu-central-1, eu-west-1, eu-west-2, eu-west-3 (" in region_problem("eu-north-1")
