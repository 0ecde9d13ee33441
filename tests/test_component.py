"""The EncryptedWorkspaces component under Pulumi's mocks: one fresh program per test, preview=False,
assertions on what the engine received (inputs and options), recorded by the offline engine."""

from __future__ import annotations

import json

import pulumi
import pytest

from encrypted_workspaces import ConfigError, EncryptedWorkspaces
from encrypted_workspaces.offline.mocks import AwsMocks
from encrypted_workspaces.offline.runner import simulate
from tests.conftest import ACCOUNT_ID, REGION, deploy, flat_config, in_partition_of, valid_namespace

WORKSPACE = "aws:workspaces/workspace:Workspace"
KEY = "aws:kms/key:Key"


def workspaces_by_user(deployment) -> dict[str, object]:
    return {r.inputs["userName"]: r for r in deployment.of_type(WORKSPACE)}


def test_every_workspace_is_encrypted_with_the_key_arn(namespace):
    deployment = deploy(namespace)
    (key,) = deployment.of_type(KEY)
    workspaces = deployment.of_type(WORKSPACE)
    assert len(workspaces) == 2
    for workspace in workspaces:
        assert workspace.inputs["volumeEncryptionKey"] == key.state["arn"]
        assert workspace.inputs["volumeEncryptionKey"].startswith(f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/")
        assert workspace.inputs["rootVolumeEncryptionEnabled"] is True
        assert workspace.inputs["userVolumeEncryptionEnabled"] is True


def test_key_is_symmetric_rotated_with_a_deletion_window_and_the_documented_policy(namespace):
    deployment = deploy(namespace)
    key = deployment.by_name("workspaces-key")
    assert key.inputs["customerMasterKeySpec"] == "SYMMETRIC_DEFAULT"
    assert key.inputs["keyUsage"] == "ENCRYPT_DECRYPT"
    assert key.inputs["enableKeyRotation"] is True
    assert key.inputs["rotationPeriodInDays"] == 365
    assert key.inputs["deletionWindowInDays"] == 30
    policy = json.loads(key.inputs["policy"])
    assert [s["Sid"] for s in policy["Statement"]] == [
        "EnableIAMPoliciesForTheAccount",
        "AllowKeyAdministrators",
        "AllowKeyUsers",
        "AllowKeyUsersGrantsForAWSResources",
    ]
    assert policy["Statement"][0]["Principal"] == {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"}
    assert policy["Statement"][1]["Principal"] == {"AWS": "arn:aws:iam::123456789012:role/KeyAdministrators"}
    assert policy["Statement"][2]["Principal"] == {
        "AWS": "arn:aws:iam::123456789012:role/WorkSpacesAdministrators"
    }


def test_rotation_period_is_not_sent_when_rotation_is_off(namespace):
    namespace["key"]["enableKeyRotation"] = False
    key = deploy(namespace).by_name("workspaces-key")
    assert key.inputs["enableKeyRotation"] is False
    assert "rotationPeriodInDays" not in key.inputs


def test_alias_points_at_the_key_and_defaults_to_the_stack_name(namespace):
    del namespace["key"]["alias"]
    deployment = deploy(namespace, stack="qa.eu")
    alias = deployment.by_name("workspaces-alias")
    assert alias.inputs["name"] == "alias/encrypted-workspaces-qa-eu"
    assert alias.inputs["targetKeyId"] == deployment.by_name("workspaces-key").state["keyId"]


def test_per_user_overrides_reach_the_workspace(namespace):
    namespace["workspaces"]["users"]["carol"] = {"rootVolumeSizeGib": 175, "userVolumeSizeGib": 200}
    users = workspaces_by_user(deploy(namespace))
    assert users["bob"].inputs["workspaceProperties"] == {
        "computeTypeName": "PERFORMANCE",
        "runningMode": "ALWAYS_ON",
        "rootVolumeSizeGib": 80,
        "userVolumeSizeGib": 50,
    }
    assert users["alice"].inputs["workspaceProperties"] == {
        "computeTypeName": "STANDARD",
        "runningMode": "AUTO_STOP",
        "runningModeAutoStopTimeoutInMinutes": 60,
        "rootVolumeSizeGib": 80,
        "userVolumeSizeGib": 50,
    }
    assert users["carol"].inputs["workspaceProperties"]["rootVolumeSizeGib"] == 175
    assert users["carol"].inputs["bundleId"] == "wsb-bh8rsxt14"


def test_workspaces_are_tagged_with_the_stack_tags_and_their_owner(namespace):
    users = workspaces_by_user(deploy(namespace))
    assert users["alice"].inputs["tags"] == {"team": "end-user-computing", "Owner": "alice"}


def test_a_user_volume_only_workspace_keeps_its_root_unencrypted(namespace):
    namespace["workspaces"]["users"]["alice"] = {"rootVolumeEncryptionEnabled": False}
    alice = workspaces_by_user(deploy(namespace))["alice"]
    assert (alice.inputs["rootVolumeEncryptionEnabled"], alice.inputs["userVolumeEncryptionEnabled"]) == (
        False,
        True,
    )


@pytest.mark.parametrize("protect", [True, False])
def test_protect_and_create_timeout_reach_the_engine(namespace, protect):
    namespace["workspaces"]["protect"] = protect
    namespace["workspaces"]["createTimeout"] = "2h"
    deployment = deploy(namespace)
    for workspace in deployment.of_type(WORKSPACE):
        assert workspace.options["protect"] is protect
        assert workspace.options["customTimeouts"] == {"create": "2h", "update": "60m", "delete": "30m"}
    assert deployment.by_name("workspaces-key").options["protect"] is protect


def test_timeouts_default_to_ninety_sixty_and_thirty_minutes(namespace):
    for workspace in deploy(namespace).of_type(WORKSPACE):
        assert workspace.options["customTimeouts"] == {"create": "90m", "update": "60m", "delete": "30m"}


def test_update_and_delete_timeouts_reach_the_engine(namespace):
    namespace["workspaces"].update(updateTimeout="2h", deleteTimeout="45m")
    for workspace in deploy(namespace).of_type(WORKSPACE):
        assert workspace.options["customTimeouts"] == {"create": "90m", "update": "2h", "delete": "45m"}


class RegistrationIdMocks(AwsMocks):
    """Answers a registration id unlike the directory id given, to see where WorkSpaces take theirs."""

    def _workspaces_directory(self, args):
        _, state = super()._workspaces_directory(args)
        return "registration-of-" + args.inputs["directoryId"], state


def test_workspaces_take_their_directory_id_from_the_registration():
    config = flat_config(valid_namespace())
    mocks = RegistrationIdMocks(account_id=ACCOUNT_ID, region=REGION)
    deployment = simulate(stack="test", config=config, account_id=ACCOUNT_ID, region=REGION, mocks=mocks)
    directory = deployment.by_name("workspaces-directory")
    assert directory.id == "registration-of-d-1234567890"
    for workspace in deployment.of_type(WORKSPACE):
        assert workspace.inputs["directoryId"] == directory.id


def test_directory_registration_has_the_secure_defaults(namespace):
    directory = deploy(namespace).by_name("workspaces-directory")
    assert directory.inputs["subnetIds"] == ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a"]
    assert directory.inputs["selfServicePermissions"] == {
        "changeComputeType": False,
        "increaseVolumeSize": False,
        "rebuildWorkspace": False,
        "restartWorkspace": True,
        "switchRunningMode": False,
    }
    assert directory.inputs["workspaceCreationProperties"] == {
        "enableInternetAccess": False,
        "enableMaintenanceMode": True,
        "userEnabledAsLocalAdministrator": False,
    }


def test_default_role_is_created_only_when_asked_and_registration_waits_for_it(namespace):
    without = deploy(namespace)
    assert without.of_type("aws:iam/role:Role") == []
    assert without.by_name("workspaces-directory").options["dependsOn"] == []

    namespace["directory"]["createDefaultRole"] = True
    deployment = deploy(in_partition_of(namespace, "us-gov-west-1"), region="us-gov-west-1")
    (role,) = deployment.of_type("aws:iam/role:Role")
    assert role.inputs["name"] == "workspaces_DefaultRole"
    assert json.loads(role.inputs["assumeRolePolicy"])["Statement"][0]["Principal"] == {
        "Service": "workspaces.amazonaws.com"
    }
    attachments = [
        r
        for r in deployment.of_type("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
        if r.inputs["role"] == role.state["name"]
    ]
    assert sorted(a.inputs["policyArn"] for a in attachments) == [
        "arn:aws-us-gov:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess",
        "arn:aws-us-gov:iam::aws:policy/AmazonWorkSpacesServiceAccess",
    ]
    assert deployment.by_name("workspaces-directory").options["dependsOn"] == sorted(
        a.urn for a in attachments
    )


def test_both_admin_policies_are_attached_to_every_principal_kind(namespace):
    namespace["administrators"]["principals"] = [
        "arn:aws:iam::123456789012:role/WorkSpacesAdministrators",
        "arn:aws:iam::123456789012:user/ops/jane",
        "arn:aws:iam::123456789012:group/EUC",
    ]
    deployment = deploy(namespace)
    policies = {r.name: r.state["arn"] for r in deployment.of_type("aws:iam/policy:Policy")}
    attached = sorted(
        (
            r.type.split(":")[-1],
            r.inputs.get("role") or r.inputs.get("user") or r.inputs.get("group"),
            r.inputs["policyArn"],
        )
        for r in deployment.resources
        if r.type.endswith("PolicyAttachment")
    )
    assert attached == sorted(
        (kind, name, policies[policy])
        for kind, name in (
            ("RolePolicyAttachment", "WorkSpacesAdministrators"),
            ("UserPolicyAttachment", "jane"),
            ("GroupPolicyAttachment", "EUC"),
        )
        for policy in ("workspaces-workspaces-admin", "workspaces-key-grants")
    )
    # Roles and users become key users; groups cannot be key-policy principals.
    key_users = json.loads(deployment.by_name("workspaces-key").inputs["policy"])["Statement"][2][
        "Principal"
    ]["AWS"]
    assert key_users == [
        "arn:aws:iam::123456789012:role/WorkSpacesAdministrators",
        "arn:aws:iam::123456789012:user/ops/jane",
    ]


def test_key_grant_policy_is_scoped_to_the_key_arn(namespace):
    deployment = deploy(namespace)
    grants = json.loads(deployment.by_name("workspaces-key-grants").inputs["policy"])
    assert grants["Statement"][0]["Resource"] == deployment.by_name("workspaces-key").state["arn"]
    assert grants["Statement"][0]["Condition"] == {"Bool": {"kms:GrantIsForAWSResource": "true"}}


@pytest.mark.parametrize(
    ("region", "partition"),
    [("cn-northwest-1", "aws-cn"), ("us-gov-east-1", "aws-us-gov"), ("eu-west-1", "aws")],
)
def test_arns_follow_the_partition_of_the_region(namespace, region, partition):
    deployment = deploy(in_partition_of(namespace, region), region=region)
    key_arn = deployment.by_name("workspaces-key").state["arn"]
    assert key_arn.startswith(f"arn:{partition}:kms:{region}:")
    policy = json.loads(deployment.by_name("workspaces-key").inputs["policy"])
    assert policy["Statement"][0]["Principal"]["AWS"] == f"arn:{partition}:iam::{ACCOUNT_ID}:root"


def test_reordering_users_changes_no_urn_and_no_input(namespace):
    first = deploy(namespace)
    namespace["workspaces"]["users"] = dict(reversed(list(namespace["workspaces"]["users"].items())))
    second = deploy(namespace)
    assert [r.as_json() for r in first.resources] == [r.as_json() for r in second.resources]


def test_adding_a_user_adds_one_workspace_and_touches_no_other(namespace):
    before = {r.urn: r.as_json() for r in deploy(namespace).resources}
    namespace["workspaces"]["users"]["aaron"] = {}  # sorts first: position must not matter
    after = {r.urn: r.as_json() for r in deploy(namespace).resources}
    added = set(after) - set(before)
    assert [after[urn]["name"] for urn in added] == ["workspaces-workspace-aaron"]
    assert set(before) <= set(after)
    changed = [urn for urn in before if before[urn] != after[urn] and after[urn]["type"] == WORKSPACE]
    assert changed == []


def test_removing_a_user_removes_exactly_one_workspace(namespace):
    before = deploy(namespace)
    del namespace["workspaces"]["users"]["alice"]
    after = deploy(namespace)
    removed = {r.urn for r in before.resources} - {r.urn for r in after.resources}
    assert [urn.rsplit("::", 1)[1] for urn in removed] == ["workspaces-workspace-alice"]
    assert {r.urn for r in after.resources} <= {r.urn for r in before.resources}


def test_two_builds_send_identical_inputs_and_outputs(namespace):
    first, second = deploy(namespace), deploy(namespace)
    assert json.dumps([r.as_json() for r in first.resources], sort_keys=True) == json.dumps(
        [r.as_json() for r in second.resources], sort_keys=True
    )
    assert first.outputs == second.outputs


def test_stack_outputs(namespace):
    deployment = deploy(namespace)
    key = deployment.by_name("workspaces-key")
    users = workspaces_by_user(deployment)
    assert deployment.outputs == {
        "keyArn": key.state["arn"],
        "keyId": key.state["keyId"],
        "aliasName": "alias/workspaces-test",
        "adminPolicyArns": {
            "workspaces": deployment.by_name("workspaces-workspaces-admin").state["arn"],
            "kms": deployment.by_name("workspaces-key-grants").state["arn"],
        },
        "directoryRegistrationId": "d-1234567890",
        "workspaceIds": {"alice": users["alice"].id, "bob": users["bob"].id},
    }
    assert users["alice"].id.startswith("ws-") and users["alice"].id != users["bob"].id


def test_every_child_is_parented_to_the_component(namespace):
    deployment = deploy(namespace)
    component = deployment.by_name("workspaces")
    assert component.type == "encrypted-workspaces:index:EncryptedWorkspaces"
    children = [r for r in deployment.resources if r.custom]
    assert children and all(r.parent == component.urn for r in children)


class CountingMocks(AwsMocks):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.registered: list[str] = []

    def new_resource(self, args):
        self.registered.append(args.typ)
        return super().new_resource(args)


def test_invalid_args_raise_config_error_and_register_nothing():
    def program():
        config = valid_namespace()
        config["workspaces"]["users"]["bob"]["runningMode"] = "SOMETIMES"
        EncryptedWorkspaces("workspaces", config)

    mocks = CountingMocks(account_id=ACCOUNT_ID, region=REGION)
    with pytest.raises(ConfigError) as raised:
        simulate(program, stack="test", config={}, account_id=ACCOUNT_ID, region=REGION, mocks=mocks)
    assert raised.value.problems == [
        "EncryptedWorkspacesArgs.workspaces.users['bob'].running_mode: must be AUTO_STOP or ALWAYS_ON "
        "(got 'SOMETIMES')"
    ]
    assert mocks.registered == []  # not even the component: validation comes first
    assert isinstance(raised.value, pulumi.RunError)  # pulumi up prints it without a traceback


def test_counting_mocks_do_count_registrations(namespace):
    mocks = CountingMocks(account_id=ACCOUNT_ID, region=REGION)
    simulate(stack="test", config=flat_config(namespace), account_id=ACCOUNT_ID, region=REGION, mocks=mocks)
    assert "encrypted-workspaces:index:EncryptedWorkspaces" in mocks.registered


def test_a_consumer_program_can_build_the_component_from_python_arguments():
    def program():
        component = EncryptedWorkspaces(
            "euc",
            {
                "key": {"administrators": ["arn:aws:iam::123456789012:role/KeyAdmins"]},
                "administrators": {"principals": ["arn:aws:iam::123456789012:role/Admins"]},
                "directory": {
                    "directory_id": "d-1234567890",
                    "subnet_ids": ["subnet-01234567", "subnet-89abcdef"],
                },
                "workspaces": {"defaults": {"bundle_id": "wsb-bh8rsxt14"}, "users": {"carol": {}}},
            },
        )
        pulumi.export("ids", component.workspace_ids)

    deployment = simulate(program, stack="consumer", config={}, account_id=ACCOUNT_ID, region=REGION)
    assert list(deployment.outputs["ids"]) == ["carol"]
    assert deployment.by_name("euc-workspace-carol").options["protect"] is True  # the secure default


# --- the replacement guard and nothing lost on destroy ------------------------------------------

REPLACE_ON_CHANGE = [
    "bundleId",
    "directoryId",
    "rootVolumeEncryptionEnabled",
    "userName",
    "userVolumeEncryptionEnabled",
    "volumeEncryptionKey",
]


def test_every_workspace_ignores_changes_that_would_replace_it_and_deletes_before_replacing(namespace):
    for workspace in deploy(namespace).of_type(WORKSPACE):
        assert workspace.options["ignoreChanges"] == REPLACE_ON_CHANGE
        assert workspace.options["deleteBeforeReplace"] is True


def test_a_user_listed_under_replace_gets_no_ignore(namespace):
    namespace["workspaces"]["replace"] = ["Bob"]
    workspaces = workspaces_by_user(deploy(namespace))
    assert workspaces["bob"].options["ignoreChanges"] == []
    assert workspaces["bob"].options["deleteBeforeReplace"] is True
    assert workspaces["alice"].options["ignoreChanges"] == REPLACE_ON_CHANGE


def test_the_account_wide_default_role_and_its_attachments_are_retained_on_delete(namespace):
    namespace["directory"]["createDefaultRole"] = True
    deployment = deploy(namespace)
    retained = sorted(r.name for r in deployment.resources if r.options["retainOnDelete"])
    assert retained == [
        "workspaces-default-role",
        "workspaces-default-role-AmazonWorkSpacesSelfServiceAccess",
        "workspaces-default-role-AmazonWorkSpacesServiceAccess",
    ]


def test_the_key_keeps_its_deletion_window_and_is_protected_by_default(namespace):
    del namespace["workspaces"]["protect"]
    namespace["key"]["deletionWindowInDays"] = 30
    deployment = deploy(namespace)
    key = deployment.by_name("workspaces-key")
    assert (key.inputs["deletionWindowInDays"], key.options["protect"]) == (30, True)
    assert all(w.options["protect"] for w in deployment.of_type(WORKSPACE))
