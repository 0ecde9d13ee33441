"""The component's breadth under the offline engine: an existing key, bundles by name, IP access
control groups, EBS default encryption, the key-state alarm and adopting a WorkSpace. Each test
compares whole inputs (and the options that matter) of what is registered."""

from __future__ import annotations

import json
import uuid

import pytest

from encrypted_workspaces import ConfigError
from encrypted_workspaces.aws import types
from encrypted_workspaces.documents import key_grant_policy, key_state_change_pattern
from encrypted_workspaces.offline.mocks import _KEY_ID_NAMESPACE, AwsMocks, _short_id
from encrypted_workspaces.offline.runner import simulate
from tests.conftest import ACCOUNT_ID, REGION, deploy, flat_config, valid_namespace

SHARED_KEY_ID = str(
    uuid.uuid5(_KEY_ID_NAMESPACE, f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:alias/shared-workspaces")
)
SHARED_KEY_ARN = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/{SHARED_KEY_ID}"
TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT_ID}:security-alerts"
STANDARD_BUNDLE = "Standard with Windows 10 (Server 2019 based)"


def with_existing_key(existing: str) -> dict:
    namespace = valid_namespace()
    namespace["key"] = {"existing": existing}
    return namespace


def workspace_inputs(user: str, *, bundle_id: str, key_arn: str, properties: dict | None = None) -> dict:
    return {
        "bundleId": bundle_id,
        "directoryId": "d-1234567890",
        "rootVolumeEncryptionEnabled": True,
        "tags": {"team": "end-user-computing", "Owner": user},
        "userName": user,
        "userVolumeEncryptionEnabled": True,
        "volumeEncryptionKey": key_arn,
        "workspaceProperties": properties
        or {
            "computeTypeName": "STANDARD",
            "rootVolumeSizeGib": 80,
            "runningMode": "AUTO_STOP",
            "runningModeAutoStopTimeoutInMinutes": 60,
            "userVolumeSizeGib": 50,
        },
    }


# --- key.existing ----------------------------------------------------------------------------------


def test_an_existing_key_by_alias_is_looked_up_and_its_full_arn_used_everywhere():
    deployment = deploy(with_existing_key("alias/shared-workspaces"))
    assert deployment.of_type(types.KMS_KEY) == [] and deployment.of_type(types.KMS_ALIAS) == []
    (lookup,) = [i for i in deployment.invokes if i.token == types.GET_KMS_KEY]
    assert lookup.args == {"keyId": "alias/shared-workspaces"}
    assert lookup.answer["arn"] == SHARED_KEY_ARN
    alice = deployment.by_name("workspaces-workspace-alice")
    assert alice.inputs == workspace_inputs("alice", bundle_id="wsb-bh8rsxt14", key_arn=SHARED_KEY_ARN)
    grants = deployment.by_name("workspaces-key-grants")
    assert json.loads(grants.inputs["policy"]) == key_grant_policy(
        key_arn=SHARED_KEY_ARN, console_access=True
    )
    assert {key: deployment.outputs[key] for key in ("keyArn", "keyId", "aliasName")} == {
        "keyArn": SHARED_KEY_ARN,
        "keyId": SHARED_KEY_ID,
        "aliasName": "alias/shared-workspaces",
    }


def test_an_existing_key_by_arn_is_used_as_it_is_even_from_another_account():
    arn = "arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    deployment = deploy(with_existing_key(arn))
    assert {w.inputs["volumeEncryptionKey"] for w in deployment.of_type(types.WORKSPACE)} == {arn}
    assert (deployment.outputs["keyArn"], deployment.outputs["keyId"]) == (arn, arn.rsplit("/", 1)[1])
    assert deployment.outputs.get("aliasName") is None  # the stack names no alias


def test_an_existing_key_by_alias_arn_is_in_that_arns_account():
    deployment = deploy(with_existing_key("arn:aws:kms:eu-west-1:210987654321:alias/shared"))
    expected_id = str(uuid.uuid5(_KEY_ID_NAMESPACE, "arn:aws:kms:eu-west-1:210987654321:alias/shared"))
    assert deployment.outputs["keyArn"] == f"arn:aws:kms:eu-west-1:210987654321:key/{expected_id}"
    assert deployment.outputs["aliasName"] == "alias/shared"


