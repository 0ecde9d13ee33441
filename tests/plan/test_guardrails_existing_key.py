"""The guardrails over the breadth resources: nothing new violates a rule, and a WorkSpace on an
existing key is judged as CrossGuard would judge it, unless plan allows the key the stack names."""

from __future__ import annotations

from encrypted_workspaces.aws import types
from encrypted_workspaces.plan.guardrails import allowing_named_keys, views_from_registrations
from encrypted_workspaces.rules import PackConfig, evaluate
from tests.conftest import deploy, valid_namespace

KMS_RULE = "workspaces-kms-key-compliant"


def breadth_deployment():
    namespace = valid_namespace()
    namespace["key"] = {"existing": "alias/shared-workspaces"}
    namespace["directory"]["ipGroups"] = {"offices": {"rules": [{"source": "203.0.113.0/24"}]}}
    namespace["workspaces"]["defaults"] = {"bundleName": "Standard with Windows 10 (Server 2019 based)"}
    namespace["workspaces"]["users"]["carol"] = {"importId": "ws-0123456789"}
    namespace["ebsDefaultEncryption"] = True
    namespace["alarms"] = {"topicArn": "arn:aws:sns:eu-west-1:123456789012:security-alerts"}
    return deploy(namespace)


def test_the_rules_alone_cannot_judge_a_key_outside_the_stack_and_say_so_per_workspace():
    deployment = breadth_deployment()
    key_arn = deployment.outputs["keyArn"]
    found = {
        (v.rule, v.urn.rsplit("::", 1)[1], v.message)
        for v in evaluate(views_from_registrations(deployment.resources))
    }
    assert found == {
        (
            KMS_RULE,
            f"workspaces-workspace-{user}",
            f"key {key_arn} is not created in this stack, so it cannot be checked; list it in allowedKeys",
        )
        for user in ("alice", "bob", "carol")
    }


def test_plan_allows_the_key_the_stack_names_and_nothing_else_is_violated():
    deployment = breadth_deployment()
    config, notes = allowing_named_keys(PackConfig.parse(), deployment.invokes)
    assert config.rules[KMS_RULE].allowed_keys == [deployment.outputs["keyArn"]]
    assert len(notes) == 1
    assert evaluate(views_from_registrations(deployment.resources), config) == []
    assert {r.type for r in deployment.resources} >= {
        types.WORKSPACES_IP_GROUP,
        types.EBS_DEFAULT_KMS_KEY,
        types.EBS_ENCRYPTION_BY_DEFAULT,
        types.EVENT_RULE,
        types.EVENT_TARGET,
    }


def test_without_a_looked_up_key_the_pack_config_is_left_as_it_is():
    config = PackConfig.parse({KMS_RULE: {"allowedKeys": ["alias/workspaces-test"]}})
    assert allowing_named_keys(config, deploy(valid_namespace()).invokes) == (config, [])
