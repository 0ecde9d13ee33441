"""Preflight's IAM policy, checked by moto's own IAM enforcement: the committed policy is enough, and
each action in it is needed: without one of the three calls every check rests on the run stops (exit 1,
one line naming the action); without any other, the checks that needed it are not checked, the
denied action named as the reason, never a blocker."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from moto import mock_aws
from moto.core import set_initial_no_auth_action_count

from encrypted_workspaces.cli import main
from tests.audit.conftest import fake_aws_environment
from tests.preflight.seed import REGION, ready_account

PREFLIGHT_POLICY = Path(__file__).resolve().parents[2] / "policies" / "preflight-policy.json"
WHOLE_POLICY = "preflighter"
# The calls every check rests on: denied, the run stops.
CORE_ACTIONS = {"workspaces:DescribeWorkspaces", "workspaces:DescribeWorkspaceDirectories"}
# Read only with key.existing: the existing-key stack shows them needed; ListAliases, the created key's.
EXISTING_KEY_ACTIONS = {"kms:DescribeKey", "kms:GetKeyPolicy"}
# moto has no Directory Service Data endpoint (its 404 comes before any IAM check), so without these two
# user-not-found stays "not answered"; test_stubbed.py shows a denied DescribeUser lands under unchecked.
NO_MOTO_ENDPOINT = {"ds-data:DescribeUser", "ds:AccessDSData"}
ACTIONS = [a for s in json.loads(PREFLIGHT_POLICY.read_text())["Statement"] for a in s["Action"]]


def _user_for(action: str) -> str:
    return "preflight-without-" + action.replace(":", "-")


def _without(policy: dict, action: str) -> dict:
    kept = [{**s, "Action": [a for a in s["Action"] if a != action]} for s in policy["Statement"]]
    return {**policy, "Statement": [s for s in kept if s["Action"]]}


@pytest.fixture(scope="module")
def preflighters(tmp_path_factory):
    """A ready account whose administrators are a role, a user and a group (so that every IAM read has
    work), one stack creating its key and one on an existing key, an IAM user holding the committed
    policy, and one user per action holding the policy without it: user -> access key."""
    directory = tmp_path_factory.mktemp("permissions")
    policy = json.loads(PREFLIGHT_POLICY.read_text())
    with pytest.MonkeyPatch.context() as monkeypatch:
        fake_aws_environment(monkeypatch, directory)
        monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
        with mock_aws():
            ready = ready_account()
            iam = boto3.client("iam", region_name=REGION)
            admin_user = iam.create_user(UserName="ws-admin")["User"]["Arn"]
            admin_group = iam.create_group(GroupName="ws-admins")["Group"]["Arn"]
            ready.namespace["administrators"]["principals"] += [admin_user, admin_group]
            created = ready.stack_file(directory, "created")
            ready.namespace["key"] = {"existing": ready.account.key()}
            existing = ready.stack_file(directory, "existing")
            keys = {}
            for user, document in {
                WHOLE_POLICY: policy,
                **{_user_for(a): _without(policy, a) for a in ACTIONS},
            }.items():
                iam.create_user(UserName=user)
                iam.put_user_policy(
                    UserName=user, PolicyName="preflight", PolicyDocument=json.dumps(document)
                )
                keys[user] = iam.create_access_key(UserName=user)["AccessKey"]
            yield keys, {"created": created, "existing": existing}


def _preflight_as(preflighters, user: str, stack: str, monkeypatch, capsys) -> tuple[int, dict | None, str]:
    keys, stacks = preflighters
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", keys[user]["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", keys[user]["SecretAccessKey"])
    monkeypatch.delenv("AWS_SESSION_TOKEN")
    # From here on moto checks every request's credentials against its IAM (the seeding was not).
    code = set_initial_no_auth_action_count(0)(main)(
        ["preflight", "--config", str(stacks[stack]), "--format", "json"]
    )
    out, err = capsys.readouterr()
    return code, json.loads(out) if out else None, err


@pytest.mark.parametrize("stack", ["created", "existing"])
def test_the_committed_policy_is_enough(preflighters, monkeypatch, capsys, stack):
    code, report, err = _preflight_as(preflighters, WHOLE_POLICY, stack, monkeypatch, capsys)
    assert (code, err, report["findings"]) == (0, "", [])
    assert not [u for u in report["unchecked"] if "access denied" in u["reason"]]


@pytest.mark.parametrize("action", ACTIONS)
def test_each_action_is_needed(preflighters, monkeypatch, capsys, action):
    stack = "existing" if action in EXISTING_KEY_ACTIONS else "created"
    code, report, err = _preflight_as(preflighters, _user_for(action), stack, monkeypatch, capsys)
    service, operation = action.split(":")
    denied = f"access denied: the preflight needs {action}"
    if action in CORE_ACTIONS:
        assert (code, report) == (1, None)
        assert err == f"encrypted-workspaces preflight: {service} {operation}: {denied} (HTTP 403)\n"
        return
    assert (code, err, report["findings"]) == (0, "", [])
    reasons = {u["reason"] for u in report["unchecked"]}
    if action in NO_MOTO_ENDPOINT:
        assert {u["reason"] for u in report["unchecked"] if u["check"] == "user-not-found"} == {
            "not answered: ds-data DescribeUser: 404: Not yet implemented"
        }
        return
    assert any(denied in reason for reason in reasons), reasons
