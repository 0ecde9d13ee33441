"""Resource views for the rule tests: compliant by default, one property changed per case."""

from __future__ import annotations

import json

from encrypted_workspaces.documents import workspaces_key_policy
from encrypted_workspaces.rules import (
    PackConfig,
    ResourceView,
    evaluate,
)
from tests.conftest import ACCOUNT_ID, REGION

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
