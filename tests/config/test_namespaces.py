"""A config key one typo away from ours is refused, naming the key we think was meant (issue 18,
item 2): Pulumi would pass `encrypted-workspace:alarms` to nobody, so the alarm would silently not
exist. Other namespaces stay accepted. The same lines from plan, audit and `pulumi up`."""

from __future__ import annotations

import pytest
import yaml

from encrypted_workspaces.cli import main
from encrypted_workspaces.config import ConfigError, args_from_flat_config, namespace_problems
from encrypted_workspaces.offline.runner import simulate
from tests.conftest import ACCOUNT_ID, REGION, flat_config, valid_namespace
from tests.plan.test_plan_cli import DEV

ALARMS = {"topicArn": "arn:aws:sns:eu-west-1:123456789012:security-alerts"}


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("encrypted-workspace:alarms", "encrypted-workspaces:alarms"),  # one letter missing
        ("encrypted_workspaces:tags", "encrypted-workspaces:tags"),  # _ for -
        ("encryptedworkspaces:key", "encrypted-workspaces:key"),  # the - missing
        ("Encrypted-Workspaces:tags", "encrypted-workspaces:tags"),  # case
        ("encrypted-wrokspaces:tags", "encrypted-workspaces:tags"),  # two letters swapped
        ("encrypted-workspace:alarm", "encrypted-workspaces:alarms"),  # and the key one typo away
    ],
)
def test_a_near_miss_of_our_namespace_is_refused_naming_the_key_meant(key, meant):
    assert namespace_problems({key: {}, "aws:region": REGION}) == [
        f"{key}: unknown namespace; did you mean {meant}?"
    ]


@pytest.mark.parametrize(
    "key",
    [
        "aws:region",
        "aws:profile",
        "kubernetes:context",
        "azure-native:location",
        "gcp:project",
        "random:seed",
        "pulumi:template",
        "encrypted-workspaces:tags",
        "workspaces:note",  # far from ours: someone else's
        "encrypted:thing",
    ],
)
def test_other_namespaces_stay_accepted(key):
    assert namespace_problems({key: "x"}) == []


def test_the_projects_own_namespace_is_never_a_near_miss():
    # A consumer's project named one letter from ours: its bare keys are its own.
    assert namespace_problems({"encrypted-workspace:note": "x"}, project="encrypted-workspace") == []


def test_near_misses_are_reported_with_the_namespaces_own_problems():
    flat = flat_config(valid_namespace())
    flat["encrypted-workspaces:workspaces"]["defaults"]["runningMode"] = "SOMETIMES"
    flat["encrypted-workspace:alarms"] = ALARMS
    with pytest.raises(ConfigError) as raised:
        args_from_flat_config(flat)
    assert raised.value.problems == [
        "encrypted-workspace:alarms: unknown namespace; did you mean encrypted-workspaces:alarms?",
        "encrypted-workspaces:workspaces.defaults.runningMode: must be AUTO_STOP or ALWAYS_ON "
        "(got 'SOMETIMES')",
    ]


@pytest.mark.parametrize(
    ("path", "typo", "meant"),
    [
        ((), "alarm", "encrypted-workspaces:alarms"),
        (("key",), "alais", "alias"),
        (("directory",), "subnetIDs", "subnetIds"),
        (("workspaces", "defaults"), "bundleID", "bundleId"),
    ],
)
def test_our_own_key_one_typo_away_gets_a_did_you_mean(path, typo, meant):
    config = valid_namespace()
    node = config
    for part in path:
        node = node[part]
    node[typo] = "x"
    with pytest.raises(ConfigError) as raised:
        args_from_flat_config(flat_config(config))
    (line,) = raised.value.problems
    typed = ".".join(("encrypted-workspaces:" + ".".join((*path, typo))).split("."))
    assert line.startswith(f"{typed}: unknown key; did you mean {meant}? (allowed: ")


def test_an_unknown_key_far_from_every_key_lists_what_is_allowed_without_a_guess():
    config = valid_namespace()
    config["colour"] = "blue"
    with pytest.raises(ConfigError) as raised:
        args_from_flat_config(flat_config(config))
    (line,) = raised.value.problems
    assert line.startswith("encrypted-workspaces:colour: unknown key (allowed: tags, key, ")
    assert "did you mean" not in line


def test_pulumi_up_refuses_a_near_miss():
    flat = flat_config(valid_namespace())
    flat["encrypted-workspace:alarms"] = ALARMS
    with pytest.raises(ConfigError) as raised:
        simulate(stack="test", config=flat, account_id=ACCOUNT_ID, region=REGION)
    assert raised.value.problems == [
        "encrypted-workspace:alarms: unknown namespace; did you mean encrypted-workspaces:alarms?"
    ]


def near_miss_stack(tmp_path):
    document = yaml.safe_load(DEV.read_text())
    document["config"]["encrypted-workspace:alarms"] = ALARMS
    path = tmp_path / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump(document))
    return path


def test_plan_refuses_a_near_miss_with_exit_2_and_writes_nothing(tmp_path, capsys):
    code = main(["plan", "--config", str(near_miss_stack(tmp_path)), "--out", str(tmp_path / "o")])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert captured.err == (
        "encrypted-workspace:alarms: unknown namespace; did you mean encrypted-workspaces:alarms?\n"
    )
    assert not (tmp_path / "o").exists()


def test_audit_refuses_a_near_miss_with_exit_2_before_reading_the_account(tmp_path, capsys):
    code = main(["audit", "--config", str(near_miss_stack(tmp_path))])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert captured.err == (
        "encrypted-workspace:alarms: unknown namespace; did you mean encrypted-workspaces:alarms?\n"
    )


def test_an_unknown_key_in_a_long_list_of_keys_lists_what_fits_and_counts_the_rest():
    config = valid_namespace()
    config["workspaces"]["users"]["bob"]["runingMode"] = "AUTO_STOP"
    with pytest.raises(ConfigError) as raised:
        args_from_flat_config(flat_config(config))
    (line,) = raised.value.problems
    assert line.startswith(
        "encrypted-workspaces:workspaces.users.bob.runingMode: unknown key; did you mean runningMode? "
        "(allowed: bundleId, bundleName, "
    )
    assert line.endswith(" more)") and len(line) <= 300
