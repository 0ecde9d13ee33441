"""workspace-drift: with a stack, the audit names each WorkSpace whose bundle, compute type, running mode,
auto-stop timeout or volume sizes differ from what the stack asks, field by field."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from moto import mock_aws

from encrypted_workspaces.audit.checks import drifted_fields
from encrypted_workspaces.audit.stack import WorkspaceExpectation
from encrypted_workspaces.cli import main
from tests.audit.accounts import STACK_ALIAS, stack_file
from tests.audit.seed import DEFAULT_PROPERTIES, Account

STACK_DEFAULTS = WorkspaceExpectation("wsb-bh8rsxt14", "STANDARD", "AUTO_STOP", 60, 80, 50)


def described(bundle="wsb-bh8rsxt14", **properties) -> dict:
    return {"BundleId": bundle, "WorkspaceProperties": DEFAULT_PROPERTIES | properties}


def test_a_workspace_as_the_stack_asks_has_not_drifted():
    assert drifted_fields(described(), STACK_DEFAULTS) == []


@pytest.mark.parametrize(
    ("workspace", "field"),
    [
        (described(bundle="wsb-0000000000"), ("bundleId", "wsb-0000000000", "wsb-bh8rsxt14")),
        (described(ComputeTypeName="POWER"), ("computeTypeName", "POWER", "STANDARD")),
        (
            described(RunningModeAutoStopTimeoutInMinutes=120),
            ("runningModeAutoStopTimeoutInMinutes", 120, 60),
        ),
        (described(RootVolumeSizeGib=175), ("rootVolumeSizeGib", 175, 80)),
        (described(UserVolumeSizeGib=100), ("userVolumeSizeGib", 100, 50)),
    ],
)
def test_each_field_is_compared_on_its_own(workspace, field):
    assert drifted_fields(workspace, STACK_DEFAULTS) == [field]


def test_an_always_on_workspace_is_compared_without_its_auto_stop_timeout():
    always_on = described(RunningMode="ALWAYS_ON")
    del always_on["WorkspaceProperties"]["RunningModeAutoStopTimeoutInMinutes"]
    assert drifted_fields(always_on, STACK_DEFAULTS) == [("runningMode", "ALWAYS_ON", "AUTO_STOP")]


def test_a_bundle_named_by_name_and_a_field_the_workspace_does_not_report_are_not_compared():
    by_name = WorkspaceExpectation(None, "STANDARD", "AUTO_STOP", 60, 80, 50)
    workspace = described(bundle="wsb-0000000000")
    del workspace["WorkspaceProperties"]["UserVolumeSizeGib"]
    assert drifted_fields(workspace, by_name) == []


def test_the_audit_names_the_drifted_workspaces_of_the_stack_and_their_fields(tmp_path):
    with mock_aws():
        account = Account()
        directory = account.directory("corp.example.com")
        key = account.key(alias=STACK_ALIAS)
        same = account.workspace(directory, "alice", key=key)
        bigger = account.workspace(
            directory,
            "bob",
            key=key,
            properties=DEFAULT_PROPERTIES | {"RootVolumeSizeGib": 175, "UserVolumeSizeGib": 100},
        )
        rebundled = account.workspace(directory, "carol", key=key, bundle_id="wsb-0000000000")
        # Not the stack's user: stack-workspace-unknown says so, and drift does not judge it.
        account.workspace(
            directory, "mallory", key=key, properties=DEFAULT_PROPERTIES | {"ComputeTypeName": "POWER"}
        )
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(
                [
                    "audit",
                    "--config",
                    str(stack_file(tmp_path, directory, ["alice", "bob", "carol"])),
                    "--format",
                    "json",
                ]
            )
    report = json.loads(out.getvalue())
    drift = {f["resource"]: f for f in report["findings"] if f["check"] == "workspace-drift"}
    assert (code, err.getvalue()) == (3, "")
    assert sorted(drift) == sorted([bigger, rebundled]) and same not in drift
    assert drift[bigger]["severity"] == "warning"
    assert drift[bigger]["message"].startswith(
        f"the WorkSpace of bob in {directory} differs from stack audited: rootVolumeSizeGib 175 (stack: 80), "
        "userVolumeSizeGib 100 (stack: 50); the next `pulumi up` changes it back"
    )
    assert "bundleId wsb-0000000000 (stack: wsb-bh8rsxt14)" in drift[rebundled]["message"]
    assert {f["check"] for f in report["findings"]} == {"workspace-drift", "stack-workspace-unknown"}
