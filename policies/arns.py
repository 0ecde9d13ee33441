"""Partition-aware ARNs: never a hard-coded ``arn:aws:``."""

from __future__ import annotations

import re

PARTITIONS: tuple[str, ...] = ("aws", "aws-cn", "aws-us-gov")

# role/user/group ARNs, with an optional path: arn:<partition>:iam::<account>:<kind>/<path/>name
IAM_PRINCIPAL_ARN = re.compile(
    r"^arn:(?P<partition>aws|aws-cn|aws-us-gov):iam::(?P<account>\d{12}):"
    r"(?P<kind>role|user|group)/(?:[\w+=,.@-]+/)*(?P<name>[\w+=,.@-]{1,128})$"
)


def partition_for_region(region: str) -> str:
    """The partition a region belongs to (the SDKs' rule: cn-* and us-gov-* are their own)."""
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


def dns_suffix_for_partition(partition: str) -> str:
    return "amazonaws.com.cn" if partition == "aws-cn" else "amazonaws.com"


def account_root_arn(partition: str, account_id: str) -> str:
    return f"arn:{partition}:iam::{account_id}:root"


def aws_managed_policy_arn(partition: str, policy_name: str) -> str:
    return f"arn:{partition}:iam::aws:policy/{policy_name}"


def kms_key_arn(partition: str, region: str, account_id: str, key_id: str) -> str:
    return f"arn:{partition}:kms:{region}:{account_id}:key/{key_id}"


def principal_kind(arn: str) -> str | None:
    """``role``, ``user`` or ``group`` for an IAM principal ARN, else None."""
    match = IAM_PRINCIPAL_ARN.match(arn)
    return match["kind"] if match else None


def principal_name(arn: str) -> str:
    """The name (last path segment) of an IAM role, user or group ARN."""
    match = IAM_PRINCIPAL_ARN.match(arn)
    if not match:
        raise ValueError(f"not an IAM role, user or group ARN: {arn!r}")
    return match["name"]
