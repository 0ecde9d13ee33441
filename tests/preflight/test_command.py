"""`encrypted-workspaces preflight` exit codes for bad input (2, nothing on stdout) and for AWS errors
that stop the run (1, one line naming the call and the endpoint, or the denied action)."""

from __future__ import annotations

import socket
from pathlib import Path

import yaml
from moto import mock_aws

from tests.conftest import flat_config, valid_namespace
from tests.preflight.run import run_cli, run_preflight
from tests.preflight.seed import REGION


def stack_file(tmp_path: Path, namespace: dict | None = None) -> Path:
    path = tmp_path / "Pulumi.check.yaml"
    path.write_text(yaml.safe_dump({"config": flat_config(namespace or valid_namespace(), REGION)}))
    return path


def test_an_invalid_stack_file_exits_2_with_the_lines_plan_prints(tmp_path):
    namespace = valid_namespace()
    namespace["workspaces"]["users"]["bob"]["runningMode"] = "SOMETIMES"
    bad = str(stack_file(tmp_path, namespace))
    plan = run_cli("plan", "--config", bad, "--out", str(tmp_path / "out"))
    assert run_preflight("--config", bad) == plan
    assert plan[0] == 2 and plan[2].startswith("encrypted-workspaces:workspaces.users.bob.runningMode: ")


def test_a_missing_stack_exits_2_naming_the_stacks_there_are():
    code, out, err = run_preflight("--stack", "nosuchstack")
    assert (code, out) == (2, "")
    assert "Pulumi.nosuchstack.yaml: no stack file there (found: Pulumi.dev.yaml, Pulumi.prod.yaml)" in err


def test_a_region_other_than_the_stacks_exits_2(tmp_path):
    code, out, err = run_preflight("--config", str(stack_file(tmp_path)), "--region", "eu-west-1")
    assert (code, out) == (2, "")
    assert err.startswith("--region: the stack's WorkSpaces are in its aws:region us-east-1 (got eu-west-1)")


def test_a_region_that_is_no_region_exits_2(tmp_path):
    code, _, err = run_preflight("--config", str(stack_file(tmp_path)), "--region", "us-east1")
    assert (code, err) == (2, "--region: must be an AWS region such as eu-west-1 (got 'us-east1')\n")


def test_credentials_for_another_account_exit_2_naming_each_account_once(tmp_path):
    namespace = valid_namespace()
    other = stack_file(tmp_path, namespace)
    other.write_text(other.read_text().replace("123456789012", "210987654321"))
    with mock_aws():
        code, out, err = run_preflight("--config", str(other))
    assert (code, out) == (2, "")
    assert err == (
        "aws:allowedAccountIds: the stack check deploys to account 210987654321, but the credentials are for "
        "account 123456789012; run preflight with credentials for the stack's own account\n"
    )


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_closed_endpoint_exits_1_in_one_line_naming_the_call_and_the_endpoint(tmp_path, monkeypatch):
    endpoint = f"http://127.0.0.1:{_closed_port()}"
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    code, out, err = run_preflight("--config", str(stack_file(tmp_path)))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert err.startswith("encrypted-workspaces preflight: sts GetCallerIdentity: EndpointConnectionError")
    assert endpoint in err
