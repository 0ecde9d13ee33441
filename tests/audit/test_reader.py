"""How the audit calls AWS: every list paginated, throttling retried, each key described once, only
the calls its IAM policy names, and every failure one line that names the call."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import boto3
from botocore.awsrequest import AWSResponse
from botocore.stub import Stubber
from moto import mock_aws

from encrypted_workspaces.audit.reader import AccountReader
from encrypted_workspaces.audit.snapshot import read_snapshot
from encrypted_workspaces.audit.stack import read_stack_expectation
from encrypted_workspaces.cli import main
from encrypted_workspaces.documents.actions import AUDIT_API_CALLS
from tests.audit.accounts import seed_small_account, stack_file
from tests.audit.seed import REGION

PROJECT = Path(__file__).resolve().parents[2]


def _workspace(n: int) -> dict:
    return {"WorkspaceId": f"ws-{n:09d}", "DirectoryId": "d-1234567890", "UserName": f"user{n:02d}"}


def test_describe_workspaces_is_read_page_by_page_25_at_a_time():
    # moto's DescribeWorkspaces answers every WorkSpace in one page and ignores Limit and NextToken
    # (moto/workspaces/models.py: "Pagination not yet implemented"), so this one call is stubbed
    # with botocore's Stubber: two pages, as WorkSpaces pages more than 25 WorkSpaces.
    reader = AccountReader(boto3.Session(region_name=REGION))
    stubber = Stubber(reader.workspaces_client)
    first, second = [_workspace(n) for n in range(25)], [_workspace(n) for n in range(25, 31)]
    stubber.add_response("describe_workspaces", {"Workspaces": first, "NextToken": "page-2"}, {"Limit": 25})
    stubber.add_response("describe_workspaces", {"Workspaces": second}, {"Limit": 25, "NextToken": "page-2"})
    with stubber:
        assert reader.workspaces() == first + second
    stubber.assert_no_pending_responses()


def test_terminated_workspaces_are_no_ones_and_are_left_out():
    # moto removes a terminated WorkSpace at once, so the TERMINATED state it is listed in for a
    # while on AWS is stubbed (Stubber on the WorkSpaces client only; nothing here calls KMS).
    reader = AccountReader(boto3.Session(region_name=REGION))
    stubber = Stubber(reader.workspaces_client)
    gone = _workspace(1) | {"State": "TERMINATED"}
    stubber.add_response("describe_workspaces", {"Workspaces": [gone, _workspace(2)]}, {"Limit": 25})
    stubber.add_response("describe_workspace_directories", {"Directories": []}, {})
    with stubber:
        snapshot = read_snapshot(reader, None)
    assert snapshot.workspaces == [_workspace(2)]


def _record_calls(session: boto3.Session) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []
    session.events.register(
        "before-call", lambda model, **_: calls.append((model.service_model.endpoint_prefix, model.name))
    )
    return calls


def test_each_key_is_described_once_however_many_workspaces_use_it(tmp_path):
    with mock_aws():
        small = seed_small_account(fillers=5)
        session = boto3.Session(region_name=REGION)
        calls = _record_calls(session)
        snapshot = read_snapshot(AccountReader(session), None)
    assert len(snapshot.workspaces) == 7
    assert sorted(snapshot.keys) == sorted([small.stack_key, small.other_key])
    assert sorted(c for c in calls if c[0] == "kms") == [
        ("kms", "DescribeKey"),
        ("kms", "DescribeKey"),
        ("kms", "GetKeyPolicy"),
        ("kms", "GetKeyPolicy"),
        ("kms", "GetKeyRotationStatus"),
        ("kms", "GetKeyRotationStatus"),
    ]


def test_the_calls_made_are_exactly_those_the_iam_policy_is_made_from(tmp_path):
    with mock_aws():
        small = seed_small_account()
        stack = read_stack_expectation(PROJECT, None, stack_file(tmp_path, small.directory, ["alice"]))
        session = boto3.Session(region_name=REGION)
        calls = _record_calls(session)
        read_snapshot(AccountReader(session), stack)
    assert set(calls) == set(AUDIT_API_CALLS)


class _Body:
    def __init__(self, body: bytes):
        self._body = body

    def stream(self, **_):
        yield self._body


def test_a_throttled_call_is_retried_with_backoff_and_then_answered(monkeypatch):
    attempts, sleeps = [], []

    def throttle_the_first_attempt(request, **_):
        attempts.append(request.url)
        if len(attempts) > 1:
            return None  # moto answers
        body = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}).encode()
        return AWSResponse(request.url, 400, {"Content-Type": "application/x-amz-json-1.1"}, _Body(body))

    # The backoff's sleep is recorded rather than slept, to keep the test fast.
    monkeypatch.setattr(time, "sleep", sleeps.append)
    with mock_aws():
        arn = boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]
        session = boto3.Session(region_name=REGION)
        session.events.register_first("before-send.kms.DescribeKey", throttle_the_first_attempt)
        metadata = AccountReader(session).key(arn)
    assert metadata["Arn"] == arn
    assert len(attempts) == 2 and len(sleeps) == 1 and 0 <= sleeps[0] <= 1


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_endpoint_exits_1_with_one_line_naming_the_call_and_endpoint(monkeypatch, capsys):
    endpoint = f"http://127.0.0.1:{_closed_port()}"
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    code = main(["audit"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(
        "encrypted-workspaces audit: workspaces DescribeWorkspaces: EndpointConnectionError"
    )
    assert endpoint in err
