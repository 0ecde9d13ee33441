"""Rule workspaces-create-timeout: compliant and non-compliant timeouts."""

from __future__ import annotations

import pytest

from tests.rules.resources import key, rules_violated, workspace


@pytest.mark.parametrize("timeout", ["60m", "90m", "1h30m", "7200s", "1.5h", ".75h30m"])
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


@pytest.mark.parametrize("timeout", ["ninety", "-90m", "90", "١٢٠m"])
def test_a_timeout_go_would_not_parse_is_a_violation_not_a_crash(timeout):
    ((rule, message),) = rules_violated([workspace(timeout=timeout), key()])
    assert rule == "workspaces-create-timeout"
    assert message.startswith("create timeout ") and repr(timeout) in message
