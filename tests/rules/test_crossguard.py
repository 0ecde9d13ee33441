"""The CrossGuard adapter, called with hand-built pulumi_policy arguments (the pack's __main__ starts a
server, so it is never imported here)."""

from __future__ import annotations

from pathlib import Path

from pulumi_policy import (
    EnforcementLevel,
    PolicyCustomTimeouts,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)

from encrypted_workspaces.rules import RULES
from encrypted_workspaces.rules.crossguard import policies
from tests.rules.resources import KEY_ARN, key, workspace

PACK_DIR = Path(__file__).resolve().parents[2] / "policies" / "workspaces-guardrails"


def options(create_seconds: float = 0) -> PolicyResourceOptions:
    return PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(create_seconds, 0, 0), [])


def policy(name: str):
    return next(p for p in policies() if p.name == name)


def run_resource_policy(name: str, view, create_seconds: float = 5400, config=None) -> list[str]:
    reported: list[str] = []
    args = ResourceValidationArgs(
        view.type, dict(view.props), view.urn, view.name, options(create_seconds), None, config or {}
    )
    policy(name).validate(args, lambda message, urn=None: reported.append(message))
    return reported


def run_stack_policy(name: str, views, config=None) -> list[tuple[str, str | None]]:
    reported: list[tuple[str, str | None]] = []
    resources = [
        PolicyResource(v.type, dict(v.props), v.urn, v.name, options(5400), None, None, [], {}) for v in views
    ]
    policy(name).validate(
        StackValidationArgs(resources, config or {}), lambda m, urn=None: reported.append((m, urn))
    )
    return reported


def test_one_crossguard_policy_per_rule_with_its_level_and_kind():
    built = {p.name: p for p in policies()}
    assert list(built) == [rule.name for rule in RULES]
    for rule in RULES:
        kind = StackValidationPolicy if rule.stack_check else ResourceValidationPolicy
        assert isinstance(built[rule.name], kind)
        assert built[rule.name].enforcement_level == EnforcementLevel(rule.enforcement)


def test_config_schema_declares_each_rules_settings():
    schema = policy("workspaces-kms-key-compliant").config_schema
    assert schema.properties == {"allowedKeys": {"type": "array", "default": []}}
    assert policy("no-invalid-or-retired-actions").config_schema is None


def test_resource_policy_compliant_and_not():
    rule = "workspaces-volumes-encrypted-with-a-key-arn"
    assert run_resource_policy(rule, workspace()) == []
    reported = run_resource_policy(rule, workspace(volumeEncryptionKey="alias/workspaces"))
    assert len(reported) == 1 and "not an alias or id" in reported[0] and "docs.aws.amazon.com" in reported[0]


def test_resource_policy_reads_its_config():
    rule = "workspaces-volumes-encrypted-with-a-key-arn"
    user_only = workspace(rootVolumeEncryptionEnabled=False)
    assert len(run_resource_policy(rule, user_only)) == 1
    assert (
        run_resource_policy(
            rule, user_only, config={"enforcementLevel": "mandatory", "requiredVolumes": ["user"]}
        )
        == []
    )


def test_create_timeout_comes_from_crossguard_seconds():
    rule = "workspaces-create-timeout"
    assert run_resource_policy(rule, workspace(), create_seconds=3600) == []
    assert "30m" in run_resource_policy(rule, workspace(), create_seconds=0)[0]  # unset: provider default
    assert "2700s is under 60m" in run_resource_policy(rule, workspace(), create_seconds=2700)[0]


def test_stack_policy_follows_the_key_reference():
    rule = "workspaces-kms-key-compliant"
    assert run_stack_policy(rule, [workspace(), key()]) == []
    reported = run_stack_policy(rule, [workspace(), key(enableKeyRotation=False)])
    assert [(m.split(" (https")[0], urn) for m, urn in reported] == [
        ("key key: automatic key rotation must be enabled (enableKeyRotation is not true)", workspace().urn)
    ]
    assert run_stack_policy(rule, [workspace()], config={"allowedKeys": [KEY_ARN]}) == []


def test_pack_directory_is_a_python_policy_pack():
    assert (PACK_DIR / "PulumiPolicy.yaml").read_text().count("name: python") == 1
    requirements = (PACK_DIR / "requirements.txt").read_text().split()
    assert "pulumi-policy>=1.21,<2" in requirements and "../.." in requirements
    main = (PACK_DIR / "__main__.py").read_text()
    assert "from encrypted_workspaces.rules.crossguard import pack" in main
