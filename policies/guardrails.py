"""Guardrails that make WorkSpaces encryption mandatory for every stack, with or without the component.

Each rule is one small pure function over plain resource views, cdk-nag style, so the same rules run
in the CrossGuard pack (``policies/crossguard/``, via ``encrypted_workspaces.policies.crossguard``)
and in ``encrypted-workspaces plan`` over the recorded resources. Nothing here imports pulumi_policy.

Pack configuration is the CrossGuard policy-pack config format, one object per rule name::

    {"workspaces-volumes-encrypted-with-a-key-arn": {"requiredVolumes": ["root", "user"]},
     "workspaces-kms-key-compliant": {"allowedKeys": ["alias/workspaces-prod"]},
     "directory-no-local-admin-or-internet": {"allowInternetAccess": true}}
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel

from encrypted_workspaces.components.config import duration_minutes

from .statements import listed, named_actions, policy_properties, statements

MANDATORY, ADVISORY, DISABLED = "mandatory", "advisory", "disabled"
EnforcementLevel = Literal["mandatory", "advisory", "disabled"]

WORKSPACE = "aws:workspaces/workspace:Workspace"
DIRECTORY = "aws:workspaces/directory:Directory"
KMS_KEY = "aws:kms/key:Key"
KMS_ALIAS = "aws:kms/alias:Alias"

KEY_ARN = re.compile(
    r"arn:(?P<partition>aws|aws-cn|aws-us-gov):kms:[a-z0-9-]+:(?P<account>\d{12}):key/[A-Za-z0-9-]+"
)
GRANT_ACTIONS = frozenset({"kms:creategrant", "kms:listgrants", "kms:revokegrant"})
# pulumi-aws (the terraform provider it bridges) waits 30 minutes for a WorkSpace by default;
# AWS says a WorkSpace with an encrypted root volume can take up to an hour.
PROVIDER_DEFAULT_CREATE_MINUTES = 30
MINIMUM_CREATE_MINUTES = 60


@dataclass(frozen=True)
class ResourceView:
    """One resource as the rules see it: its output properties (camelCase) and its options."""

    type: str
    urn: str
    name: str
    props: Mapping[str, Any]
    # The recorder's option keys: protect, customTimeouts ({"create": "90m"}), dependsOn, ...
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, order=True)
class Violation:
    rule: str
    enforcement: str
    urn: str
    message: str

    def line(self) -> str:
        return f"{self.enforcement:<9} {self.rule}  {self.urn.rsplit('::', 1)[-1]}: {self.message}"


# --- pack configuration ---------------------------------------------------------------------------


class PackConfigError(ValueError):
    """Invalid pack configuration: one line per problem, each starting with ``<rule>.<key>``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _RuleConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=to_camel, populate_by_name=True, frozen=True)
    enforcement_level: EnforcementLevel | None = None


class VolumesConfig(_RuleConfig):
    # Defaults to both, because encryption can never be added to an existing WorkSpace.
    required_volumes: list[Literal["root", "user"]] = Field(default=["root", "user"], min_length=1)


class KeyConfig(_RuleConfig):
    # Key ARNs or aliases WorkSpaces may use. Defaults to none listed: then any customer managed key
    # that this stack creates and that passes the checks; a key from outside the stack must be listed.
    allowed_keys: list[str] = []


class DirectoryConfig(_RuleConfig):
    # Both default to false: users are not local administrators, WorkSpaces get no direct internet.
    allow_local_administrator: bool = False
    allow_internet_access: bool = False


# --- the rules ------------------------------------------------------------------------------------

ResourceCheck = Callable[[ResourceView, Any], Iterable[str]]
StackCheck = Callable[[Sequence[ResourceView], Any], Iterable[tuple[str, str]]]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    enforcement: str
    url: str
    config: type[_RuleConfig]
    resource_check: ResourceCheck | None = None  # one resource at a time
    stack_check: StackCheck | None = None  # the whole stack at once


def _flag(props: Mapping[str, Any], key: str) -> bool:
    return props.get(key) is True


