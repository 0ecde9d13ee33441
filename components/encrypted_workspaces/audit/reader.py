"""The audit's AWS calls: only the calls in ``documents.actions.AUDIT_API_CALLS`` (and STS
GetCallerIdentity, which needs no permission), made through the shared ``live.calls.ApiReader``
(standard retries, every list paginated, every failure one ``AwsCallError``)."""

from __future__ import annotations

import boto3

from encrypted_workspaces.aws.limits import DESCRIBE_WORKSPACES_PAGE_SIZE
from encrypted_workspaces.documents.actions import (
    DESCRIBE_KEY,
    DESCRIBE_WORKSPACE_DIRECTORIES,
    DESCRIBE_WORKSPACES,
    GET_CALLER_IDENTITY,
    GET_KEY_POLICY,
    GET_KEY_ROTATION_STATUS,
    LIST_ALIASES,
)
from encrypted_workspaces.live.calls import ApiReader, AwsCallError

__all__ = ["AccountReader", "AwsCallError", "DEFAULT_KEY_POLICY_NAME", "KEY_NOT_FOUND"]

# DescribeKey's answer for a key that does not exist (any more): a finding, not an AWS error.
KEY_NOT_FOUND = "NotFoundException"
# The only key policy a KMS key has (GetKeyPolicy, PolicyName).
DEFAULT_KEY_POLICY_NAME = "default"


class AccountReader(ApiReader):
    """Reads one account and region for the audit. Every call raises AwsCallError rather than a
    botocore error."""

    command = "audit"

    def __init__(self, session: boto3.Session):
        super().__init__(session)
        self.workspaces_client = self.client("workspaces")
        self.kms_client = self.client("kms")

    def account_id(self) -> str:
        """The account the credentials belong to."""
        return self.one(GET_CALLER_IDENTITY)["Account"]

    def workspaces(self) -> list[dict]:
        """Every WorkSpace in the region, 25 a page (DescribeWorkspaces' largest page)."""
        return self.all_pages(DESCRIBE_WORKSPACES, "Workspaces", PageSize=DESCRIBE_WORKSPACES_PAGE_SIZE)

    def directories(self) -> list[dict]:
        """Every directory registered with WorkSpaces in the region."""
        return self.all_pages(DESCRIBE_WORKSPACE_DIRECTORIES, "Directories")

    def aliases(self) -> list[dict]:
        """Every KMS alias in the region (to find a stack's key by its alias)."""
        return self.all_pages(LIST_ALIASES, "Aliases")

    def key(self, key_id: str) -> dict | None:
        """DescribeKey's KeyMetadata for a key ARN, id or alias; None when no such key exists."""
        answer = self.one_or_none(DESCRIBE_KEY, frozenset({KEY_NOT_FOUND}), KeyId=key_id)
        return answer["KeyMetadata"] if answer else None

    def key_rotation_enabled(self, key_arn: str) -> bool:
        return bool(self.one(GET_KEY_ROTATION_STATUS, KeyId=key_arn).get("KeyRotationEnabled"))

    def key_policy(self, key_arn: str) -> str:
        """The key policy, as JSON text."""
        return self.one(GET_KEY_POLICY, KeyId=key_arn, PolicyName=DEFAULT_KEY_POLICY_NAME)["Policy"]
