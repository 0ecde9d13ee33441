"""Account-wide settings: EBS encryption by default with the stack's key."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

from .options import Children


def ebs_default_encryption(
    name: str, key_arn: pulumi.Input[str], *, children: Children
) -> tuple[aws.ebs.DefaultKmsKey, aws.ebs.EncryptionByDefault]:
    """The region's default EBS key, then encryption by default ("Amazon EBS encryption").

    Both are retained on delete: they are the account's settings, which other teams' volumes rely on
    once they are on, and destroying this stack must not silently turn encryption off for them. The
    key comes first, so that no volume is encrypted by default with aws/ebs in between.
    """
    default_key = aws.ebs.DefaultKmsKey(
        f"{name}-ebs-default-key",
        key_arn=key_arn,
        opts=children.options(retain_on_delete=True),
    )
    by_default = aws.ebs.EncryptionByDefault(
        f"{name}-ebs-encryption-by-default",
        enabled=True,
        opts=children.options(retain_on_delete=True, depends_on=[default_key]),
    )
    return default_key, by_default
