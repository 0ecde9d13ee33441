"""Partition-aware ARNs: never a hard-coded ``arn:aws:``.

IAM principal ARNs follow IAM's own shapes (botocore ``iam`` model): names ``[\\w+=,.@-]+`` where ``\\w``
is ASCII (AWS's patterns are Java regexes), role and user names 1..64, group names 1..128, paths
``/`` or ``/…/`` of ASCII ``!``..``~`` up to 512 characters; the account is 12 ASCII digits.
"""

from __future__ import annotations

import re

from .limits import ALIAS_PATTERN, SNS_TOPIC_NAME_PATTERN
from .partitions import PARTITION_PATTERN

# botocore iam roleNameType / userNameType (max 64), groupNameType (max 128); pathType (max 512).
IAM_NAME_CHARACTERS = r"[A-Za-z0-9_+=,.@-]"
IAM_NAME_MAX_LENGTH = {"role": 64, "user": 64, "group": 128}
IAM_PATH_MAX_LENGTH = 512
# kms AccountIdType: [0-9]{12}
ACCOUNT_ID = r"[0-9]{12}"

# role/user/group ARNs, with an optional path: arn:<partition>:iam::<account>:<kind><path><name>
IAM_PRINCIPAL_ARN = re.compile(
    rf"^arn:(?P<partition>{PARTITION_PATTERN}):iam::(?P<account>{ACCOUNT_ID}):"
    rf"(?P<kind>role|user|group)(?P<path>/(?:[!-~]*/)?)(?P<name>{IAM_NAME_CHARACTERS}+)$"
)
# A KMS key's ARN (never an alias ARN): arn:<partition>:kms:<region>:<account>:key/<key id>
KEY_ARN = re.compile(
    rf"arn:(?P<partition>{PARTITION_PATTERN}):kms:(?P<region>[a-z0-9-]+):(?P<account>{ACCOUNT_ID}):"
    r"key/(?P<key_id>[A-Za-z0-9-]+)"
)

# An alias's ARN: arn:<partition>:kms:<region>:<account>:alias/<name>. KMS: "Key ARN / Alias ARN" in
# https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id
KMS_ALIAS_ARN = re.compile(
    rf"arn:(?P<partition>{PARTITION_PATTERN}):kms:(?P<region>[a-z0-9-]+):(?P<account>{ACCOUNT_ID}):"
    rf"(?P<alias>{ALIAS_PATTERN})"
)
# arn:<partition>:sns:<region>:<account>:<topic name>. SNS ARN format:
# https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html#amazonsns-resources-for-iam-policies
SNS_TOPIC_ARN = re.compile(
    rf"arn:(?P<partition>{PARTITION_PATTERN}):sns:(?P<region>[a-z0-9-]+):(?P<account>{ACCOUNT_ID}):"
    rf"(?P<name>{SNS_TOPIC_NAME_PATTERN})"
)


def iam_principal_schema_pattern(kinds: tuple[str, ...]) -> str:
    """The principal ARNs of these kinds as one anchored JSON Schema pattern, lengths included."""
    path = rf"/(?:[!-~]{{1,{IAM_PATH_MAX_LENGTH - 2}}}/)?"
    by_kind = "|".join(
        f"{kind}{path}{IAM_NAME_CHARACTERS}{{1,{IAM_NAME_MAX_LENGTH[kind]}}}" for kind in kinds
    )
    return f"^arn:(?:{PARTITION_PATTERN}):iam::{ACCOUNT_ID}:(?:{by_kind})$"


def iam_principal_problem(arn: str) -> str | None:
    """What is wrong with an IAM role, user or group ARN (name or path too long), or None."""
    match = IAM_PRINCIPAL_ARN.match(arn)
    if not match:
        return "not an IAM role, user or group ARN"
    kind, name, path = match["kind"], match["name"], match["path"]
    if len(name) > IAM_NAME_MAX_LENGTH[kind]:
        return f"IAM {kind} names are 1 to {IAM_NAME_MAX_LENGTH[kind]} characters (got {len(name)})"
    if len(path) > IAM_PATH_MAX_LENGTH:
        return f"IAM paths are at most {IAM_PATH_MAX_LENGTH} characters (got {len(path)})"
    return None


def account_root_arn(partition: str, account_id: str) -> str:
    return f"arn:{partition}:iam::{account_id}:root"


def aws_managed_policy_arn(partition: str, policy_name: str) -> str:
    return f"arn:{partition}:iam::aws:policy/{policy_name}"


def kms_key_arn(partition: str, region: str, account_id: str, key_id: str) -> str:
    return f"arn:{partition}:kms:{region}:{account_id}:key/{key_id}"


def arn_partition(arn: str) -> str | None:
    """The partition field of any ARN, or None."""
    parts = arn.split(":", 2)
    return parts[1] if len(parts) == 3 and parts[0] == "arn" else None


def principal_parts(arn: str) -> tuple[str, str, str, str, str]:
    """(partition, account, kind, path, name) of an IAM role, user or group ARN."""
    match = IAM_PRINCIPAL_ARN.match(arn)
    if not match:
        raise ValueError(f"not an IAM role, user or group ARN: {arn!r}")
    return match["partition"], match["account"], match["kind"], match["path"], match["name"]


def principal_kind(arn: str) -> str | None:
    """``role``, ``user`` or ``group`` for an IAM principal ARN, else None."""
    match = IAM_PRINCIPAL_ARN.match(arn)
    return match["kind"] if match else None


def principal_name(arn: str) -> str:
    """The name (last path segment) of an IAM role, user or group ARN."""
    return principal_parts(arn)[4]


def kms_alias_arn(partition: str, region: str, account_id: str, alias: str) -> str:
    return f"arn:{partition}:kms:{region}:{account_id}:{alias}"
