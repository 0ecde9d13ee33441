"""The breadth keys in the model: how a user's bundle choice resolves, what an existing key leaves
out, and which checks need the stack's region and account."""

from __future__ import annotations

import pytest

from encrypted_workspaces.config import ConfigError, validate_args
from encrypted_workspaces.config.target import StackTarget, target_from_flat_config
from tests.conftest import valid_namespace

NS = "encrypted-workspaces:"


def test_a_users_bundle_replaces_the_default_choice_whole():
    config = valid_namespace()
    config["workspaces"]["defaults"] = {"bundleName": "Standard", "bundleOwner": "ACCOUNT"}
    config["workspaces"]["users"] = {
        "alice": {},
        "bob": {"bundleId": "wsb-bh8rsxt14"},
        "carol": {"bundleName": "Power"},
    }
    workspaces = validate_args(config).workspaces
    chosen = {
        user: (p.bundle_id, p.bundle_name, p.bundle_owner)
        for user in ("alice", "bob", "carol")
        for p in [workspaces.properties_for(user)]
    }
    assert chosen == {
        "alice": (None, "Standard", "ACCOUNT"),
        "bob": ("wsb-bh8rsxt14", None, "ACCOUNT"),
        "carol": (None, "Power", "ACCOUNT"),
    }


def test_an_existing_key_needs_no_key_administrators_and_no_key_users():
    config = valid_namespace()
    config["key"] = {"existing": "alias/shared-workspaces"}
    config["administrators"]["principals"] = ["arn:aws:iam::123456789012:group/EUC"]  # no key user at all
    args = validate_args(config)
    assert (args.key.existing, args.key.administrators) == ("alias/shared-workspaces", None)


def test_every_created_key_setting_beside_existing_is_reported_at_once():
    config = valid_namespace()
    config["key"].update(
        {"existing": "alias/shared-workspaces", "enableKeyRotation": True, "description": "x"}
    )
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    assert [line.split(": ")[0] for line in raised.value.problems] == [
        f"{NS}key.alias",
        f"{NS}key.administrators",
        f"{NS}key.enableKeyRotation",
        f"{NS}key.description",
    ]


def test_arns_are_checked_against_the_stack_only_where_it_is_known():
    config = valid_namespace()
    config["key"] = {
        "existing": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
    config["alarms"] = {"topicArn": "arn:aws:sns:eu-west-1:210987654321:alerts"}
    validate_args(config)  # no region known: left to AWS
    with pytest.raises(ConfigError) as raised:
        validate_args(config, StackTarget(region="eu-west-1", account_id="123456789012"))
    assert [line.split(": ")[0] for line in raised.value.problems] == [
        f"{NS}key.existing",
        f"{NS}alarms.topicArn",
    ]


@pytest.mark.parametrize(
    ("flat", "target"),
    [
        (
            {"aws:region": "eu-west-1", "aws:allowedAccountIds": '["123456789012"]'},
            ("eu-west-1", "123456789012"),
        ),
        ({"aws:region": "cn-north-1", "aws:allowedAccountIds": ["1", "2"]}, ("cn-north-1", None)),
        ({}, (None, None)),
    ],
)
def test_the_target_comes_from_the_providers_region_and_its_one_allowed_account(flat, target):
    found = target_from_flat_config(flat)
    assert (found.region, found.account_id) == target


@pytest.mark.parametrize("source", ["203.0.113.0/24", "203.0.113.5/24", "198.51.100.7/32", "0.0.0.0/0"])
def test_ip_rule_sources_that_the_provider_and_aws_accept_are_accepted(source):
    config = valid_namespace()
    config["directory"]["ipGroups"] = {"g": {"rules": [{"source": source}]}}
    assert validate_args(config).directory.ip_groups["g"].rules[0].source == source
