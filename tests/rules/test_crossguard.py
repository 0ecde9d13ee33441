"""The CrossGuard adapter, called with hand-built pulumi_policy arguments (the pack's __main__ starts a
server, so it is never imported here)."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import jsonschema
import pytest
import yaml
from google.protobuf import empty_pb2
from google.protobuf.json_format import MessageToDict
from packaging.requirements import Requirement
from pulumi.runtime.proto import analyzer_pb2_grpc
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

from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.rules import RULES, PackConfig
from encrypted_workspaces.rules.crossguard import policies
from encrypted_workspaces.rules.workspace_volumes import WorkspaceVolumesSettings
from tests.plugins import plugin_channel
from tests.rules.resources import KEY_ARN, key, workspace

ROOT = Path(__file__).resolve().parents[2]
PACK_DIR = ROOT / "policies" / "workspaces-guardrails"


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


def test_config_schema_declares_each_rules_settings_with_item_types_values_and_defaults():
    schema = policy("workspaces-volumes-encrypted-with-a-key-arn").config_schema
    assert schema.properties == {
        "requiredVolumes": {
            "type": "array",
            "items": {"type": "string", "enum": ["root", "user"]},
            "minItems": 1,
            "default": ["root", "user"],
            "description": WorkspaceVolumesSettings.model_fields["required_volumes"].description,
        }
    }
    assert schema.required is None
    assert policy("no-invalid-or-retired-actions").config_schema is None


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_config_schema_describes_every_setting_and_accepts_its_defaults(rule):
    built = policy(rule.name).config_schema
    settings = {f.alias: f for f in rule.settings.model_fields.values() if f.alias != "enforcementLevel"}
    assert set(built.properties if built else {}) == set(settings)
    for name, field in settings.items():
        assert field.description, f"{rule.name}.{name}: a setting needs a docstring, its description"
        assert built.properties[name]["description"] == field.description
        jsonschema.validate(field.default, built.properties[name])


@pytest.mark.parametrize(
    ("rule", "settings"),
    [
        ("workspaces-volumes-encrypted-with-a-key-arn", {"requiredVolumes": ["boot"]}),
        ("workspaces-volumes-encrypted-with-a-key-arn", {"requiredVolumes": []}),
        ("workspaces-volumes-encrypted-with-a-key-arn", {"requiredVolumes": "root"}),
        ("workspaces-kms-key-compliant", {"allowedKeys": [7]}),
        ("directory-no-local-admin-or-internet", {"allowInternetAccess": "sometimes"}),
    ],
)
def test_settings_the_config_schema_refuses_the_pack_refuses_too(rule, settings):
    """Pulumi validates pack config against the schema; the pack's own parser agrees."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(settings, {"type": "object", "properties": policy(rule).config_schema.properties})
    with pytest.raises(ConfigError):
        PackConfig.parse({rule: settings})


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
        ("key key has automatic key rotation off", workspace().urn)
    ]
    assert run_stack_policy(rule, [workspace()], config={"allowedKeys": [KEY_ARN]}) == []


def test_pack_directory_is_a_python_policy_pack():
    project = yaml.safe_load((PACK_DIR / "PulumiPolicy.yaml").read_text())
    assert project["runtime"]["name"] == "python"
    main = (PACK_DIR / "__main__.py").read_text()
    assert "from encrypted_workspaces.rules.crossguard import pack" in main


def test_pack_is_publishable_its_version_is_the_packages_and_its_requirements_come_from_an_index():
    project = yaml.safe_load((PACK_DIR / "PulumiPolicy.yaml").read_text())
    package_version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert project["version"] == package_version
    # Its own virtualenv, beside it: a published pack has no project .venv two levels up.
    assert project["runtime"]["options"]["virtualenv"] == "venv"
    lines = [line for line in (PACK_DIR / "requirements.txt").read_text().splitlines() if line[:1] not in "#"]
    requirements = {Requirement(line).name: Requirement(line) for line in lines if line.strip()}
    assert set(requirements) == {"encrypted-workspaces", "pulumi-policy"}
    rules = requirements["encrypted-workspaces"]
    assert rules.url is None and "policy-pack" in rules.extras  # by name from an index, not a path
    assert rules.specifier.contains(package_version)
    assert not rules.specifier.contains("1.0.0")  # a range: a new major version is not taken blindly
    assert requirements["pulumi-policy"].specifier.contains(version("pulumi-policy"))


def test_pack_process_serves_every_policy_with_its_config_schema_over_grpc():
    """What the Pulumi CLI does with the pack: run __main__.py, then ask the analyzer what it holds."""
    with plugin_channel(PACK_DIR / "__main__.py") as channel:
        info = analyzer_pb2_grpc.AnalyzerStub(channel).GetAnalyzerInfo(empty_pb2.Empty(), timeout=60)
    assert info.name == "encrypted-workspaces-guardrails"
    served = {p.name: MessageToDict(p.configSchema).get("properties", {}) for p in info.policies}
    assert served == {p.name: p.config_schema.properties if p.config_schema else {} for p in policies()}
