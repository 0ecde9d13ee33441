"""What every config section shares: the model base and the field types with their one-line errors.

Each validator raises ValueError with "what is wrong, what is allowed"; the limits come from
``encrypted_workspaces.aws.limits``. pydantic cannot see inside a validator function, so each
annotated type also carries the same limit as JSON Schema (``_schema``): the stack-file schema, the
README's inputs table and editors then enforce what the model enforces.
"""

from __future__ import annotations

import ipaddress
import json
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetJsonSchemaHandler
from pydantic.alias_generators import to_camel

from encrypted_workspaces.aws import limits
from encrypted_workspaces.aws.arns import IAM_PRINCIPAL_ARN, KEY_ARN, KMS_ALIAS_ARN, SNS_TOPIC_ARN
from encrypted_workspaces.aws.timeouts import DURATION_PATTERN, duration_minutes


class ConfigModel(BaseModel):
    """Unknown keys are typos: refused. camelCase in stack files, snake_case from Python.

    Each field's docstring (the string literal under it) is its description: in the JSON Schema of
    stack files, in the README's inputs table and in the provider's package schema. Write there what
    the key does and its default with the reason ("defaults to ..., because ...").
    """

    model_config = ConfigDict(
        extra="forbid",
        alias_generator=to_camel,
        populate_by_name=True,
        frozen=True,
        use_attribute_docstrings=True,
    )


@dataclass(frozen=True)
class _JsonSchemaKeywords:
    """JSON Schema keywords added to a type's generated schema: the limit its validator checks.

    Kept as JSON text: typing hashes the metadata of ``Annotated`` types, and dicts do not hash.
    """

    keywords_json: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {**handler(core_schema), **json.loads(self.keywords_json)}


def _schema(keywords: dict[str, Any]) -> _JsonSchemaKeywords:
    return _JsonSchemaKeywords(json.dumps(keywords, sort_keys=True))


def ecma_pattern(regex: str) -> str:
    """``regex`` anchored, as a JSON Schema (ECMA-262) pattern: Python's named groups become plain ones."""
    return "^(?:" + re.sub(r"\(\?P<\w+>", "(?:", regex.removeprefix("^").removesuffix("$")) + ")$"


def _pattern(regex: str, allowed: str):
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(f"must be {allowed} (got {value!r})")
        return value

    return AfterValidator(check)


def _matching(regex: str, allowed: str) -> tuple[AfterValidator, _schema]:
    return _pattern(regex, allowed), _schema({"pattern": ecma_pattern(regex)})


def _key_policy_principal(value: str) -> str:
    match = IAM_PRINCIPAL_ARN.fullmatch(value)
    if not match or match["kind"] == "group":
        raise ValueError(
            "must be an IAM role or user ARN such as arn:aws:iam::123456789012:role/Name; "
            f"a key policy cannot name groups (got {value!r})"
        )
    return value


def _iam_principal(value: str) -> str:
    if not IAM_PRINCIPAL_ARN.fullmatch(value):
        raise ValueError(
            "must be an IAM role, user or group ARN such as arn:aws:iam::123456789012:role/Name "
            f"(got {value!r})"
        )
    return value


def _alias(value: str) -> str:
    if not re.fullmatch(limits.ALIAS_PATTERN, value):
        raise ValueError(f"must be 'alias/' followed by letters, digits, '/', '_' or '-' (got {value!r})")
    if value.lower().startswith(limits.RESERVED_ALIAS_PREFIX):
        raise ValueError(f"the prefix 'alias/aws/' is reserved for AWS managed keys (got {value!r})")
    return value


def _existing_key(value: str) -> str:
    alias_arn = KMS_ALIAS_ARN.fullmatch(value)
    alias = alias_arn["alias"] if alias_arn else value
    if alias.lower().startswith(limits.RESERVED_ALIAS_PREFIX):
        raise ValueError(
            "must be a customer managed key: alias/aws/... names an AWS managed key, whose policy no "
            f"one can change and which cannot be rotated on your schedule (got {value!r})"
        )
    if not (
        KEY_ARN.fullmatch(value)
        or alias_arn
        or re.fullmatch(limits.ALIAS_PATTERN, value)
        or re.fullmatch(limits.KEY_ID_PATTERN, value)
    ):
        raise ValueError(
            "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), an alias ARN, an alias "
            f"such as alias/shared-workspaces or a key id (got {value!r})"
        )
    return value


def _ipv4_cidr(value: str) -> str:
    address, slash, prefix = value.partition("/")
    try:
        ipaddress.IPv4Address(address)
        valid = bool(slash) and prefix.isascii() and prefix.isdigit() and int(prefix) <= 32
    except ValueError:
        valid = False
    if not valid:
        raise ValueError(
            "must be an IPv4 range in CIDR notation such as 203.0.113.0/24 (a single address is /32; "
            f"prefix 0 to {limits.IP_RULE_MAX_PREFIX}) (got {value!r})"
        )
    return value


def _duration(value: str) -> str:
    duration_minutes(value)
    return value


def _auto_stop_minutes(value: int) -> int:
    interval = limits.AUTO_STOP_INTERVAL_MINUTES
    if value < interval or value % interval:
        raise ValueError(f"must be a positive multiple of {interval} minutes (got {value})")
    return value


