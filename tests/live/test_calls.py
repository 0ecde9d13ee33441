"""How the live commands' calls fail: each failure one AwsCallError naming the call, told apart as
denied (naming every IAM action the call needs), not answered, unreachable or refused; and each client
retries as its own run's settings say."""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from encrypted_workspaces.documents.actions import DESCRIBE_USER, DESCRIBE_WORKSPACES
from encrypted_workspaces.live import calls


def client_error(code: str, status: int, message: str = "", **extra) -> ClientError:
    return ClientError(
        {
            "Error": {"Code": code, "Message": message, **extra},
            "ResponseMetadata": {"HTTPStatusCode": status},
        },
        "AnyOperation",
    )


@pytest.mark.parametrize(
    ("error", "kind", "line"),
    [
        (
            client_error("AccessDeniedException", 403, "no"),
            calls.DENIED,
            "workspaces DescribeWorkspaces: access denied: the preflight needs workspaces:DescribeWorkspaces "
            "(AccessDeniedException: no)",
        ),
        (client_error("404", 404), calls.UNANSWERED, "workspaces DescribeWorkspaces: HTTP 404"),
        (
            client_error("InternalFailure", 500),
            calls.UNANSWERED,
            "workspaces DescribeWorkspaces: HTTP 500 InternalFailure",
        ),
        (
            client_error("UnknownOperationException", 400, "unknown"),
            calls.UNANSWERED,
            "workspaces DescribeWorkspaces: UnknownOperationException: unknown",
        ),
        (
            NotImplementedError("The describe_workspaces action has not been implemented"),
            calls.UNANSWERED,
            "workspaces DescribeWorkspaces: not implemented by the endpoint (The describe_workspaces action "
            "has not been implemented)",
        ),
        (
            client_error("InvalidParameterValuesException", 400, "bad"),
            calls.REFUSED,
            "workspaces DescribeWorkspaces: InvalidParameterValuesException: bad",
        ),
        (
            EndpointConnectionError(endpoint_url="http://127.0.0.1:9"),
            calls.UNREACHABLE,
            "workspaces DescribeWorkspaces: EndpointConnectionError: Could not connect to the endpoint URL: "
            '"http://127.0.0.1:9"',
        ),
    ],
)
def test_each_failure_is_told_apart_and_named_in_one_line(error, kind, line):
    failed = calls.call_error(DESCRIBE_WORKSPACES, error, "preflight")
    assert (failed.kind, failed.line()) == (kind, line)


def test_a_denial_names_the_dependent_actions_too_and_keeps_the_services_reason():
    failed = calls.call_error(
        DESCRIBE_USER, client_error("AccessDeniedException", 403, Reason="DATA_DISABLED"), "preflight"
    )
    assert "the preflight needs ds-data:DescribeUser and ds:AccessDSData" in failed.line()
    assert failed.reason == "DATA_DISABLED"


def test_one_runs_attempt_count_is_not_the_next_ones(monkeypatch):
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    first = calls.ApiReader(boto3.Session(region_name="us-east-1")).client("sts")
    monkeypatch.delenv("AWS_MAX_ATTEMPTS")
    second = calls.ApiReader(boto3.Session(region_name="us-east-1")).client("sts")
    assert first.meta.config.retries["total_max_attempts"] == 1
    assert second.meta.config.retries.get("total_max_attempts") != 1
    assert second.meta.config.retries["mode"] == "standard"
