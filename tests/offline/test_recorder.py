"""The recorder keeps the resource options that never reach Mocks.new_resource."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.offline.runner import simulate
from tests.conftest import ACCOUNT_ID, REGION


def _program() -> None:
    options = pulumi.ResourceOptions(
        protect=True,
        retain_on_delete=True,
        delete_before_replace=True,
        import_="ws-0123456789",
        ignore_changes=["bundleId"],
        custom_timeouts=pulumi.CustomTimeouts(create="90m", update="30m", delete="20m"),
    )
    aws.workspaces.Workspace(
        "adopted", directory_id="d-1234567890", bundle_id="wsb-bh8rsxt14", user_name="carol", opts=options
    )
    aws.workspaces.Workspace("plain", directory_id="d-1234567890", bundle_id="wsb-bh8rsxt14", user_name="dan")


def test_every_option_of_the_plan_contract_is_recorded():
    deployment = simulate(_program, stack="s", config={}, account_id=ACCOUNT_ID, region=REGION)
    assert deployment.by_name("adopted").options == {
        "protect": True,
        "customTimeouts": {"create": "90m", "update": "30m", "delete": "20m"},
        "dependsOn": [],
        "ignoreChanges": ["bundleId"],
        "retainOnDelete": True,
        "deleteBeforeReplace": True,
        "import": "ws-0123456789",
    }
    assert deployment.by_name("plain").options == {
        "protect": False,
        "customTimeouts": {},
        "dependsOn": [],
        "ignoreChanges": [],
        "retainOnDelete": False,
        "deleteBeforeReplace": False,
        "import": None,
    }
