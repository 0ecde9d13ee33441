"""The ``aws:`` provider settings the config is checked against: the region and the account."""

from __future__ import annotations

import re
from typing import Any

from encrypted_workspaces.aws.limits import ACCOUNT_ID_PATTERN
from encrypted_workspaces.aws.partitions import (
    is_known_region,
    offers_workspaces,
    partition_for_region,
    workspaces_regions,
)

from .problems import MISSING, shown

_ACCOUNT_ID = re.compile(ACCOUNT_ID_PATTERN)
_REGION_ALLOWED = "an AWS region such as eu-west-1"


# How many regions a line names: docs/troubleshooting.md lists them all.
_REGIONS_NAMED = 6


def _nearby_workspaces_regions(region: str) -> list[str]:
    """Some WorkSpaces regions of ``region``'s area (eu-, us-, ...), else of its partition."""
    regions = workspaces_regions()
    area = [name for name in regions if name.split("-")[0] == region.split("-")[0]]
    partition = [name for name in regions if partition_for_region(name) == partition_for_region(region)]
    return (area or partition or list(regions))[:_REGIONS_NAMED]


def region_problem(region: Any) -> str | None:
    """What is wrong with ``aws:region`` for this component, or None. ``MISSING``: not given at all."""
    if region is MISSING:
        return f"required: {_REGION_ALLOWED}"
    if not isinstance(region, str) or not is_known_region(region):
        return f"must be {_REGION_ALLOWED} (got {shown(region)})"
    if not offers_workspaces(region):
        return (
            f"Amazon WorkSpaces is not offered in {region} (botocore's endpoints); it is in "
            f"{len(workspaces_regions())} regions, such as {', '.join(_nearby_workspaces_regions(region))} "
            "(docs/troubleshooting.md, What the config refuses, lists them)"
        )
    return None


def account_ids_problem(accounts: Any) -> str | None:
    """What is wrong with ``aws:allowedAccountIds`` as plan needs it (exactly one account), or None.
    ``MISSING``: not given at all."""
    if accounts is MISSING:
        return (
            "required: plan takes the account id from here; list the one 12-digit account the stack "
            "deploys to, as a string"
        )
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
        f"from here (got {shown(accounts)}){hint}"
    )
