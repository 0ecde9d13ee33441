"""The pure comparison behind --against, on hand-made resources."""

from __future__ import annotations

from encrypted_workspaces.plan.against import DeployedResource
from encrypted_workspaces.plan.changes import changed_fields, compare
from encrypted_workspaces.plan.changes_report import changes_blocks
from encrypted_workspaces.plan.text import block_lines

WORKSPACE = "aws:workspaces/workspace:Workspace"
ALIAS = "aws:kms/alias:Alias"
GUARD = ["bundleId", "userName"]


def changes_lines(changes) -> list[str]:
    """The changes table as text prints it."""
    return [line for block in changes_blocks(changes) for line in block_lines(block)]


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


def test_a_held_change_updated_in_place_is_printed_as_a_held_row_and_an_update_row():
    before = {"bundleId": "a", "userName": "eve", "size": 50}
    deployed = {"w::ws-eve": DeployedResource("w::ws-eve", WORKSPACE, before)}
    inputs = {"bundleId": "b", "userName": "eve", "size": 100}
    changes = compare(deployed, [planned("w::ws-eve", WORKSPACE, inputs, ignoreChanges=GUARD)])
    [change] = changes.changes
    # Not "as it is": the in-place update changes the WorkSpace.
    assert change.reason == (
        "the replacement guard holds back bundleId, which would replace the WorkSpace of eve; "
        "list eve under workspaces.replace to replace it; size updated in place"
    )
    header, held, update, closing = changes_lines(changes)
    assert held.split()[:4] == ["held", "Workspace", "ws-eve", "bundleId"]
    assert held.endswith("list eve under workspaces.replace to replace it")
    assert update.split() == [
        "update",
        "Workspace",
        "ws-eve",
        "size",
        "updated",
        "in",
        "place",
        "(bundleId",
        "held)",
    ]
    assert closing == "no destructive change"


def test_a_held_change_with_nothing_else_is_one_row_keeping_the_workspace_as_it_is():
    deployed = {"w::ws-eve": DeployedResource("w::ws-eve", WORKSPACE, {"bundleId": "a", "userName": "eve"})}
    changes = compare(
        deployed, [planned("w::ws-eve", WORKSPACE, {"bundleId": "b", "userName": "eve"}, ignoreChanges=GUARD)]
    )
    [change] = changes.changes
    assert change.reason.startswith(
        "the replacement guard keeps the WorkSpace of eve as it is (bundleId would"
    )
    assert [line.split()[0] for line in changes_lines(changes)] == ["ACTION", "held", "no"]


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
