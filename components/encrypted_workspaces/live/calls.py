"""AWS calls as the live commands make them: boto3 clients with botocore's standard retry mode, every
list paginated, every failure one ``AwsCallError`` that names the call and says what kind of failure
it was (denied, not answered, unreachable, or refused for another reason)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

import boto3
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError

from encrypted_workspaces.documents.actions import iam_actions

# Standard mode retries throttling (ThrottlingException, RequestLimitExceeded, ...) and transient
# errors with exponential backoff, 3 attempts unless AWS_MAX_ATTEMPTS or the profile says otherwise.
# https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
RETRY_MODE = "standard"


def retry_config() -> Config:
    """A new Config for each client: botocore writes the resolved attempt count (AWS_MAX_ATTEMPTS, the
    profile's max_attempts) into the ``retries`` dict it is given (botocore/args.py,
    ``_compute_retry_max_attempts``), so a shared one would carry one run's setting into the next."""
    return Config(retries={"mode": RETRY_MODE})


# The error codes with which AWS APIs deny a call: the IAM policy lacks the action (or an SCP, a
# permissions boundary or a key policy denies it).
DENIED_CODES = frozenset({"AccessDenied", "AccessDeniedException", "UnauthorizedOperation"})
HTTP_FORBIDDEN = 403
# How an endpoint says it does not implement an operation: AWS's own codes for an unknown action,
# HTTP 501, and the bare 404 an emulator answers for a service it has no routes for (moto, for
# Directory Service Data).
UNANSWERED_CODES = frozenset({"UnknownOperationException", "InvalidAction", "NotImplemented", "404", "501"})
HTTP_NOT_IMPLEMENTED = 501
HTTP_SERVER_ERROR = 500

# What kind of failure an AwsCallError is.
DENIED = "denied"  # the caller may not make the call
UNANSWERED = "unanswered"  # the endpoint does not implement the call, or failed to answer it
UNREACHABLE = "unreachable"  # no endpoint answered at all (connection refused, DNS, timeout)
REFUSED = "refused"  # any other error the service answered with


class AwsCallError(Exception):
    """An AWS call failed. ``line`` is what a command prints; ``kind`` one of DENIED, UNANSWERED,
    UNREACHABLE, REFUSED; ``code`` the service's error code (or the exception's name)."""

    def __init__(self, call: tuple[str, str], detail: str, *, kind: str, code: str = "", reason: str = ""):
        self.call = call
        self.detail = detail
        self.kind = kind
        self.code = code
        # The service's own reason field, where its errors have one (Directory Service Data's
        # AccessDeniedException says DATA_DISABLED when the directory has the API turned off).
        self.reason = reason
        super().__init__(self.line())

    def line(self) -> str:
        service, operation = self.call
        return f"{service} {operation}: {self.detail}".splitlines()[0]


def call_error(call: tuple[str, str], error: Exception, command: str) -> AwsCallError:
    """The AwsCallError for what a call raised; ``command`` names who needs the IAM action."""
    if isinstance(error, ClientError):
        body = error.response.get("Error", {})
        code = str(body.get("Code", ""))
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        message = body.get("Message", "")
        reason = str(body.get("Reason", "") or error.response.get("Reason", "") or "")
        # An error body the parser could not read (not the service's protocol) is no message to show.
        if message and not message.startswith("<"):
            said = f"{code}: {message}"
        else:
            said = f"HTTP {status}" + (f" {code}" if code and code != str(status) else "")
        if code in DENIED_CODES or status == HTTP_FORBIDDEN:
            needed = " and ".join(iam_actions(call))
            return AwsCallError(
                call,
                f"access denied: the {command} needs {needed} ({said})",
                kind=DENIED,
                code=code,
                reason=reason,
            )
        unanswered = code in UNANSWERED_CODES or (status or 0) >= HTTP_SERVER_ERROR
        return AwsCallError(call, said, kind=UNANSWERED if unanswered else REFUSED, code=code, reason=reason)
    if isinstance(error, NotImplementedError):
        # moto, run in process, raises this for an operation it does not emulate.
        return AwsCallError(
            call, f"not implemented by the endpoint ({error})", kind=UNANSWERED, code="NotImplemented"
        )
    # EndpointConnectionError, ConnectTimeoutError, NoCredentialsError, ...: botocore's own sentence
    # names the endpoint or what is missing.
    kind = UNREACHABLE if isinstance(error, EndpointConnectionError) else REFUSED
    return AwsCallError(call, f"{type(error).__name__}: {error}", kind=kind, code=type(error).__name__)


class ApiReader:
    """Calls on one session: a client per service (made when first needed, retrying as above), and
    every failure raised as an AwsCallError naming the call and the IAM action ``command`` needs.

    ``services`` maps the IAM service prefix a call names (``("servicequotas", "GetServiceQuota")``)
    to boto3's client name for it (``service-quotas``), where the two differ.
    """

    command = "audit"
    services: Mapping[str, str] = {}

    def __init__(self, session: boto3.Session):
        self.session = session
        self._clients: dict[str, Any] = {}

    def client(self, service: str) -> Any:
        """The one client of a service (by its IAM prefix) for the reader's life."""
        if service not in self._clients:
            self._clients[service] = self.session.client(
                self.services.get(service, service), config=retry_config()
            )
        return self._clients[service]

    @contextlib.contextmanager
    def calling(self, call: tuple[str, str]) -> Iterator[None]:
        try:
            yield
        except (ClientError, BotoCoreError, NotImplementedError) as error:
            raise call_error(call, error, self.command) from None

    def all_pages(
        self,
        call: tuple[str, str],
        result_key: str,
        params: Mapping[str, Any] | None = None,
        **pagination: Any,
    ) -> list[dict]:
        """Every item of a paginated list, page by page (``pagination``: PageSize and the like)."""
        paginator = self.client(call[0]).get_paginator(xform_name(call[1]))
        items: list[dict] = []
        with self.calling(call):
            for page in paginator.paginate(**dict(params or {}), PaginationConfig=pagination):
                items += page.get(result_key, [])
        return items

    def one(self, call: tuple[str, str], **params: Any) -> dict:
        with self.calling(call):
            return getattr(self.client(call[0]), xform_name(call[1]))(**params)

    def one_or_none(self, call: tuple[str, str], not_found: frozenset[str], **params: Any) -> dict | None:
        """The answer, or None when the service answers with one of the ``not_found`` error codes."""
        with self.calling(call):
            try:
                return getattr(self.client(call[0]), xform_name(call[1]))(**params)
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") in not_found:
                    return None
                raise