def check_workspace_volumes(resource: ResourceView, config: VolumesConfig) -> list[str]:
    if resource.type != WORKSPACE:
        return []
    problems = []
    for volume in config.required_volumes:
        if not _flag(resource.props, f"{volume}VolumeEncryptionEnabled"):
            problems.append(
                f"the {volume} volume must be encrypted ({volume}VolumeEncryptionEnabled is not true)"
            )
    key = resource.props.get("volumeEncryptionKey")
    if not key:
        problems.append(
            "volumeEncryptionKey is empty: the volumes would use the AWS managed key aws/workspaces"
        )
    elif not KEY_ARN.fullmatch(str(key)):
        problems.append(
            f"volumeEncryptionKey must be a customer managed key's ARN, not an alias or id (got {key!r}): "
            "an alias can be pointed at another key"
        )
    return problems


def _policy_json(value: Any) -> dict | None:
    if isinstance(value, dict):
        return value
    try:
        document = json.loads(value)
    except (TypeError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def _is_account_root_statement(statement: dict, partition: str, account: str) -> bool:
    principal = statement.get("Principal", {})
    principals = listed(principal.get("AWS")) if isinstance(principal, dict) else []
    return (
        statement.get("Effect") == "Allow"
        and f"arn:{partition}:iam::{account}:root" in principals
        and "kms:*" in listed(statement.get("Action"))
    )


def _grants_are_only_for_aws_resources(statement: dict) -> bool:
    condition = statement.get("Condition", {})
    value = (
        condition.get("Bool", {}).get("kms:GrantIsForAWSResource") if isinstance(condition, dict) else None
    )
    return str(value).lower() == "true"


def key_problems(key: ResourceView, key_arn: str) -> list[str]:
    """What makes a KMS key unfit for WorkSpaces (symmetric, rotated, the documented key policy)."""
    props, match = key.props, KEY_ARN.fullmatch(key_arn)
    problems = []
    if props.get("customerMasterKeySpec", "SYMMETRIC_DEFAULT") != "SYMMETRIC_DEFAULT":
        problems.append(
            "WorkSpaces supports symmetric keys only "
            f"(customerMasterKeySpec {props['customerMasterKeySpec']!r})"
        )
    if props.get("keyUsage", "ENCRYPT_DECRYPT") != "ENCRYPT_DECRYPT":
        problems.append(f"the key must be for ENCRYPT_DECRYPT (keyUsage {props['keyUsage']!r})")
    if not _flag(props, "enableKeyRotation"):
        problems.append("automatic key rotation must be enabled (enableKeyRotation is not true)")
    document = _policy_json(props.get("policy"))
    if document is None:
        problems.append(
            "the key policy is missing or not JSON: the default policy has no statements for key users"
        )
        return problems
    key_statements = statements(document)
    if match and not any(
        _is_account_root_statement(s, match["partition"], match["account"]) for s in key_statements
    ):
        problems.append(
            "the key policy must keep the account-root statement (kms:* for the account): "
            "without it the key can be locked out"
        )
    grant_statements = [
        s
        for s in key_statements
        if s.get("Effect") == "Allow" and GRANT_ACTIONS & {a.lower() for a in listed(s.get("Action"))}
    ]
    if not grant_statements:
        problems.append("the key policy grants no key user kms:CreateGrant: WorkSpaces could not use the key")
    for statement in grant_statements:
        if not _grants_are_only_for_aws_resources(statement):
            where = statement.get("Sid") or "a statement"
            problems.append(
                f"{where} allows grants without the condition Bool kms:GrantIsForAWSResource true"
            )
    return problems


def check_workspace_keys(resources: Sequence[ResourceView], config: KeyConfig) -> list[tuple[str, str]]:
    keys = {str(r.props.get("arn")): r for r in resources if r.type == KMS_KEY and r.props.get("arn")}
    aliases = {str(r.props.get("name")): r for r in resources if r.type == KMS_ALIAS}
    allowed = set(config.allowed_keys)
    violations = []
    for workspace in (r for r in resources if r.type == WORKSPACE):
        key_arn = str(workspace.props.get("volumeEncryptionKey") or "")
        if not KEY_ARN.fullmatch(key_arn):
            continue  # not a key ARN: the volumes rule reports it
        key = keys.get(key_arn)
        if allowed:
            targets = {
                key_arn
                for name in allowed & set(aliases)
                if key and aliases[name].props.get("targetKeyId") in (key.props.get("keyId"), key_arn)
            }
            if key_arn not in allowed and key_arn not in targets:
                violations.append(
                    (
                        workspace.urn,
                        f"key {key_arn} is not one of the allowed keys ({', '.join(sorted(allowed))})",
                    )
                )
                continue
        if key is None:
            if key_arn not in allowed:
                violations.append(
                    (
                        workspace.urn,
                        f"key {key_arn} is not created in this stack, so it cannot be checked; "
                        "list it in allowedKeys",
                    )
                )
            continue
        violations += [
            (workspace.urn, f"key {key.name}: {problem}") for problem in key_problems(key, key_arn)
        ]
    return violations


def _policy_documents(resource: ResourceView) -> list[tuple[str, dict]]:
    documents = []
    for found in policy_properties(resource.type):
        value = resource.props.get(found.prop)
        inline = [item.get("policy") for item in value or [] if isinstance(item, dict)]
        values = inline if found.inline_list else [value]
        documents += [(found.prop, doc) for doc in map(_policy_json, values) if doc is not None]
    return documents


def check_invalid_or_retired_actions(resource: ResourceView, _config: _RuleConfig) -> list[str]:
    problems = []
    for prop, document in _policy_documents(resource):
        for statement in statements(document):
            for action in named_actions(statement):
                if action.lower() == "kms:reencrypt":
                    problems.append(
                        f"{prop} names kms:ReEncrypt, which is not an action (grants nothing): "
                        "use kms:ReEncrypt*"
                    )
                elif action.lower().startswith("wam:"):
                    problems.append(
                        f"{prop} names {action}: the wam: prefix is retired, use the workspaces: actions"
                    )
    return problems


def create_timeout_minutes(timeout: str | float | None) -> float:
    """Minutes from a recorded option ("90m", "1h30m", "5400s") or CrossGuard's seconds.

    None (or 0, CrossGuard's "unset") means the provider's default.
    """
    if timeout in (None, "", 0):
        return PROVIDER_DEFAULT_CREATE_MINUTES
    if isinstance(timeout, int | float):
        return timeout / 60
    return duration_minutes(timeout)


def check_create_timeout(resource: ResourceView, _config: _RuleConfig) -> list[str]:
    if resource.type != WORKSPACE or not _flag(resource.props, "rootVolumeEncryptionEnabled"):
        return []
    timeout = (resource.options.get("customTimeouts") or {}).get("create")
    minutes = create_timeout_minutes(timeout)
    if minutes >= MINIMUM_CREATE_MINUTES:
        return []
    shown = timeout or f"the provider default of {PROVIDER_DEFAULT_CREATE_MINUTES}m"
    return [
        f"create timeout {shown} is under {MINIMUM_CREATE_MINUTES}m: "
        "an encrypted root volume can take up to an hour"
    ]


def check_directory_access(resource: ResourceView, config: DirectoryConfig) -> list[str]:
    if resource.type != DIRECTORY:
        return []
    creation = resource.props.get("workspaceCreationProperties") or {}
    problems = []
    if creation.get("userEnabledAsLocalAdministrator") is True and not config.allow_local_administrator:
        problems.append(
            "users would be local administrators of their WorkSpaces (userEnabledAsLocalAdministrator)"
        )
    if creation.get("enableInternetAccess") is True and not config.allow_internet_access:
        problems.append("WorkSpaces would get direct internet access (enableInternetAccess)")
    return problems


_ENCRYPT_PAGE = "https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html"
RULES: tuple[Rule, ...] = (
    Rule(
        name="workspaces-volumes-encrypted-with-a-key-arn",
        description="WorkSpaces encrypt the required volumes with a customer managed key given by its ARN.",
        enforcement=MANDATORY,
        url=_ENCRYPT_PAGE,
        config=VolumesConfig,
        resource_check=check_workspace_volumes,
    ),
    Rule(
        name="workspaces-kms-key-compliant",
        description="The key a WorkSpace uses is symmetric, rotated, keeps the account-root statement and "
        "allows grants only for AWS resources.",
        enforcement=MANDATORY,
        url="https://docs.aws.amazon.com/kms/latest/developerguide/services-workspaces.html",
        config=KeyConfig,
        stack_check=check_workspace_keys,
    ),
    Rule(
        name="no-invalid-or-retired-actions",
        description="Key and IAM policies name no kms:ReEncrypt (not an action) and no retired wam: action.",
        enforcement=ADVISORY,
        url="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html",
        config=_RuleConfig,
        resource_check=check_invalid_or_retired_actions,
    ),
    Rule(
        name="workspaces-create-timeout",
        description="A WorkSpace with an encrypted root volume waits at least 60 minutes to be created.",
        enforcement=ADVISORY,
        url=_ENCRYPT_PAGE,
        config=_RuleConfig,
        resource_check=check_create_timeout,
    ),
    Rule(
        name="directory-no-local-admin-or-internet",
        description="WorkSpaces directories give users no local administrator rights and no direct internet "
        "access unless the pack allows it.",
        enforcement=ADVISORY,
        url="https://docs.aws.amazon.com/workspaces/latest/adminguide/update-directory-details.html",
        config=DirectoryConfig,
        resource_check=check_directory_access,
    ),
)
RULES_BY_NAME = {rule.name: rule for rule in RULES}


@dataclass(frozen=True)
class PackConfig:
    """Each rule's validated configuration, from the CrossGuard pack-config format."""

    rules: Mapping[str, _RuleConfig]

    @classmethod
    def parse(cls, raw: Mapping[str, Any] | None = None) -> PackConfig:
        raw = dict(raw or {})
        problems = [
            f"{name}: unknown rule (rules: {', '.join(RULES_BY_NAME)})"
            for name in raw
            if name not in RULES_BY_NAME
        ]
        rules: dict[str, _RuleConfig] = {}
        for rule in RULES:
            value = raw.get(rule.name, {})
            if isinstance(value, str):  # the pack-config shorthand: "rule": "advisory"
                value = {"enforcementLevel": value}
            try:
                rules[rule.name] = rule.config.model_validate(value)
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    path = ".".join(str(part) for part in (rule.name, *item["loc"]))
                    problems.append(f"{path}: {item['msg']} (got {item.get('input')!r})")
        if problems:
            raise PackConfigError(problems)
        return cls(rules)

    def enforcement(self, rule: Rule) -> str:
        return self.rules[rule.name].enforcement_level or rule.enforcement


def evaluate(resources: Sequence[ResourceView], config: PackConfig | None = None) -> list[Violation]:
    """Every violation of every enabled rule, in a stable order."""
    config = config or PackConfig.parse()
    violations = []
    for rule in RULES:
        level = config.enforcement(rule)
        if level == DISABLED:
            continue
        rule_config = config.rules[rule.name]
        if rule.resource_check:
            for resource in resources:
                violations += [
                    Violation(rule.name, level, resource.urn, m)
                    for m in rule.resource_check(resource, rule_config)
                ]
        if rule.stack_check:
            violations += [
                Violation(rule.name, level, urn, m) for urn, m in rule.stack_check(resources, rule_config)
            ]
    return sorted(violations)


def views_from_registrations(registrations: Iterable[Any]) -> list[ResourceView]:
    """ResourceViews from the offline recorder's registrations: output state and recorded options."""
    return [
        ResourceView(type=r.type, urn=r.urn, name=r.name, props=r.state or r.inputs, options=r.options)
        for r in registrations
        if r.custom
    ]
