"""`encrypted-workspaces audit` exit codes for clean accounts and bad input: 0 when nothing is
wrong, 2 with the same lines `plan` prints for a bad stack file, 2 for a region it cannot audit."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from moto import mock_aws

from encrypted_workspaces.cli import main
from tests.audit.seed import Account

DEV_STACK = Path(__file__).resolve().parents[2] / "stacks" / "Pulumi.dev.yaml"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_account_exits_0_with_a_one_line_summary(capsys):
    with mock_aws():
        account = Account()
        account.workspace(account.directory("corp.example.com"), "alice", key=account.key())
        code, out, err = run(capsys, "audit")
    assert (code, out, err) == (
        0,
        "Checked 1 WorkSpace, 1 key and 1 directory in eu-west-1: no findings.\n",
        "",
    )


def test_an_empty_account_exits_0_with_zero_counts(capsys):
    with mock_aws():
        code, out, _ = run(capsys, "audit", "--format", "json")
    assert code == 0
    assert json.loads(out) == {"findings": [], "checked": {"workspaces": 0, "keys": 0, "directories": 0}}


def test_a_missing_stack_file_exits_2_naming_the_stacks_there_are(capsys):
    code, out, err = run(capsys, "audit", "--stack", "nosuchstack")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "no stack file" in err and "Pulumi.nosuchstack.yaml" in err and "Pulumi.dev.yaml" in err


def test_an_invalid_stack_file_exits_2_with_the_lines_plan_prints(capsys, tmp_path):
    document = yaml.safe_load(DEV_STACK.read_text())
    document["config"]["encrypted-workspaces:workspaces"]["users"]["bob"]["runningMode"] = "SOMETIMES"
    document["config"]["encrypted-workspaces:typo"] = {}
    stack = tmp_path / "Pulumi.broken.yaml"
    stack.write_text(yaml.safe_dump(document))
    plan = run(capsys, "plan", "--config", str(stack), "--out", str(tmp_path / "out"))
    audit = run(capsys, "audit", "--config", str(stack))
    assert audit == plan
    assert audit[0] == 2 and len(audit[2].splitlines()) == 2
    assert "encrypted-workspaces:workspaces.users.bob.runningMode" in audit[2]


def test_a_stack_file_wrong_only_for_its_account_exits_2_with_the_lines_plan_prints(capsys, tmp_path):
    # Checks against the stack's own account need the account: the audit validates with it, as plan does.
    document = yaml.safe_load(DEV_STACK.read_text())
    document["config"]["encrypted-workspaces:administrators"]["principals"] = [
        "arn:aws:iam::210987654321:role/WorkSpacesAdministrators"
    ]
    stack = tmp_path / "Pulumi.foreign.yaml"
    stack.write_text(yaml.safe_dump(document))
    plan = run(capsys, "plan", "--config", str(stack), "--out", str(tmp_path / "out"))
    audit = run(capsys, "audit", "--config", str(stack))
    assert audit == plan
    assert audit[0] == 2
    assert audit[2].startswith("encrypted-workspaces:administrators.principals.0: ")
    assert "210987654321" in audit[2]


def test_a_region_other_than_the_stacks_exits_2(capsys):
    code, _, err = run(capsys, "audit", "--stack", "dev", "--region", "us-east-1")
    assert code == 2
    assert err.startswith("--region: the stack's WorkSpaces are in its aws:region eu-west-1 (got us-east-1)")


def test_no_region_at_all_exits_2(capsys, monkeypatch):
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    code, _, err = run(capsys, "audit")
    assert code == 2
    assert err.startswith(
        "--region: no region (got none); give --region, set AWS_REGION or AWS_DEFAULT_REGION"
    )


def test_a_region_that_is_no_region_is_refused_as_plan_refuses_it_before_any_call(capsys, monkeypatch):
    # Before, "us-east1" reached https://workspaces.us-east1.amazonaws.com and ended in HTTP 500 (exit 1).
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # any call would fail with exit 1
    code, out, err = run(capsys, "audit", "--region", "us-east1")
    assert (code, out) == (2, "")
    assert err == "--region: must be an AWS region such as eu-west-1 (got 'us-east1')\n"


def test_a_bad_region_in_the_environment_is_refused_naming_the_variable(capsys, monkeypatch):
    monkeypatch.setenv("AWS_REGION", "eu-west-9")
    code, _, err = run(capsys, "audit")
    assert code == 2
    assert err == "AWS_REGION: must be an AWS region such as eu-west-1 (got 'eu-west-9')\n"


def test_aws_region_comes_before_aws_default_region_as_in_the_aws_cli(capsys, monkeypatch):
    # boto3 alone would read AWS_DEFAULT_REGION (eu-west-1, from the fixture) and find nothing there.
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    with mock_aws():
        account = Account.in_region("us-east-1")
        account.workspace(account.directory("corp.example.com"), "alice", key=account.key())
        code, out, err = run(capsys, "audit")
    assert (code, err) == (0, "")
    assert out == "Checked 1 WorkSpace, 1 key and 1 directory in us-east-1: no findings.\n"


def test_the_profiles_region_is_read_last(capsys, monkeypatch, tmp_path):
    config = tmp_path / "aws-config"
    config.write_text("[default]\nregion = us-east-1\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    with mock_aws():
        code, out, _ = run(capsys, "audit")
    assert (code, out) == (0, "Checked 0 WorkSpaces, 0 keys and 0 directories in us-east-1: no findings.\n")


def test_credentials_for_another_account_than_the_stacks_exit_2_naming_both(capsys, tmp_path):
    # moto's account is 123456789012; the stack deploys to another one, whose users would all look
    # missing in this account.
    stack = tmp_path / "Pulumi.elsewhere.yaml"
    stack.write_text(DEV_STACK.read_text().replace("123456789012", "210987654321"))
    with mock_aws():
        code, out, err = run(capsys, "audit", "--config", str(stack))
    assert (code, out) == (2, "")
    # Each account said once (issue 18, item 5).
    assert err.splitlines() == [
        "aws:allowedAccountIds: the stack elsewhere deploys to account 210987654321, but the credentials "
        "are for account 123456789012; run the audit with credentials for the stack's own account"
    ]


def test_credentials_for_the_stacks_own_account_are_audited(capsys):
    with mock_aws():
        code, _, err = run(capsys, "audit", "--stack", "dev")
    assert err == "" and code in (0, 3)
