"""The audit's IAM policy: the whole document, linted like every other, and the committed copy in
policies/audit-policy.json kept equal to the function that makes it."""

from __future__ import annotations

import json
from pathlib import Path

from encrypted_workspaces.cli import main
from encrypted_workspaces.documents import audit_policy
from encrypted_workspaces.documents.actions import AUDIT_API_CALLS
from encrypted_workspaces.documents.lint import lint_policy

COMMITTED = Path(__file__).resolve().parents[2] / "policies" / "audit-policy.json"


def test_the_audit_policy_grants_the_read_calls_of_the_audit_and_nothing_else():
    assert audit_policy() == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ReadWorkSpacesAndTheirDirectories",
                "Effect": "Allow",
                "Action": ["workspaces:DescribeWorkspaceDirectories", "workspaces:DescribeWorkspaces"],
                "Resource": "*",
            },
            {
                "Sid": "ReadTheKeysOfWorkSpaces",
                "Effect": "Allow",
                "Action": [
                    "kms:DescribeKey",
                    "kms:GetKeyPolicy",
                    "kms:GetKeyRotationStatus",
                    "kms:ListAliases",
                ],
                "Resource": "*",
            },
        ],
    }


def test_the_audit_policy_is_made_from_the_list_of_calls():
    granted = {action for statement in audit_policy()["Statement"] for action in statement["Action"]}
    assert granted == {f"{service}:{operation}" for service, operation in AUDIT_API_CALLS}
    assert all(operation.startswith(("Describe", "Get", "List")) for _, operation in AUDIT_API_CALLS)


def test_the_audit_policy_passes_parliament_with_only_resource_star_and_names_real_actions():
    findings = lint_policy("audit-policy", audit_policy())
    assert [f for f in findings if not f.accepted] == []
    assert {f.issue for f in findings} == {"RESOURCE_STAR"}


def test_the_committed_policy_file_is_what_the_audit_prints(capsys):
    assert main(["audit", "--print-policy"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == audit_policy()
    assert COMMITTED.read_text() == printed, (
        "policies/audit-policy.json is stale: .venv/bin/encrypted-workspaces audit --print-policy "
        "> policies/audit-policy.json"
    )