class AwsManagedKeyMocks(AwsMocks):
    """An alias that, in this account, points at an asymmetric AWS managed key."""

    def _kms_get_key(self, args):
        return {**super()._kms_get_key(args), "keyManager": "AWS", "customerMasterKeySpec": "RSA_2048"}


def test_an_existing_key_that_workspaces_cannot_use_is_refused_at_key_existing():
    mocks = AwsManagedKeyMocks(account_id=ACCOUNT_ID, region=REGION)
    config = flat_config(with_existing_key("alias/shared-workspaces"))
    with pytest.raises(ConfigError) as raised:
        simulate(stack="test", config=config, account_id=ACCOUNT_ID, region=REGION, mocks=mocks)
    where = f"encrypted-workspaces:key.existing: the key {SHARED_KEY_ARN} (alias/shared-workspaces)"
    assert raised.value.problems == [
        f"{where} is managed by AWS, not a customer managed key",
        f"{where} is RSA_2048; WorkSpaces supports symmetric keys only",
    ]


def test_an_existing_key_by_id_is_in_the_stacks_account_and_region():
    key_id = "mrk-1234abcd12ab34cd56ef1234567890ab"
    deployment = deploy(with_existing_key(key_id))
    assert deployment.outputs["keyArn"] == f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/{key_id}"
    assert deployment.outputs["keyId"] == key_id


# --- bundleName ------------------------------------------------------------------------------------


def bundle_id(name: str, owner: str) -> str:
    return "wsb-" + _short_id(f"aws/{REGION}/{owner}/{name}", 9)


def test_bundles_by_name_are_looked_up_once_per_name_and_owner():
    namespace = valid_namespace()
    namespace["workspaces"]["defaults"] = {"bundleName": STANDARD_BUNDLE}
    namespace["workspaces"]["users"] = {
        "alice": {},
        "bob": {"bundleId": "wsb-bh8rsxt14"},
        "carol": {},
        "dave": {"bundleName": "golden-image", "bundleOwner": "ACCOUNT"},
    }
    deployment = deploy(namespace)
    bundles = {w.inputs["userName"]: w.inputs["bundleId"] for w in deployment.of_type(types.WORKSPACE)}
    assert bundles == {
        "alice": bundle_id(STANDARD_BUNDLE, "AMAZON"),
        "bob": "wsb-bh8rsxt14",
        "carol": bundle_id(STANDARD_BUNDLE, "AMAZON"),
        "dave": bundle_id("golden-image", ACCOUNT_ID),
    }
    lookups = [i.args for i in deployment.invokes if i.token == types.GET_WORKSPACES_BUNDLE]
    # The account's own bundles are asked for with no owner, as DescribeWorkspaceBundles wants.
    assert lookups == [{"name": STANDARD_BUNDLE, "owner": "AMAZON"}, {"name": "golden-image"}]
    key_arn = deployment.by_name("workspaces-key").state["arn"]
    assert deployment.by_name("workspaces-workspace-alice").inputs == workspace_inputs(
        "alice", bundle_id=bundle_id(STANDARD_BUNDLE, "AMAZON"), key_arn=key_arn
    )


# --- directory.ipGroups ----------------------------------------------------------------------------


def test_each_ip_group_is_created_and_attached_to_the_directory():
    namespace = valid_namespace()
    namespace["directory"]["ipGroups"] = {
        "vpn": {"rules": [{"source": "198.51.100.7/32"}]},
        "offices": {
            "description": "Office networks",
            "rules": [{"source": "203.0.113.0/24", "description": "Berlin"}, {"source": "192.0.2.0/25"}],
        },
    }
    deployment = deploy(namespace)
    groups = {g.name: g for g in deployment.of_type(types.WORKSPACES_IP_GROUP)}
    assert {name: g.inputs for name, g in groups.items()} == {
        "workspaces-ip-group-offices": {
            "name": "offices",
            "description": "Office networks",
            "rules": [{"source": "203.0.113.0/24", "description": "Berlin"}, {"source": "192.0.2.0/25"}],
            "tags": {"team": "end-user-computing"},
        },
        "workspaces-ip-group-vpn": {
            "name": "vpn",
            "rules": [{"source": "198.51.100.7/32"}],
            "tags": {"team": "end-user-computing"},
        },
    }
    directory = deployment.by_name("workspaces-directory")
    assert directory.inputs["ipGroupIds"] == [
        groups["workspaces-ip-group-offices"].id,
        groups["workspaces-ip-group-vpn"].id,
    ]
    assert all(g.id.startswith("wsipg-") for g in groups.values())


