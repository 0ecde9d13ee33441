"""2,000 WorkSpaces read with paging, and one throttled page, give the same verdict.

moto answers DescribeWorkspaces in one page whatever the Limit (moto/workspaces/models.py: "Pagination
not yet implemented"), so this one call is answered here, page by page as WorkSpaces pages (at most 25,
a NextToken while more remain), at the HTTP layer: botocore still builds, signs, parses, paginates and
retries as it does against AWS. Everything else is moto's.
"""

from __future__ import annotations

import json
import time

import boto3
from botocore.awsrequest import AWSResponse
from moto import mock_aws

from tests.preflight.run import document, found, verdict_with
from tests.preflight.seed import REGION, ready_account
from tests.preflight.test_stubbed import QUOTA, quota, stubbed

IN_REGION = 2000
USERS = tuple(f"user{n:02d}" for n in range(40))


class _Body:
    def __init__(self, body: bytes):
        self._body = body

    def stream(self, **_):
        yield self._body


def _answer(request, status: int, body: dict) -> AWSResponse:
    return AWSResponse(
        request.url, status, {"Content-Type": "application/x-amz-json-1.1"}, _Body(json.dumps(body).encode())
    )


class PagedWorkspaces:
    """DescribeWorkspaces as WorkSpaces answers it, over ``workspaces``; ``throttle`` the page (by its
    number) to refuse once with ThrottlingException."""

    def __init__(self, workspaces: list[dict], throttle: int | None = None):
        self.workspaces, self.throttle = workspaces, throttle
        self.requests: list[int] = []

    def __call__(self, request, **_):
        asked = json.loads(request.body or b"{}")
        start = int(asked.get("NextToken", 0))
        limit = asked.get("Limit", 25)
        assert limit <= 25
        page = start // 25
        self.requests.append(page)
        if page == self.throttle and self.requests.count(page) == 1:
            return _answer(request, 400, {"__type": "ThrottlingException", "message": "Rate exceeded"})
        body: dict = {"Workspaces": self.workspaces[start : start + limit]}
        if start + limit < len(self.workspaces):
            body["NextToken"] = str(start + limit)
        return _answer(request, 200, body)


def _workspaces(directory: str) -> list[dict]:
    others = [
        {
            "WorkspaceId": f"ws-{n:010d}",
            "DirectoryId": "d-00000000ff",
            "UserName": f"someone{n}",
            "State": "AVAILABLE",
        }
        for n in range(IN_REGION - 1)
    ]
    # user05 of the stack already has a WorkSpace in its directory, on no key of the stack's.
    mine = {
        "WorkspaceId": "ws-9999999999",
        "DirectoryId": directory,
        "UserName": "user05",
        "State": "AVAILABLE",
    }
    return [*others[:1000], mine, *others[1000:]]


def _verdict(ready, stack_file, emulator: PagedWorkspaces) -> dict:
    session = boto3.Session(region_name=REGION)
    session.events.register_first("before-send.workspaces.DescribeWorkspaces", emulator)

    def prepare(reader):
        stubbed(reader, "servicequotas", ("get_service_quota", quota(2030.0), QUOTA))

    return document(verdict_with(stack_file, prepare, session=session))


def test_2000_workspaces_are_read_25_a_page_and_a_throttled_page_changes_nothing(tmp_path, monkeypatch):
    sleeps: list[float] = []
    monkeypatch.setattr(time, "sleep", sleeps.append)  # the backoff is recorded, not slept
    with mock_aws():
        ready = ready_account(users=USERS)
        stack_file = ready.stack_file(tmp_path)
        smooth, throttled = (
            PagedWorkspaces(_workspaces(ready.directory)),
            PagedWorkspaces(_workspaces(ready.directory), throttle=41),
        )
        report = _verdict(ready, stack_file, smooth)
        assert sleeps == []
        report_throttled = _verdict(ready, stack_file, throttled)
    assert smooth.requests == list(range(80))
    assert throttled.requests == [*range(42), *range(41, 80)]  # page 41 asked for twice
    assert len(sleeps) == 1
    assert report_throttled == report
    assert report["checked"]["workspaces"] == IN_REGION
    # All 2,000 counted against the quota (39 to create: user05 has one), and user05's found on page 41.
    assert found(report) == {
        "quota-workspaces-exceeded": {"workspaces/L-34278094"},
        "user-has-workspace": {f"{ready.directory}/user05"},
    }
    assert (
        "us-east-1 has 2000 WorkSpaces and this rollout creates 39, 2039 in all"
        in report["findings"][0]["message"]
    )
