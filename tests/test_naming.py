from __future__ import annotations

import pytest

from encrypted_workspaces.naming import normalized_user_name, workspace_logical_name


def test_logical_name_comes_from_the_case_folded_user_name():
    assert workspace_logical_name("workspaces", "Dave.Ops") == "workspaces-workspace-dave.ops"
    assert workspace_logical_name("workspaces", "dave.ops") == workspace_logical_name(
        "workspaces", "DAVE.OPS"
    )


@pytest.mark.parametrize("bad", ["", "-alice", "alice smith", "a/b", "x" * 64, "alice:1"])
def test_names_that_are_not_directory_user_names_are_refused(bad):
    with pytest.raises(ValueError, match="user names are 1 to 63"):
        normalized_user_name(bad)