def _tag_map(value: dict[str, str]) -> dict[str, str]:
    for key, tag_value in value.items():
        if not 1 <= len(key) <= limits.TAG_KEY_MAX_LENGTH or key.lower().startswith(
            limits.RESERVED_TAG_PREFIX
        ):
            raise ValueError(
                f"tag keys are 1 to {limits.TAG_KEY_MAX_LENGTH} characters and cannot start with "
                f"'{limits.RESERVED_TAG_PREFIX}' (got {key!r})"
            )
        if len(tag_value) > limits.TAG_VALUE_MAX_LENGTH:
            raise ValueError(
                f"tag values are at most {limits.TAG_VALUE_MAX_LENGTH} characters "
                f"(got {len(tag_value)} for {key!r})"
            )
    return value


ComputeTypeName = Literal[limits.COMPUTE_TYPE_NAMES]
RunningMode = Literal[limits.RUNNING_MODES]
DeviceAccess = Literal[limits.DEVICE_ACCESS]


def _prefix_in_any_case(prefix: str) -> str:
    """A pattern for ``prefix`` in any letter case: the validators compare ``value.lower()``."""
    return "^" + "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in prefix)


_RESERVED_ALIAS = _prefix_in_any_case(limits.RESERVED_ALIAS_PREFIX)
_RESERVED_TAG = _prefix_in_any_case(limits.RESERVED_TAG_PREFIX)

AccountId = Annotated[str, *_matching(limits.ACCOUNT_ID_PATTERN, "a 12-digit AWS account id")]
KeyPolicyPrincipal = Annotated[
    str,
    AfterValidator(_key_policy_principal),
    _schema({"pattern": ecma_pattern(IAM_PRINCIPAL_ARN.pattern.replace("role|user|group", "role|user"))}),
]
IamPrincipal = Annotated[
    str, AfterValidator(_iam_principal), _schema({"pattern": ecma_pattern(IAM_PRINCIPAL_ARN.pattern)})
]
DirectoryId = Annotated[
    str, *_matching(limits.DIRECTORY_ID_PATTERN, "a Directory Service id such as d-1234567890")
]
SubnetId = Annotated[
    str, *_matching(limits.SUBNET_ID_PATTERN, "a subnet id such as subnet-0123456789abcdef0")
]
SecurityGroupId = Annotated[
    str, *_matching(limits.SECURITY_GROUP_ID_PATTERN, "a security group id such as sg-0123456789abcdef0")
]
BundleId = Annotated[
    str, *_matching(limits.BUNDLE_ID_PATTERN, "a WorkSpaces bundle id such as wsb-bh8rsxt14")
]
BundleName = Annotated[str, Field(min_length=limits.BUNDLE_NAME_MIN_LENGTH)]
WorkspaceId = Annotated[str, *_matching(limits.WORKSPACE_ID_PATTERN, "a WorkSpace id such as ws-0123456789")]
ExistingKey = Annotated[
    str,
    AfterValidator(_existing_key),
    _schema(
        {
            "anyOf": [
                {"pattern": ecma_pattern(KEY_ARN.pattern)},
                {"pattern": ecma_pattern(KMS_ALIAS_ARN.pattern)},
                {"pattern": ecma_pattern(limits.ALIAS_PATTERN)},
                {"pattern": ecma_pattern(limits.KEY_ID_PATTERN)},
            ],
            "not": {"pattern": "^(?:arn:[^:]+:kms:[^:]*:[^:]*:)?" + _RESERVED_ALIAS.removeprefix("^")},
        }
    ),
]
# Dotted quad and a prefix of 0..32; the validator also checks each octet is at most 255.
Ipv4Cidr = Annotated[
    str,
    AfterValidator(_ipv4_cidr),
    _schema({"pattern": r"^(?:[0-9]{1,3}\.){3}[0-9]{1,3}/(?:[0-9]|[12][0-9]|3[0-2])$"}),
]
SnsTopicArn = Annotated[
    str, *_matching(SNS_TOPIC_ARN.pattern, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)")
]
KeyAlias = Annotated[
    str,
    AfterValidator(_alias),
    _schema({"pattern": ecma_pattern(limits.ALIAS_PATTERN), "not": {"pattern": _RESERVED_ALIAS}}),
]
Duration = Annotated[
    str, AfterValidator(_duration), _schema({"minLength": 1, "pattern": ecma_pattern(DURATION_PATTERN)})
]
AutoStopMinutes = Annotated[
    int,
    AfterValidator(_auto_stop_minutes),
    _schema({"minimum": limits.AUTO_STOP_INTERVAL_MINUTES, "multipleOf": limits.AUTO_STOP_INTERVAL_MINUTES}),
]
Tags = Annotated[
    dict[str, str],
    AfterValidator(_tag_map),
    _schema(
        {
            "propertyNames": {
                "minLength": 1,
                "maxLength": limits.TAG_KEY_MAX_LENGTH,
                "not": {"pattern": _RESERVED_TAG},
            },
            "additionalProperties": {"type": "string", "maxLength": limits.TAG_VALUE_MAX_LENGTH},
        }
    ),
]
# Checked in checks.py with the case-insensitive collisions (the message names both users); here for
# the schema only.
UserName = Annotated[str, _schema({"pattern": ecma_pattern(limits.USER_NAME_PATTERN)})]
