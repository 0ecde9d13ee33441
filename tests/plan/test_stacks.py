"""Every stack file in stacks/ builds, and prod is set up the way production needs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from encrypted_workspaces.offline.runner import simulate

STACKS_DIR = Path(__file__).resolve().parents[2] / "stacks"
STACK_FILES = sorted(STACKS_DIR.glob("Pulumi.*.yaml"))


def build(stack_file: Path):
    config = yaml.safe_load(stack_file.read_text())["config"]
    stack = stack_file.name[len("Pulumi.") : -len(".yaml")]
    return simulate(
        stack=stack, config=config, account_id=config["aws:allowedAccountIds"][0], region=config["aws:region"]
    )


def test_there_are_dev_and_prod_stacks():
    assert {f.name for f in STACK_FILES} >= {"Pulumi.dev.yaml", "Pulumi.prod.yaml"}


@pytest.mark.parametrize("stack_file", STACK_FILES, ids=[f.name for f in STACK_FILES])
def test_stack_builds_with_one_encrypted_workspace_per_user(stack_file):
    config = yaml.safe_load(stack_file.read_text())["config"]
    deployment = build(stack_file)
    users = config["encrypted-workspaces:workspaces"]["users"]
    workspaces = deployment.of_type("aws:workspaces/workspace:Workspace")
    assert sorted(w.inputs["userName"] for w in workspaces) == sorted(users)
    key_arn = deployment.of_type("aws:kms/key:Key")[0].state["arn"]
    assert all(w.inputs["volumeEncryptionKey"] == key_arn for w in workspaces)
    assert sorted(deployment.outputs["workspaceIds"]) == sorted(users)


def test_prod_protects_its_workspaces_and_key_and_rotates_the_key():
    deployment = build(STACKS_DIR / "Pulumi.prod.yaml")
    protected = {r.type for r in deployment.resources if r.options["protect"]}
    assert protected == {"aws:workspaces/workspace:Workspace", "aws:kms/key:Key"}
    key = deployment.of_type("aws:kms/key:Key")[0]
    assert key.inputs["enableKeyRotation"] is True
    assert key.inputs["deletionWindowInDays"] == 30
