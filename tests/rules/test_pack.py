"""The pack: default enforcement levels, overrides, and invalid pack config."""

from __future__ import annotations

import pytest

from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.rules import (
    ADVISORY,
    DISABLED,
    MANDATORY,
    RULES_BY_NAME,
    PackConfig,
    evaluate,
)
from tests.rules.resources import key, workspace


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
