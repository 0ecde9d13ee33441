"""Partition-aware ARNs: never a hard-coded ``arn:aws:``."""

from __future__ import annotations

import re

from .limits import ALIAS_PATTERN, SNS_TOPIC_NAME_PATTERN

# role/user/group ARNs, with an optional path: arn:<partition>:iam::<account>:<kind>/<path/>name
IAM_PRINCIPAL_ARN = re.compile(
    r"^arn:(?P<partition>aws|aws-cn|aws-us-gov):iam::(?P<account>\d{12}):"
    r"(?P<kind>role|user|group)/(?:[\w+=,.@-]+/)*(?P<name>[\w+=,.@-]{1,128})$"
)
# A KMS key's ARN (never an alias ARN): arn:<partition>:kms:<region>:<account>:key/<key id>
KEY_ARN = re.compile(
    r"arn:(?P<partition>aws|aws-cn|aws-us-gov):kms:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):"
    r"key/(?P<key_id>[A-Za-z0-9-]+)"
)

# An alias's ARN: arn:<partition>:kms:<region>:<account>:alias/<name>. KMS: "Key ARN / Alias ARN" in
# https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id
KMS_ALIAS_ARN = re.compile(
    r"arn:(?P<partition>aws|aws-cn|aws-us-gov):kms:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):"
    rf"(?P<alias>{ALIAS_PATTERN})"
)
# arn:<partition>:sns:<region>:<account>:<topic name>. SNS ARN format:
# https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html#amazonsns-resources-for-iam-policies
SNS_TOPIC_ARN = re.compile(
    r"arn:(?P<partition>aws|aws-cn|aws-us-gov):sns:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):"
    rf"(?P<name>{SNS_TOPIC_NAME_PATTERN})"
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


def kms_alias_arn(partition: str, region: str, account_id: str, alias: str) -> str:
    return f"arn:{partition}:kms:{region}:{account_id}:{alias}"
