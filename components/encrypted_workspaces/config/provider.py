"""The ``aws:`` provider settings the config is checked against: the region and the account."""

from __future__ import annotations

import re
from typing import Any

from encrypted_workspaces.aws.limits import ACCOUNT_ID_PATTERN
from encrypted_workspaces.aws.partitions import is_known_region, offers_workspaces, workspaces_regions

_ACCOUNT_ID = re.compile(ACCOUNT_ID_PATTERN)


def region_problem(region: Any) -> str | None:
    """What is wrong with ``aws:region`` for this component, or None."""
    if not isinstance(region, str) or not is_known_region(region):
        return f"must be an AWS region such as eu-west-1 (got {region!r})"
    if not offers_workspaces(region):
        return (
            f"Amazon WorkSpaces is not offered in {region} (botocore's endpoints); it is in "
            f"{', '.join(workspaces_regions())}"
        )
    return None


def account_ids_problem(accounts: Any) -> str | None:
    """What is wrong with ``aws:allowedAccountIds`` as plan needs it (exactly one account), or None."""
    if (
        isinstance(accounts, list)
        and len(accounts) == 1
        and isinstance(accounts[0], str)
        and _ACCOUNT_ID.fullmatch(accounts[0])
    ):
        return None
    hint = ""
    numbers = isinstance(accounts, list) and any(type(a) in (int, float) for a in accounts)
    if numbers:
        hint = "; quote it: YAML reads an unquoted account id as a number and drops its leading zeros"
    return (
        "must list the one 12-digit account the stack deploys to, as a string; plan takes the account id "
        f"from here (got {accounts!r}){hint}"
    )
