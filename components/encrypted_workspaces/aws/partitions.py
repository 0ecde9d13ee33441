"""Partitions and regions: every ARN this package writes is built for the region's partition."""

from __future__ import annotations

PARTITIONS: tuple[str, ...] = ("aws", "aws-cn", "aws-us-gov")


def partition_for_region(region: str) -> str:
    """The partition a region belongs to (the SDKs' rule: cn-* and us-gov-* are their own)."""
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


def dns_suffix_for_partition(partition: str) -> str:
    return "amazonaws.com.cn" if partition == "aws-cn" else "amazonaws.com"
