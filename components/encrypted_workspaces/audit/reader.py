"""The audit's AWS calls: boto3 clients with botocore's standard retry mode, every list paginated,
only the calls in ``documents.actions.AUDIT_API_CALLS`` (and STS GetCallerIdentity, which needs no
permission), every failure one ``AwsCallError``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import boto3
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from encrypted_workspaces.aws.limits import DESCRIBE_WORKSPACES_PAGE_SIZE
from encrypted_workspaces.documents.actions import (
    DESCRIBE_KEY,
    DESCRIBE_WORKSPACE_DIRECTORIES,
    DESCRIBE_WORKSPACES,
    GET_CALLER_IDENTITY,
    GET_KEY_POLICY,
    GET_KEY_ROTATION_STATUS,
    LIST_ALIASES,
    iam_action,
)

# Standard mode retries throttling (ThrottlingException, RequestLimitExceeded, ...) and transient
# errors with exponential backoff, 3 attempts unless AWS_MAX_ATTEMPTS or the profile says otherwise.
# https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
RETRY_CONFIG = Config(retries={"mode": "standard"})
# The error codes with which AWS APIs deny a call: the IAM policy lacks the action (or an SCP, a
# permissions boundary or a key policy denies it).
DENIED_CODES = frozenset({"AccessDenied", "AccessDeniedException", "UnauthorizedOperation"})
HTTP_FORBIDDEN = 403
# DescribeKey's answer for a key that does not exist (any more): a finding, not an AWS error.
KEY_NOT_FOUND = "NotFoundException"
# The only key policy a KMS key has (GetKeyPolicy, PolicyName).
DEFAULT_KEY_POLICY_NAME = "default"


class AwsCallError(Exception):
    """An AWS call failed: denied, unreachable, or refused. ``line`` is what the audit prints."""

    def __init__(self, call: tuple[str, str], detail: str):
        self.call = call
        self.detail = detail
        super().__init__(self.line())

    def line(self) -> str:
        service, operation = self.call
        return f"{service} {operation}: {self.detail}".splitlines()[0]


def _detail(call: tuple[str, str], error: Exception) -> str:
    if isinstance(error, ClientError):
        code = error.response.get("Error", {}).get("Code", "")
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        message = error.response.get("Error", {}).get("Message", "")
        # An error body the parser could not read (not the service's protocol) is no message to show.
        if message and not message.startswith("<"):
            said = f"{code}: {message}"
        else:
            said = f"HTTP {status}" + (f" {code}" if code and code != str(status) else "")
        if code in DENIED_CODES or status == HTTP_FORBIDDEN:
            return f"access denied: the audit needs {iam_action(call)} ({said})"
        return said
    # EndpointConnectionError, ConnectTimeoutError, NoCredentialsError, ...: botocore's own sentence
    # names the endpoint or what is missing.
    return f"{type(error).__name__}: {error}"


class AccountReader:
    """Reads one account and region. Every call raises AwsCallError rather than a botocore error."""

    def __init__(self, session: boto3.Session):
        self.workspaces_client = session.client("workspaces", config=RETRY_CONFIG)
        self.kms_client = session.client("kms", config=RETRY_CONFIG)
        self.sts_client = session.client("sts", config=RETRY_CONFIG)

    def _client(self, call: tuple[str, str]) -> Any:
        return {"workspaces": self.workspaces_client, "kms": self.kms_client, "sts": self.sts_client}[call[0]]

    @contextlib.contextmanager
    def _calling(self, call: tuple[str, str]) -> Iterator[None]:
        try:
            yield
        except (ClientError, BotoCoreError) as error:
            raise AwsCallError(call, _detail(call, error)) from None

    def _all_pages(self, call: tuple[str, str], result_key: str, **pagination: Any) -> list[dict]:
        paginator = self._client(call).get_paginator(xform_name(call[1]))
        items: list[dict] = []
        with self._calling(call):
            for page in paginator.paginate(PaginationConfig=pagination):
                items += page.get(result_key, [])
        return items

    def _one(self, call: tuple[str, str], **params: Any) -> dict:
        with self._calling(call):
            return getattr(self._client(call), xform_name(call[1]))(**params)

    def account_id(self) -> str:
        """The account the credentials belong to."""
        return self._one(GET_CALLER_IDENTITY)["Account"]

    def workspaces(self) -> list[dict]:
        """Every WorkSpace in the region, 25 a page (DescribeWorkspaces' largest page)."""
        return self._all_pages(DESCRIBE_WORKSPACES, "Workspaces", PageSize=DESCRIBE_WORKSPACES_PAGE_SIZE)

    def directories(self) -> list[dict]:
        """Every directory registered with WorkSpaces in the region."""
        return self._all_pages(DESCRIBE_WORKSPACE_DIRECTORIES, "Directories")

    def aliases(self) -> list[dict]:
        """Every KMS alias in the region (to find a stack's key by its alias)."""
        return self._all_pages(LIST_ALIASES, "Aliases")

    def key(self, key_id: str) -> dict | None:
        """DescribeKey's KeyMetadata for a key ARN, id or alias; None when no such key exists."""
        with self._calling(DESCRIBE_KEY):
            try:
                return self.kms_client.describe_key(KeyId=key_id)["KeyMetadata"]
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") == KEY_NOT_FOUND:
                    return None
                raise

    def key_rotation_enabled(self, key_arn: str) -> bool:
        return bool(self._one(GET_KEY_ROTATION_STATUS, KeyId=key_arn).get("KeyRotationEnabled"))

    def key_policy(self, key_arn: str) -> str:
        """The key policy, as JSON text."""
        return self._one(GET_KEY_POLICY, KeyId=key_arn, PolicyName=DEFAULT_KEY_POLICY_NAME)["Policy"]
