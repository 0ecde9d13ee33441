"""Rule workspaces-volumes-encrypted-with-a-key-arn: compliant and non-compliant."""

from __future__ import annotations

import pytest

from tests.rules.resources import key, rules_violated, workspace


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
