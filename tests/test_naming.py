from __future__ import annotations

import re
import unicodedata

import pytest

from encrypted_workspaces.naming import logical_user_part, normalized_user_name, workspace_logical_name

# Every name the component accepted before it accepted any script: the logical name must not move.
EXISTING_NAMES = ["alice", "Dave.Ops", "bob_smith", "carol-1", "X" * 63, "0day"]
URN_SAFE = re.compile(r"[a-z0-9][a-z0-9._-]*")


def test_logical_name_comes_from_the_case_folded_user_name():
    assert workspace_logical_name("workspaces", "Dave.Ops") == "workspaces-workspace-dave.ops"
    assert workspace_logical_name("workspaces", "dave.ops") == workspace_logical_name(
        "workspaces", "DAVE.OPS"
    )


@pytest.mark.parametrize("name", EXISTING_NAMES)
def test_the_names_that_existed_before_keep_their_logical_names(name):
    assert logical_user_part(name) == name.lower()


def test_a_non_ascii_name_gets_a_stable_urn_safe_logical_name():
    part = logical_user_part("José")
    # The digest is part of the contract: a change here renames (replaces) every such WorkSpace.
    assert part == "jos-" + __import__("hashlib").sha256("josé".encode()).hexdigest()[:12]
    assert URN_SAFE.fullmatch(part)
    assert logical_user_part("JOSÉ") == part  # case-insensitive, in any script
    assert logical_user_part(unicodedata.normalize("NFD", "José")) == part  # same user however composed


@pytest.mark.parametrize("name", ["Zoë", "李雷", "Ωmega", "alice smith", "-alice", "a'b", "alice@1", "😀"])
def test_any_valid_user_name_gets_a_urn_safe_distinct_logical_name(name):
    part = logical_user_part(name)
    assert URN_SAFE.fullmatch(part), part
    assert part != logical_user_part(name + "x")


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("", "1 to 63"),
        ("x" * 64, "1 to 63"),
        ("😀" * 32, "1 to 63"),  # 64 UTF-16 code units, as AWS counts
        ("al\nice", "control"),
        ("a\x00", "control"),
        # What no Active Directory logon name (sAMAccountName) holds (aws/logon_names.py).
        ("a/b", "sAMAccountName"),
        ("alice:1", "sAMAccountName"),
        ("ACME\\zoe", "domain prefix"),
    ],
)
def test_names_that_are_not_directory_user_names_are_refused(bad, reason):
    with pytest.raises(ValueError, match=reason):
        normalized_user_name(bad)
