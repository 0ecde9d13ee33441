"""The guardrails (CrossGuard rules) as pure functions: a compliant and a non-compliant case for each
rule, pack config, enforcement overrides, and programs that bypass the component."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from encrypted_workspaces.documents import workspaces_key_policy
from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.offline.runner import simulate
from encrypted_workspaces.plan.guardrails import views_from_registrations
from encrypted_workspaces.rules import (
    ADVISORY,
    DISABLED,
    MANDATORY,
    RULES_BY_NAME,
    PackConfig,
    ResourceView,
    evaluate,
)
from tests.conftest import ACCOUNT_ID, REGION
from tests.programs import BYPASSING_PROGRAM

KEY_ARN = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/8ce7b8c6-d145-562d-9b5b-d9594d61751a"
ADMIN = f"arn:aws:iam::{ACCOUNT_ID}:role/Admins"
WORKSPACE = "aws:workspaces/workspace:Workspace"


def workspace(name="ws-alice", timeout="90m", **props) -> ResourceView:
    base = {
        "userName": "alice",
        "volumeEncryptionKey": KEY_ARN,
        "rootVolumeEncryptionEnabled": True,
        "userVolumeEncryptionEnabled": True,
    }
    options = {"customTimeouts": {"create": timeout} if timeout else {}}
    return ResourceView(WORKSPACE, f"urn:pulumi:s::p::{WORKSPACE}::{name}", name, {**base, **props}, options)


def key(**props) -> ResourceView:
    policy = workspaces_key_policy(
        partition="aws", account_id=ACCOUNT_ID, key_administrators=[ADMIN], key_users=[ADMIN]
    )
    base = {
        "arn": KEY_ARN,
        "keyId": KEY_ARN.rsplit("/", 1)[1],
        "customerMasterKeySpec": "SYMMETRIC_DEFAULT",
        "keyUsage": "ENCRYPT_DECRYPT",
        "enableKeyRotation": True,
        "policy": json.dumps(policy),
    }
    return ResourceView("aws:kms/key:Key", "urn:pulumi:s::p::aws:kms/key:Key::key", "key", {**base, **props})


def alias(name: str, target: str) -> ResourceView:
    return ResourceView(
        "aws:kms/alias:Alias", f"urn:alias:{name}", name, {"name": name, "targetKeyId": target}
    )


def directory(**creation) -> ResourceView:
    return ResourceView(
        "aws:workspaces/directory:Directory",
        "urn:pulumi:s::p::aws:workspaces/directory:Directory::dir",
        "dir",
        {"directoryId": "d-1234567890", "workspaceCreationProperties": creation},
    )


def iam_policy(*actions: str) -> ResourceView:
    document = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": list(actions), "Resource": "*"}],
    }
    return ResourceView("aws:iam/policy:Policy", "urn:iam", "iam", {"policy": json.dumps(document)})


def rules_violated(resources, config=None) -> list[tuple[str, str]]:
    return [(v.rule, v.message) for v in evaluate(resources, PackConfig.parse(config))]


# --- workspaces-volumes-encrypted-with-a-key-arn --------------------------------------------------


def test_volumes_compliant():
    assert rules_violated([workspace(), key()]) == []


@pytest.mark.parametrize(
    ("props", "fragment"),
    [
        ({"rootVolumeEncryptionEnabled": False}, "the root volume must be encrypted"),
        ({"userVolumeEncryptionEnabled": False}, "the user volume must be encrypted"),
        ({"volumeEncryptionKey": ""}, "volumeEncryptionKey is empty"),
        ({"volumeEncryptionKey": "alias/workspaces"}, "not an alias or id (got 'alias/workspaces')"),
        ({"volumeEncryptionKey": "8ce7b8c6-d145-562d-9b5b-d9594d61751a"}, "not an alias or id"),
    ],
)
def test_volumes_non_compliant(props, fragment):
    found = [
        m
        for rule, m in rules_violated([workspace(**props), key()])
        if rule == "workspaces-volumes-encrypted-with-a-key-arn"
    ]
    assert len(found) == 1 and fragment in found[0]


def test_volumes_required_by_the_pack_config():
    user_only = workspace(rootVolumeEncryptionEnabled=False, timeout=None)
    config = {"workspaces-volumes-encrypted-with-a-key-arn": {"requiredVolumes": ["user"]}}
    assert rules_violated([user_only, key()], config) == []


# --- workspaces-kms-key-compliant -----------------------------------------------------------------


def test_key_compliant_including_an_allowed_alias():
    config = {"workspaces-kms-key-compliant": {"allowedKeys": ["alias/workspaces-prod"]}}
    assert (
        rules_violated([workspace(), key(), alias("alias/workspaces-prod", key().props["keyId"])], config)
        == []
    )


@pytest.mark.parametrize(
    ("props", "fragment"),
    [
        ({"customerMasterKeySpec": "RSA_2048"}, "symmetric keys only"),
        ({"keyUsage": "SIGN_VERIFY"}, "ENCRYPT_DECRYPT"),
        ({"enableKeyRotation": False}, "rotation must be enabled"),
        ({"policy": None}, "key policy is missing"),
        ({"policy": json.dumps({"Version": "2012-10-17", "Statement": []})}, "account-root statement"),
    ],
)
def test_key_non_compliant(props, fragment):
    found = [
        m for rule, m in rules_violated([workspace(), key(**props)]) if rule == "workspaces-kms-key-compliant"
    ]
    assert any(fragment in message for message in found), found


def test_key_grants_without_the_aws_resource_condition_are_a_violation():
    policy = json.loads(key().props["policy"])
    del policy["Statement"][3]["Condition"]
    found = rules_violated([workspace(), key(policy=json.dumps(policy))])
    assert found == [
        (
            "workspaces-kms-key-compliant",
            "key key: AllowKeyUsersGrantsForAWSResources allows grants without the condition "
            "Bool kms:GrantIsForAWSResource true",
        )
    ]


def test_a_key_from_outside_the_stack_must_be_listed():
    found = rules_violated([workspace()])
    assert found == [
        (
            "workspaces-kms-key-compliant",
            f"key {KEY_ARN} is not created in this stack, so it cannot be checked; list it in allowedKeys",
        )
    ]
    assert rules_violated([workspace()], {"workspaces-kms-key-compliant": {"allowedKeys": [KEY_ARN]}}) == []


def test_a_key_that_is_not_allowed_is_a_violation():
    config = {"workspaces-kms-key-compliant": {"allowedKeys": ["alias/other"]}}
    found = rules_violated([workspace(), key(), alias("alias/workspaces-prod", key().props["keyId"])], config)
    assert found == [
        ("workspaces-kms-key-compliant", f"key {KEY_ARN} is not one of the allowed keys (alias/other)")
    ]


# --- no-invalid-or-retired-actions ----------------------------------------------------------------


def test_actions_compliant():
    assert rules_violated([iam_policy("kms:ReEncrypt*", "workspaces:*")]) == []


def test_actions_non_compliant():
    found = rules_violated([iam_policy("kms:ReEncrypt", "wam:CreateWorkspaces")])
    assert [rule for rule, _ in found] == ["no-invalid-or-retired-actions"] * 2
    assert "kms:ReEncrypt, which is not an action" in found[0][1] + found[1][1]
    assert "wam:CreateWorkspaces: the wam: prefix is retired" in found[0][1] + found[1][1]


def test_actions_in_a_key_policy_and_in_role_inline_policies_are_checked():
    policy = json.loads(key().props["policy"])
    policy["Statement"][2]["Action"] = ["kms:ReEncrypt"]
    inline = {"Statement": [{"Effect": "Allow", "NotAction": "wam:*", "Resource": "*"}]}
    role = ResourceView(
        "aws:iam/role:Role", "urn:role", "role", {"inlinePolicies": [{"policy": json.dumps(inline)}]}
    )
    found = [
        (v.urn, v.rule)
        for v in evaluate([key(policy=json.dumps(policy)), role])
        if v.rule == "no-invalid-or-retired-actions"
    ]
    assert sorted(found) == [
        ("urn:pulumi:s::p::aws:kms/key:Key::key", "no-invalid-or-retired-actions"),
        ("urn:role", "no-invalid-or-retired-actions"),
    ]


# --- workspaces-create-timeout --------------------------------------------------------------------


@pytest.mark.parametrize("timeout", ["60m", "90m", "1h30m", "7200s"])
def test_create_timeout_compliant(timeout):
    assert rules_violated([workspace(timeout=timeout), key()]) == []


@pytest.mark.parametrize(("timeout", "shown"), [("45m", "45m"), (None, "the provider default of 30m")])
def test_create_timeout_non_compliant(timeout, shown):
    found = rules_violated([workspace(timeout=timeout), key()])
    assert found == [
        (
            "workspaces-create-timeout",
            f"create timeout {shown} is under 60m: an encrypted root volume can take up to an hour",
        )
    ]


def test_create_timeout_does_not_apply_without_root_encryption():
    config = {"workspaces-volumes-encrypted-with-a-key-arn": {"requiredVolumes": ["user"]}}
    assert rules_violated([workspace(timeout=None, rootVolumeEncryptionEnabled=False), key()], config) == []


# --- directory-no-local-admin-or-internet ---------------------------------------------------------


def test_directory_compliant():
    assert (
        rules_violated([directory(enableInternetAccess=False, userEnabledAsLocalAdministrator=False)]) == []
    )


def test_directory_non_compliant_and_allowed_by_config():
    risky = directory(enableInternetAccess=True, userEnabledAsLocalAdministrator=True)
    assert sorted(m.split(" (")[0] for _, m in rules_violated([risky])) == [
        "WorkSpaces would get direct internet access",
        "users would be local administrators of their WorkSpaces",
    ]
    allowed = {
        "directory-no-local-admin-or-internet": {"allowInternetAccess": True, "allowLocalAdministrator": True}
    }
    assert rules_violated([risky], allowed) == []


# --- enforcement and config -----------------------------------------------------------------------


def test_default_enforcement_levels():
    assert {name: rule.enforcement for name, rule in RULES_BY_NAME.items()} == {
        "workspaces-volumes-encrypted-with-a-key-arn": MANDATORY,
        "workspaces-kms-key-compliant": MANDATORY,
        "no-invalid-or-retired-actions": ADVISORY,
        "workspaces-create-timeout": ADVISORY,
        "directory-no-local-admin-or-internet": ADVISORY,
    }


def test_enforcement_overrides_change_the_level_or_disable_a_rule():
    resources = [workspace(volumeEncryptionKey="alias/x"), key()]
    advisory = evaluate(
        resources, PackConfig.parse({"workspaces-volumes-encrypted-with-a-key-arn": "advisory"})
    )
    assert {v.enforcement for v in advisory} == {ADVISORY}
    config = {"workspaces-volumes-encrypted-with-a-key-arn": {"enforcementLevel": DISABLED}}
    assert evaluate(resources, PackConfig.parse(config)) == []


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"no-such-rule": {}}, "no-such-rule: unknown rule"),
        (
            {"workspaces-kms-key-compliant": {"allowedKey": []}},
            "workspaces-kms-key-compliant.allowedKey: Extra inputs",
        ),
        (
            {"workspaces-volumes-encrypted-with-a-key-arn": {"requiredVolumes": ["boot"]}},
            "requiredVolumes.0: Input should be 'root' or 'user'",
        ),
        (
            {"workspaces-create-timeout": "sometimes"},
            "workspaces-create-timeout.enforcementLevel: Input should be",
        ),
    ],
)
def test_invalid_pack_config_names_the_rule_and_key(raw, problem):
    with pytest.raises(ConfigError) as raised:
        PackConfig.parse(raw)
    assert any(problem in line for line in raised.value.problems), raised.value.problems


# --- whole stacks ---------------------------------------------------------------------------------

STACKS = sorted((Path(__file__).resolve().parents[1] / "stacks").glob("Pulumi.*.yaml"))


@pytest.mark.parametrize("stack_file", STACKS, ids=[s.name for s in STACKS])
def test_the_projects_stacks_violate_no_rule(stack_file):
    config = yaml.safe_load(stack_file.read_text())["config"]
    deployment = simulate(stack="s", config=config, account_id=ACCOUNT_ID, region=config["aws:region"])
    assert evaluate(views_from_registrations(deployment.resources)) == []


def test_workspaces_registered_without_the_component_are_reported():
    program = compile(BYPASSING_PROGRAM, "bypassing_program", "exec")
    deployment = simulate(
        lambda: exec(program, {}), stack="s", config={}, account_id=ACCOUNT_ID, region=REGION
    )
    found = {
        (v.rule, v.enforcement, v.urn.rsplit("::", 1)[1], v.message)
        for v in evaluate(views_from_registrations(deployment.resources))
    }
    volumes = "workspaces-volumes-encrypted-with-a-key-arn"
    assert {(rule, name) for rule, level, name, _ in found if level == MANDATORY} == {
        (volumes, "unencrypted"),
        (volumes, "alias-keyed"),
    }
    messages = {
        name: message
        for rule, _, name, message in found
        if rule == volumes and "volumeEncryptionKey" in message
    }
    assert "volumeEncryptionKey is empty" in messages["unencrypted"]
    assert "not an alias or id (got 'alias/workspaces')" in messages["alias-keyed"]
    assert ("workspaces-create-timeout", ADVISORY, "unencrypted") not in {
        (r, lvl, n) for r, lvl, n, _ in found
    }
