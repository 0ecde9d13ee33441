"""The Availability Zones WorkSpaces Personal serves, by AZ ID, per Region.

WorkSpaces is in a subset of each Region's Availability Zones, and AZ *names* (us-east-1a) map to
different zones in different accounts: only the AZ ID (use1-az2) says which zone a subnet is in, and
a directory registered with a subnet elsewhere cannot launch WorkSpaces there.

Source: WorkSpaces Administration Guide, "Availability Zones for WorkSpaces Personal"
(https://docs.aws.amazon.com/workspaces/latest/adminguide/azs-workspaces.html), the table "Supported
AZ IDs", as last published in the guide's source repository before it was archived
(github.com/awsdocs/amazon-workspaces-administration-guide, doc_source/azs-workspaces.md, commit
3917799617c7f1cfcf5ee44b345df976ec3b2f6b). The current page's first rows (us-east-1, us-west-2,
ap-south-1, ap-northeast-2) and the WorkSpaces Pools page (wsp-pools-regions.html) agree with it.
WorkSpaces Regions the table has no row for (af-south-1, eu-west-3, il-central-1, the GovCloud
Regions, ...) are not guessed: preflight reports the zone check for them as not checked.
"""

from __future__ import annotations

WORKSPACES_AZ_IDS_SOURCE = "https://docs.aws.amazon.com/workspaces/latest/adminguide/azs-workspaces.html"

WORKSPACES_AZ_IDS: dict[str, tuple[str, ...]] = {
    "us-east-1": ("use1-az2", "use1-az4", "use1-az6"),
    "us-west-2": ("usw2-az1", "usw2-az2", "usw2-az3"),
    "ap-south-1": ("aps1-az1", "aps1-az2", "aps1-az3"),
    "ap-northeast-2": ("apne2-az1", "apne2-az3"),
    "ap-southeast-1": ("apse1-az1", "apse1-az2"),
    "ap-southeast-2": ("apse2-az1", "apse2-az3"),
    "ap-northeast-1": ("apne1-az1", "apne1-az4"),
    "ca-central-1": ("cac1-az1", "cac1-az2"),
    "eu-central-1": ("euc1-az2", "euc1-az3"),
    "eu-west-1": ("euw1-az1", "euw1-az2", "euw1-az3"),
    "eu-west-2": ("euw2-az2", "euw2-az3"),
    "sa-east-1": ("sae1-az1", "sae1-az3"),
}


def workspaces_az_ids(region: str) -> tuple[str, ...] | None:
    """The AZ IDs WorkSpaces serves in a Region, or None where the guide's table has no row."""
    return WORKSPACES_AZ_IDS.get(region)
