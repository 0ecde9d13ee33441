"""What every config section shares: the model base and the field types with their one-line errors.

Each validator raises ValueError with "what is wrong, what is allowed"; the limits come from
``encrypted_workspaces.aws.limits``. pydantic cannot see inside a validator function, so each
annotated type also carries the same limit as JSON Schema (``_schema``): the stack-file schema, the
inputs table (docs/inputs.md) and editors then enforce what the model enforces.
"""

from __future__ import annotations

import ipaddress
import json
import re
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, GetJsonSchemaHandler, ValidationError

from encrypted_workspaces.aws import limits, tags
from encrypted_workspaces.aws.arns import (
    IAM_NAME_CHARACTERS,
    IAM_NAME_MAX_LENGTH,
    KEY_ARN,
    KMS_ALIAS_ARN,
    SNS_TOPIC_ARN,
    iam_principal_problem,
    iam_principal_schema_pattern,
    principal_kind,
)
from encrypted_workspaces.aws.logon_names import SAM_ACCOUNT_NAME_INVALID_CHARACTERS
from encrypted_workspaces.aws.timeouts import DURATION_PATTERN, timeout_ns
from encrypted_workspaces.documents.key_policy_statements import STATEMENT_SCHEMA
from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.settings import SettingsModel

from .inputs import Input, Many, Named
from .paths import python_path
from .problems import SECRET_PLACEHOLDER, problems_from_validation_error
from .secrets import PASSED_ON


class ConfigModel(SettingsModel):
    """A section of the stack config (see ``SettingsModel``), with strict types: a boolean is not a
    number, 80.0 is not an integer and "true" is not a boolean, as AWS's types are.

    Write in each field's docstring what the key does and its default with the reason ("defaults to
    ..., because ..."); a field a program may give as an Output is typed ``Input[...]`` (inputs.py),
    and a plain one says why it must be plain.

    Built from Python (``DirectoryArgs(directory_id=...)``), a bad argument raises ``ConfigError``, one
    line per problem, each named as the caller wrote it (``DirectoryArgs.directory_id: ...``).
    """

    model_config = ConfigDict(strict=True)

    if not TYPE_CHECKING:  # a type checker reads the keyword arguments from the fields

        def __init__(self, /, **data: Any) -> None:
            try:
                super().__init__(**data)
            except ValidationError as error:
                model = type(self)
                raise ConfigError(
                    problems_from_validation_error(error, model, path_of=partial(python_path, model))
                ) from None

        # As pydantic marks its own __init__ (and RootModel's): a section given as a dict inside another
        # is then validated with the rest, every problem at once, rather than through this __init__.
        __init__.__pydantic_base_init__ = True


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
    problem = iam_principal_problem(value)
    if problem or principal_kind(value) == "group":
        raise ValueError(
            "must be an IAM role or user ARN such as arn:aws:iam::123456789012:role/Name; "
            f"a key policy cannot name groups (got {value!r}{'' if not problem else ': ' + problem})"
        )
    return value


def _iam_role(value: str) -> str:
    problem = iam_principal_problem(value)
    if problem or principal_kind(value) != "role":
        raise ValueError(
            "must be an IAM role ARN such as arn:aws:iam::123456789012:role/Name "
            f"(got {value!r}{'' if not problem else ': ' + problem})"
        )
    return value


