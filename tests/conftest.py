"""Shared fixtures: a valid config and a fresh offline run of the stack program per test."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from encrypted_workspaces.aws.partitions import partition_for_region
from encrypted_workspaces.offline.runner import Deployment, simulate
from tests.packaging.wheel_venv import release, wheel_venv  # noqa: F401 - session fixtures for every test

ACCOUNT_ID = "123456789012"
REGION = "eu-west-1"


def valid_namespace() -> dict[str, Any]:
    """A valid ``encrypted-workspaces:*`` namespace, camelCase as in a stack file."""
    return copy.deepcopy(
        {
            "tags": {"team": "end-user-computing"},
            "key": {
                "alias": "alias/workspaces-test",
                "administrators": ["arn:aws:iam::123456789012:role/KeyAdministrators"],
            },
            "administrators": {
                "principals": ["arn:aws:iam::123456789012:role/WorkSpacesAdministrators"],
                "consoleAccess": True,
            },
            "directory": {
                "directoryId": "d-1234567890",
                "subnetIds": ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a"],
            },
            "workspaces": {
                "defaults": {"bundleId": "wsb-bh8rsxt14"},
                "users": {"alice": {}, "bob": {"computeTypeName": "PERFORMANCE", "runningMode": "ALWAYS_ON"}},
                "protect": False,
            },
        }
    )


def set_at(path: str, value: Any):
    """A mutation of a namespace dict: ``path`` (dotted) set to ``value``, parents created."""

    def mutate(config: dict) -> None:
        *parents, last = path.split(".")
        node = config
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value

    return mutate


def delete_at(path: str):
    """A mutation of a namespace dict: ``path`` (dotted) removed."""

    def mutate(config: dict) -> None:
        *parents, last = path.split(".")
        node = config
        for part in parents:
            node = node[part]
        del node[last]

    return mutate


def in_partition_of(namespace: dict[str, Any], region: str) -> dict[str, Any]:
    """The namespace with every ARN moved to ``region``'s partition (ARNs must match the region)."""
    partition = partition_for_region(region)
    return json.loads(json.dumps(namespace).replace('"arn:aws:', f'"arn:{partition}:'))


def flat_config(namespace: dict[str, Any], region: str = REGION) -> dict[str, Any]:
    """A flat Pulumi config, as the CLI would pass it, from a namespace dict."""
    config: dict[str, Any] = {"aws:region": region, "aws:allowedAccountIds": [ACCOUNT_ID]}
    config.update({f"encrypted-workspaces:{key}": value for key, value in namespace.items()})
    return config


def deploy(namespace: dict[str, Any], *, stack: str = "test", region: str = REGION) -> Deployment:
    """Run the project's own __main__.py under the offline engine with this config."""
    return simulate(stack=stack, config=flat_config(namespace, region), account_id=ACCOUNT_ID, region=region)


def schema_output(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What ``encrypted-workspaces schema ARGS`` prints (it must succeed)."""
    from encrypted_workspaces.cli import main

    capsys.readouterr()
    assert main(["schema", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def namespace() -> dict[str, Any]:
    return valid_namespace()
