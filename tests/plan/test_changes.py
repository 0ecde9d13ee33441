"""The pure comparison behind --against, on hand-made resources."""

from __future__ import annotations

from encrypted_workspaces.plan.against import DeployedResource
from encrypted_workspaces.plan.changes import changed_fields, compare

WORKSPACE = "aws:workspaces/workspace:Workspace"
ALIAS = "aws:kms/alias:Alias"
GUARD = ["bundleId", "userName"]


def planned(urn: str, type_token: str, inputs: dict, **options) -> dict:
    return {"urn": urn, "type": type_token, "inputs": inputs, "options": options}


def test_changed_fields_walk_objects_and_compare_anything_else_whole():
    before = {"a": 1, "p": {"x": 1, "y": 2}, "l": [1, 2], "gone": 1}
    after = {"a": 1, "p": {"x": 1, "y": 3}, "l": [2, 1], "new": 1}
    assert changed_fields(before, after) == ["gone", "l", "new", "p.y"]


def test_a_secret_equals_a_secret_and_differs_from_a_plain_value():
    assert changed_fields({"t": {"k": "[secret]"}}, {"t": {"k": "[secret]"}}) == []
    assert changed_fields({"t": {"k": "[secret]"}}, {"t": {"k": "value"}}) == ["t.k"]


def test_a_held_replacement_with_an_in_place_remainder_names_both():
    deployed = {"w": DeployedResource("w", WORKSPACE, {"bundleId": "wsb-a", "userName": "eve", "size": 50})}
    inputs = {"bundleId": "wsb-b", "userName": "eve", "size": 100}
    [change] = compare(deployed, [planned("w", WORKSPACE, inputs, ignoreChanges=GUARD)]).changes
    assert (change.action, change.fields, change.destructive) == ("held", ["bundleId", "size"], False)
    assert change.reason.endswith("list eve under workspaces.replace to replace it; size updated in place")


def test_replacing_what_holds_no_data_is_not_destructive():
    deployed = {"a": DeployedResource("a", ALIAS, {"name": "alias/old", "targetKeyId": "k"})}
    changes = compare(deployed, [planned("a", ALIAS, {"name": "alias/new", "targetKeyId": "k"})])
    [change] = changes.changes
    assert (change.action, change.destructive) == ("replace", False)
    assert change.reason == "name cannot change in place: replaced (created, then deleted)"
    assert changes.destructive == []


def test_deleting_a_protected_workspace_says_pulumi_up_refuses():
    deployed = {"w": DeployedResource("w", WORKSPACE, {"userName": "eve"}, {"protect": True})}
    [change] = compare(deployed, []).changes
    assert change.destructive
    assert change.reason.endswith("(protected: pulumi up refuses until it is unprotected)")
