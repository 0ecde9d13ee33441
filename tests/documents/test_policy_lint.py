"""Every policy the stacks would send passes parliament (RESOURCE_STAR accepted) and names real actions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from encrypted_workspaces.documents.lint import (
    IDENTITY,
    KEY_POLICY,
    TRUST_POLICY,
    lint_policy,
    unknown_actions,
)
from encrypted_workspaces.offline.runner import simulate
from tests import documented
from tests.conftest import ACCOUNT_ID

STACKS = sorted((Path(__file__).resolve().parents[2] / "stacks").glob("Pulumi.*.yaml"))


def _policies_of(stack_file: Path) -> list[tuple[str, dict, str, str | None]]:
    config = yaml.safe_load(stack_file.read_text())["config"]
    deployment = simulate(
        stack=stack_file.stem.split(".", 1)[1],
        config=config,
        account_id=ACCOUNT_ID,
        region=config["aws:region"],
    )
    documents = []
    for resource in deployment.resources:
        if resource.type == "aws:kms/key:Key":
            documents.append((resource.name, json.loads(resource.inputs["policy"]), KEY_POLICY, None))
        elif resource.type == "aws:iam/policy:Policy":
            documents.append((resource.name, json.loads(resource.inputs["policy"]), IDENTITY, None))
        elif resource.type == "aws:iam/role:Role":
            trust = json.loads(resource.inputs["assumeRolePolicy"])
            documents.append((resource.name, trust, TRUST_POLICY, resource.state["arn"]))
    return documents


@pytest.mark.parametrize("stack_file", STACKS, ids=[s.name for s in STACKS])
def test_every_generated_policy_passes_parliament_and_names_real_actions(stack_file):
    documents = _policies_of(stack_file)
    assert {kind for _, _, kind, _ in documents} >= {KEY_POLICY, IDENTITY}
    for name, document, kind, role_arn in documents:
        findings = lint_policy(name, document, kind=kind, attached_to=role_arn)
        assert [f for f in findings if not f.accepted] == [], name
        assert unknown_actions(document) == [], name


def test_the_dev_stack_has_a_trust_policy_to_lint():
    dev = next(s for s in STACKS if s.name == "Pulumi.dev.yaml")
    assert [name for name, _, kind, _ in _policies_of(dev) if kind == TRUST_POLICY] == [
        "workspaces-default-role"
    ]


def test_the_documented_key_policy_as_printed_fails_the_action_check():
    # The check can fail: the AWS sample's kms:ReEncrypt is not an action.
    assert unknown_actions(documented.KEY_POLICY_SAMPLE) == ["kms:ReEncrypt"]
    issues = {f.issue for f in lint_policy("sample", documented.KEY_POLICY_SAMPLE)}
    assert "UNKNOWN_ACTION_IN_POLICY_SENTRY" in issues


def test_retired_wam_actions_fail_the_action_check():
    older_sample = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": ["workspaces:*", "wam:CreateWorkspaces"], "Resource": "*"}
        ],
    }
    assert unknown_actions(older_sample) == ["wam:CreateWorkspaces"]


def test_a_trust_policy_is_linted_on_its_role():
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "workspaces.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    assert (
        lint_policy("trust", trust, kind=TRUST_POLICY, attached_to="arn:aws:iam::123456789012:role/r") == []
    )
    # Linted as an identity policy, parliament calls the (IAM-mandated) missing Resource malformed.
    assert {f.issue for f in lint_policy("trust", trust)} == {"MALFORMED"}
    with pytest.raises(ValueError, match="attached_to"):
        lint_policy("trust", trust, kind=TRUST_POLICY)
