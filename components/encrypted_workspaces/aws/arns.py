"""Partition-aware ARNs: never a hard-coded ``arn:aws:``."""

from __future__ import annotations

import re

# role/user/group ARNs, with an optional path: arn:<partition>:iam::<account>:<kind>/<path/>name
IAM_PRINCIPAL_ARN = re.compile(
    r"^arn:(?P<partition>aws|aws-cn|aws-us-gov):iam::(?P<account>\d{12}):"
    r"(?P<kind>role|user|group)/(?:[\w+=,.@-]+/)*(?P<name>[\w+=,.@-]{1,128})$"
)
# A KMS key's ARN (never an alias ARN): arn:<partition>:kms:<region>:<account>:key/<key id>
KEY_ARN = re.compile(
    r"arn:(?P<partition>aws|aws-cn|aws-us-gov):kms:[a-z0-9-]+:(?P<account>\d{12}):key/[A-Za-z0-9-]+"
)


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
