"""The limits the breadth keys rely on, checked against the botocore service models they cite, and the
alarm rule's text within them."""

from __future__ import annotations

import json
import re

import botocore.loaders
import pytest

from encrypted_workspaces.aws import limits
from encrypted_workspaces.documents import key_state_change_pattern
from tests.conftest import deploy, in_partition_of, valid_namespace


@pytest.fixture(scope="module")
def shapes():
    loader = botocore.loaders.Loader()
    return {
        service: loader.load_service_model(service, "service-2")["shapes"]
        for service in ("workspaces", "events")
    }


def test_workspace_and_bundle_limits_are_botocores(shapes):
    workspaces = shapes["workspaces"]
    assert workspaces["WorkspaceId"]["pattern"] == f"^{limits.WORKSPACE_ID_PATTERN}$"
    # get_bundle matches the Name DescribeWorkspaceBundles returns: a NonEmptyString.
    assert workspaces["WorkspaceBundle"]["members"]["Name"]["shape"] == "NonEmptyString"
    assert workspaces["NonEmptyString"] == {"type": "string", "min": limits.BUNDLE_NAME_MIN_LENGTH}
    # No limits of their own on IP group names, descriptions and rules: we add none.
    for shape in ("IpGroupName", "IpGroupDesc", "IpRule", "IpRuleDesc"):
        assert workspaces[shape] == {"type": "string"}


def test_event_rule_limits_are_botocores(shapes):
    events = shapes["events"]
    assert events["EventPattern"]["max"] == limits.EVENT_PATTERN_MAX_LENGTH
    assert events["RuleDescription"]["max"] == limits.EVENT_RULE_DESCRIPTION_MAX_LENGTH


def test_the_alarm_rule_fits_eventbridges_limits_in_the_longest_partition():
    namespace = in_partition_of(valid_namespace(), "us-gov-west-1")  # every ARN in the region's partition
    namespace["alarms"] = {"topicArn": "arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts"}
    rule = deploy(namespace, region="us-gov-west-1").by_name("workspaces-key-state-alarm")
    assert len(rule.inputs["description"]) <= limits.EVENT_RULE_DESCRIPTION_MAX_LENGTH
    assert len(rule.inputs["eventPattern"]) <= limits.EVENT_PATTERN_MAX_LENGTH
    assert json.loads(rule.inputs["eventPattern"])["detail"]["requestParameters"]["keyId"][0].startswith(
        "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/"
    )


def test_the_pattern_of_a_multi_region_key_fits_too():
    arn = "arn:aws:kms:ap-southeast-4:123456789012:key/mrk-" + "0" * 32
    assert len(json.dumps(key_state_change_pattern(key_arn=arn))) <= limits.EVENT_PATTERN_MAX_LENGTH
    assert re.fullmatch(limits.SNS_TOPIC_NAME_PATTERN, "a" * 256 + ".fifo")