def test_without_ip_groups_the_directory_keeps_its_default_group(namespace):
    deployment = deploy(namespace)
    assert deployment.of_type(types.WORKSPACES_IP_GROUP) == []
    assert "ipGroupIds" not in deployment.by_name("workspaces-directory").inputs


# --- ebsDefaultEncryption --------------------------------------------------------------------------


@pytest.mark.parametrize("existing", [None, "alias/shared-workspaces"])
def test_ebs_default_encryption_uses_the_stacks_key_and_is_retained(existing):
    namespace = with_existing_key(existing) if existing else valid_namespace()
    namespace["ebsDefaultEncryption"] = True
    deployment = deploy(namespace)
    key_arn = deployment.outputs["keyArn"]
    default_key = deployment.by_name("workspaces-ebs-default-key")
    by_default = deployment.by_name("workspaces-ebs-encryption-by-default")
    assert (default_key.type, default_key.inputs) == (types.EBS_DEFAULT_KMS_KEY, {"keyArn": key_arn})
    assert (by_default.type, by_default.inputs) == (types.EBS_ENCRYPTION_BY_DEFAULT, {"enabled": True})
    assert default_key.options["retainOnDelete"] is True and by_default.options["retainOnDelete"] is True
    assert by_default.options["dependsOn"] == [default_key.urn]


def test_ebs_default_encryption_is_off_by_default(namespace):
    types_registered = {r.type for r in deploy(namespace).resources}
    assert not types_registered & {types.EBS_DEFAULT_KMS_KEY, types.EBS_ENCRYPTION_BY_DEFAULT}


# --- alarms.topicArn -------------------------------------------------------------------------------


@pytest.mark.parametrize("existing", [None, "alias/shared-workspaces"])
def test_the_key_state_alarm_watches_the_key_and_notifies_the_topic(existing):
    namespace = with_existing_key(existing) if existing else valid_namespace()
    namespace["alarms"] = {"topicArn": TOPIC}
    deployment = deploy(namespace)
    rule = deployment.by_name("workspaces-key-state-alarm")
    target = deployment.by_name("workspaces-key-state-alarm-topic")
    assert rule.type == types.EVENT_RULE and target.type == types.EVENT_TARGET
    assert {**rule.inputs, "eventPattern": json.loads(rule.inputs["eventPattern"])} == {
        "description": "The WorkSpaces key was disabled or scheduled for deletion: encrypted WorkSpaces stop "
        "working at their next reboot",
        "eventPattern": key_state_change_pattern(key_arn=deployment.outputs["keyArn"]),
        "tags": {"team": "end-user-computing"},
    }
    assert target.inputs == {"rule": rule.state["name"], "arn": TOPIC}


def test_no_alarm_unless_a_topic_is_given(namespace):
    assert deploy(namespace).of_type(types.EVENT_RULE) == []


# --- importId --------------------------------------------------------------------------------------


def test_only_the_user_with_an_import_id_adopts_an_existing_workspace(namespace):
    namespace["workspaces"]["users"]["carol"] = {"importId": "ws-0123456789"}
    deployment = deploy(namespace)
    imports = {w.inputs["userName"]: w.options["import"] for w in deployment.of_type(types.WORKSPACE)}
    assert imports == {"alice": None, "bob": None, "carol": "ws-0123456789"}
    carol = deployment.by_name("workspaces-workspace-carol")
    assert carol.id == "ws-0123456789"
    # Adopted with exactly the settings a new WorkSpace would get: the import fails on any difference.
    assert carol.inputs == workspace_inputs(
        "carol", bundle_id="wsb-bh8rsxt14", key_arn=deployment.by_name("workspaces-key").state["arn"]
    )
    assert deployment.outputs["workspaceIds"]["carol"] == "ws-0123456789"
