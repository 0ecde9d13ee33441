"""Partitions and regions: every ARN this package writes is built for the region's partition.

Source: botocore's ``botocore/data/endpoints.json`` (``partitions[].partition``, ``regionRegex``,
``regions`` and ``services.workspaces.endpoints``); ``tests/aws/test_botocore_limits.py`` checks this
table against it, so a botocore upgrade that adds a region or a partition fails the tests until it is
added here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Partition:
    name: str
    region_regex: str  # as endpoints.json writes it
    regions: tuple[str, ...]  # the regions botocore knows
    workspaces_regions: tuple[str, ...]  # the regions with a WorkSpaces endpoint
    dns_suffix: str


PARTITION_TABLE: tuple[Partition, ...] = (
    Partition(
        "aws",
        r"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$",
        (
            "af-south-1",
            "ap-east-1",
            "ap-east-2",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-6",
            "ap-southeast-7",
            "ca-central-1",
            "ca-west-1",
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "il-central-1",
            "me-central-1",
            "me-south-1",
            "mx-central-1",
            "sa-east-1",
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
        ),  # fmt: skip
        (
            "af-south-1",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-south-1",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-5",
            "ca-central-1",
            "eu-central-1",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "il-central-1",
            "sa-east-1",
            "us-east-1",
            "us-east-2",
            "us-west-2",
        ),  # fmt: skip
        "amazonaws.com",
    ),
    Partition(
        "aws-cn", r"^cn\-\w+\-\d+$", ("cn-north-1", "cn-northwest-1"), ("cn-northwest-1",), "amazonaws.com.cn"
    ),
    Partition(
        "aws-us-gov",
        r"^us\-gov\-\w+\-\d+$",
        ("us-gov-east-1", "us-gov-west-1"),
        ("us-gov-east-1", "us-gov-west-1"),
        "amazonaws.com",
    ),
    Partition(
        "aws-iso",
        r"^us\-iso\-\w+\-\d+$",
        ("us-iso-east-1", "us-iso-west-1"),
        ("us-iso-east-1", "us-iso-west-1"),
        "c2s.ic.gov",
    ),
    Partition(
        "aws-iso-b",
        r"^us\-isob\-\w+\-\d+$",
        ("us-isob-east-1", "us-isob-west-1"),
        ("us-isob-east-1",),
        "sc2s.sgov.gov",
    ),
    Partition("aws-iso-e", r"^eu\-isoe\-\w+\-\d+$", ("eu-isoe-west-1",), (), "cloud.adc-e.uk"),
    Partition(
        "aws-iso-f", r"^us\-isof\-\w+\-\d+$", ("us-isof-east-1", "us-isof-south-1"), (), "csp.hci.ic.gov"
    ),
    Partition("aws-eusc", r"^eusc\-(de)\-\w+\-\d+$", ("eusc-de-east-1",), (), "amazonaws.eu"),
)
PARTITIONS: tuple[str, ...] = tuple(p.name for p in PARTITION_TABLE)
_BY_NAME = {p.name: p for p in PARTITION_TABLE}
_BY_REGION = {region: p for p in PARTITION_TABLE for region in p.regions}
# endpoints.json's regexes use Java/JavaScript \w and \d: ASCII only.
_REGEXES = tuple((re.compile(p.region_regex, re.ASCII), p) for p in PARTITION_TABLE)
# Alternation of the partition names, longest first so that "aws" never shadows "aws-cn".
PARTITION_PATTERN = "|".join(re.escape(name) for name in sorted(PARTITIONS, key=len, reverse=True))


def partition_of(region: str) -> Partition | None:
    """The partition of a region botocore knows, else of the first partition whose regex matches."""
    known = _BY_REGION.get(region)
    if known:
        return known
    return next((partition for regex, partition in _REGEXES if regex.match(region)), None)


def is_known_region(region: str) -> bool:
    return region in _BY_REGION


def offers_workspaces(region: str) -> bool:
    known = _BY_REGION.get(region)
    return known is not None and region in known.workspaces_regions


def workspaces_regions() -> tuple[str, ...]:
    return tuple(region for p in PARTITION_TABLE for region in p.workspaces_regions)


def partition_for_region(region: str) -> str:
    """The partition a region belongs to (endpoints.json's regexes; ``aws`` when none matches)."""
    partition = partition_of(region)
    return partition.name if partition else "aws"


def dns_suffix_for_partition(partition: str) -> str:
    known = _BY_NAME.get(partition)
    return known.dns_suffix if known else "amazonaws.com"
