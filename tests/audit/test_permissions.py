"""The audit's IAM policy, checked by moto's own IAM enforcement: the committed policy is enough for
a whole stack audit, every action in it is needed, and a denial is one line naming the action."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from moto import mock_aws
from moto.core import set_initial_no_auth_action_count

from encrypted_workspaces.cli import main
from encrypted_workspaces.documents.actions import AUDIT_API_CALLS, iam_action
from tests.audit.accounts import seed_small_account, stack_file
from tests.audit.conftest import fake_aws_environment
from tests.audit.seed import REGION

AUDIT_POLICY = Path(__file__).resolve().parents[2] / "policies" / "audit-policy.json"
WHOLE_POLICY = "auditor"


def _user_for(call: tuple[str, str]) -> str:
    return f"auditor-without-{call[0]}-{call[1]}"


def _without(policy: dict, action: str) -> dict:
    return {
        **policy,
        "Statement": [{**s, "Action": [a for a in s["Action"] if a != action]} for s in policy["Statement"]],
    }


@pytest.fixture(scope="module")
def auditors(tmp_path_factory):
    """One seeded account whose every audit call has work to do, an IAM user holding the committed
    policy, and one user per action holding the policy without that action: user -> access key."""
    directory = tmp_path_factory.mktemp("permissions")
    policy = json.loads(AUDIT_POLICY.read_text())
    with pytest.MonkeyPatch.context() as monkeypatch:
        fake_aws_environment(monkeypatch, directory)
        with mock_aws():
            small = seed_small_account()
            iam = boto3.client("iam", region_name=REGION)
            keys = {}
            policies = {WHOLE_POLICY: policy}
            policies |= {_user_for(call): _without(policy, iam_action(call)) for call in AUDIT_API_CALLS}
            for user, document in policies.items():
                iam.create_user(UserName=user)
                iam.put_user_policy(UserName=user, PolicyName="audit", PolicyDocument=json.dumps(document))
                keys[user] = iam.create_access_key(UserName=user)["AccessKey"]
            yield keys, stack_file(directory, small.directory, ["alice", "bob"])


def _audit_as(auditors, user: str, monkeypatch, capsys) -> tuple[int, str]:
    keys, stack = auditors
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", keys[user]["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", keys[user]["SecretAccessKey"])
    monkeypatch.delenv("AWS_SESSION_TOKEN")
    # From here on moto checks every request's credentials against its IAM (the seeding was not).
    code = set_initial_no_auth_action_count(0)(main)(["audit", "--config", str(stack)])
    return code, capsys.readouterr().err


def test_the_committed_policy_is_enough_for_a_whole_stack_audit(auditors, monkeypatch, capsys):
    # bob's WorkSpace is on another key than the stack's: a finding (3), and nothing denied.
    assert _audit_as(auditors, WHOLE_POLICY, monkeypatch, capsys) == (3, "")


@pytest.mark.parametrize("call", AUDIT_API_CALLS, ids=[iam_action(c) for c in AUDIT_API_CALLS])
def test_each_action_is_needed_and_its_denial_is_one_line_naming_it(auditors, monkeypatch, capsys, call):
    code, err = _audit_as(auditors, _user_for(call), monkeypatch, capsys)
    service, operation = call
    assert (code, err) == (
        1,
        f"encrypted-workspaces audit: {service} {operation}: access denied: the audit needs "
        f"{iam_action(call)} (HTTP 403)\n",
    )