def _iam_principal(value: str) -> str:
    problem = iam_principal_problem(value)
    if problem:
        raise ValueError(
            "must be an IAM role, user or group ARN such as arn:aws:iam::123456789012:role/Name "
            f"(got {value!r}: {problem})"
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
    timeout_ns(value)
    return value


def _auto_stop_minutes(value: int) -> int:
    interval = limits.AUTO_STOP_INTERVAL_MINUTES
    if value < interval or value % interval or value > limits.INT32_RANGE[1]:
        raise ValueError(
            f"must be a positive multiple of {interval} minutes (got {value}), "
            f"at most {limits.INT32_RANGE[1]}"
        )
    return value


# The first wave: the pilot group, and every user's wave unless the user names another.
FIRST_WAVE = 1
# The highest wave: the provider's schema types a wave as an integer, which the C# and Java SDKs hold in
# 32 bits.
LAST_WAVE = limits.INT32_RANGE[1]


def _wave(value: int) -> int:
    if not FIRST_WAVE <= value <= LAST_WAVE:
        raise ValueError(
            f"must be a wave, a whole number from {FIRST_WAVE} (the first wave) to {LAST_WAVE} (got {value})"
        )
    return value


def distinct(items: list) -> list:
    repeated = next((item for index, item in enumerate(items) if item in items[:index]), None)
    if repeated is not None:
        raise ValueError(f"lists {repeated!r} twice; each entry must be different")
    return items


def _default_ou(value: str) -> str:
    problem = limits.default_ou_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# The tag the component sets on every WorkSpace (the directory user it belongs to): a user's tag of
# that name would be overwritten. The budget of 50 tags per resource counts it.
OWNER_TAG = "Owner"
COMPONENT_TAGS = (OWNER_TAG,)
MAX_USER_TAGS = min(rule.max_tags for rule in tags.TAG_RULES) - len(COMPONENT_TAGS)


def _tag_key(key: str) -> str:
    problems = tags.tag_key_problems(key)
    if key in COMPONENT_TAGS:
        problems.append(f"the component sets {key} on each WorkSpace to its user; choose another key")
    if problems:
        raise ValueError("; ".join(problems))
    return key


def _tag_value(value: str) -> str:
    # A secret (plan cannot decrypt it) is AWS's to judge.
    problems = [] if value == SECRET_PLACEHOLDER else tags.tag_value_problems(value)
    if problems:
        raise ValueError("; ".join(problems))
    return value


def _tag_count(value: dict[str, str]) -> dict[str, str]:
    if len(value) > MAX_USER_TAGS:
        rule = tags.WORKSPACES_TAGS
        raise ValueError(
            f"at most {MAX_USER_TAGS} tags: {rule.service} allows {rule.max_tags} per resource and the "
            f"component adds {', '.join(COMPONENT_TAGS)} (got {len(value)})"
        )
    return value


ComputeTypeName = Literal[limits.COMPUTE_TYPE_NAMES]
RunningMode = Literal[limits.RUNNING_MODES]
DeviceAccess = Literal[limits.DEVICE_ACCESS]
# The fields take these: values Pulumi passes on to AWS as they are carry PASSED_ON, so that plan plans a
# secure: value there with its placeholder (config/secrets.py). (The Literals above keep their names for
# the provider's enums.) Not the running mode: it decides whether the auto-stop minutes are sent at all.
PassedOnComputeTypeName = Annotated[ComputeTypeName, PASSED_ON]
PassedOnDeviceAccess = Annotated[DeviceAccess, PASSED_ON]


def _prefix_in_any_case(prefix: str) -> str:
    """A pattern for ``prefix`` in any letter case: the validators compare ``value.lower()``."""
    return "^" + "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in prefix)


_RESERVED_ALIAS = _prefix_in_any_case(limits.RESERVED_ALIAS_PREFIX)
_RESERVED_TAG = _prefix_in_any_case(tags.RESERVED_TAG_PREFIX)

KeyPolicyPrincipal = Annotated[
    str,
    AfterValidator(_key_policy_principal),
    _schema({"pattern": iam_principal_schema_pattern(("role", "user"))}),
]
# One statement of key.extraStatements; checked as a whole in config/checks.py (a statement may hold an
# Output, a role's ARN say, and is then checked when it resolves).
KeyPolicyStatement = Annotated[dict[str, Any], _schema(STATEMENT_SCHEMA)]
IamRoleArn = Annotated[
    str, AfterValidator(_iam_role), _schema({"pattern": iam_principal_schema_pattern(("role",))})
]
# A label that names a role's policy attachments in place of its name (administrators.roles): IAM's role
# name characters and length, so that a role's own name is a label that keeps its logical names.
AttachmentLabel = Annotated[
    str, *_matching(f"{IAM_NAME_CHARACTERS}{{1,{IAM_NAME_MAX_LENGTH['role']}}}", "an IAM role name")
]
IamPrincipal = Annotated[
    str,
    AfterValidator(_iam_principal),
    _schema({"pattern": iam_principal_schema_pattern(("role", "user", "group"))}),
]
DirectoryId = Annotated[
    str, *_matching(limits.DIRECTORY_ID_PATTERN, "a Directory Service id such as d-1234567890"), PASSED_ON
]
SubnetId = Annotated[
    str, *_matching(limits.SUBNET_ID_PATTERN, "a subnet id such as subnet-0123456789abcdef0"), PASSED_ON
]
SecurityGroupId = Annotated[
    str,
    *_matching(limits.SECURITY_GROUP_ID_PATTERN, "a security group id such as sg-0123456789abcdef0"),
    PASSED_ON,
]
BundleId = Annotated[
    str, *_matching(limits.BUNDLE_ID_PATTERN, "a WorkSpaces bundle id such as wsb-bh8rsxt14"), PASSED_ON
]
BundleName = Annotated[str, Field(min_length=limits.BUNDLE_NAME_MIN_LENGTH), PASSED_ON]
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
    PASSED_ON,
]
SnsTopicArn = Annotated[
    str,
    *_matching(SNS_TOPIC_ARN.pattern, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)"),
    PASSED_ON,
]
KeyAlias = Annotated[
    str,
    AfterValidator(_alias),
    _schema({"pattern": ecma_pattern(limits.ALIAS_PATTERN), "not": {"pattern": _RESERVED_ALIAS}}),
    PASSED_ON,
]
Duration = Annotated[
    str, AfterValidator(_duration), _schema({"minLength": 1, "pattern": ecma_pattern(DURATION_PATTERN)})
]
AutoStopMinutes = Annotated[
    int,
    AfterValidator(_auto_stop_minutes),
    _schema(
        {
            "minimum": limits.AUTO_STOP_INTERVAL_MINUTES,
            "maximum": limits.INT32_RANGE[1],
            "multipleOf": limits.AUTO_STOP_INTERVAL_MINUTES,
        }
    ),
]
# RegisterWorkspaceDirectory's subnets: exactly two, in two Availability Zones, so two different ones.
DirectorySubnets = Annotated[
    Many[Input[SubnetId]],
    Field(min_length=limits.DIRECTORY_SUBNETS, max_length=limits.DIRECTORY_SUBNETS),
    AfterValidator(distinct),
    _schema({"uniqueItems": True}),
]
# A rollout wave (config/workspaces.py): booleans and floats refused, as everywhere (the model is strict).
Wave = Annotated[int, AfterValidator(_wave), _schema({"minimum": FIRST_WAVE, "maximum": LAST_WAVE})]
# An AWS "Integer": 32 bits, booleans and floats refused (the model is strict).
Int32 = Annotated[int, Field(ge=limits.INT32_RANGE[0], le=limits.INT32_RANGE[1])]
DefaultOu = Annotated[
    str,
    AfterValidator(_default_ou),
    _schema(
        {
            "minLength": limits.DEFAULT_OU_LENGTH[0],
            "maxLength": limits.DEFAULT_OU_LENGTH[1],
            "pattern": limits.DEFAULT_OU_SCHEMA_PATTERN,
        }
    ),
    PASSED_ON,
]
# Each tag as every service it reaches judges it (aws/tags.py). The schema says the same except that
# its character class is ASCII-only (JSON Schema patterns have no \p{L}): a non-ASCII symbol such as
# '€' passes the schema and is refused by the model. Tag values stay free strings in the schema, so
# that a secure: value is allowed there, as plan allows it.
TagKey = Annotated[str, AfterValidator(_tag_key)]
TagValue = Annotated[str, AfterValidator(_tag_value)]
Tags = Annotated[
    Named[TagKey, Input[TagValue]],
    AfterValidator(_tag_count),
    _schema(
        {
            "maxProperties": MAX_USER_TAGS,
            "propertyNames": {
                "minLength": 1,
                "maxLength": min(rule.key_max_length for rule in tags.TAG_RULES),
                "pattern": tags.TAG_SCHEMA_PATTERN,
                "not": {"anyOf": [{"pattern": _RESERVED_TAG}, {"enum": list(COMPONENT_TAGS)}]},
            },
            "additionalProperties": {
                "type": "string",
                "maxLength": min(rule.value_max_length for rule in tags.TAG_RULES),
            },
        }
    ),
]
# Checked in checks.py with the case-insensitive collisions (the message names both users); here for
# the schema only: no control characters, none that a logon name cannot hold (aws/logon_names.py).
# (The schema counts code points; AWS, and the model, count UTF-16 code units.)
_USER_NAME_SCHEMA = (
    "^[^\\u0000-\\u001f\\u007f-\\u009f"
    + re.escape(SAM_ACCOUNT_NAME_INVALID_CHARACTERS)
    + "]{"
    + "{},{}".format(*limits.USER_NAME_LENGTH)
    + "}$"
)
UserName = Annotated[str, _schema({"pattern": _USER_NAME_SCHEMA})]
