"""The pack: every rule, each rule's settings from the CrossGuard pack-config format, and evaluation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from encrypted_workspaces.errors import ConfigError

from . import create_timeout, directory_access, invalid_actions, kms_key, workspace_volumes
from .base import DISABLED, ResourceView, Rule, RuleSettings, Violation

RULES: tuple[Rule, ...] = (
    workspace_volumes.RULE,
    kms_key.RULE,
    invalid_actions.RULE,
    create_timeout.RULE,
    directory_access.RULE,
)
RULES_BY_NAME = {rule.name: rule for rule in RULES}


@dataclass(frozen=True)
class PackConfig:
    """Each rule's validated settings, from the CrossGuard pack-config format."""

    rules: Mapping[str, RuleSettings]

    @classmethod
    def parse(cls, raw: Mapping[str, Any] | None = None) -> PackConfig:
        """Raises ConfigError: one line per problem, each starting with ``<rule>.<key>``."""
        raw = dict(raw or {})
        problems = [
            f"{name}: unknown rule (rules: {', '.join(RULES_BY_NAME)})"
            for name in raw
            if name not in RULES_BY_NAME
        ]
        rules: dict[str, RuleSettings] = {}
        for rule in RULES:
            value = raw.get(rule.name, {})
            if isinstance(value, str):  # the pack-config shorthand: "rule": "advisory"
                value = {"enforcementLevel": value}
            try:
                rules[rule.name] = rule.settings.model_validate(value)
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    path = ".".join(str(part) for part in (rule.name, *item["loc"]))
                    problems.append(f"{path}: {item['msg']} (got {item.get('input')!r})")
        if problems:
            raise ConfigError(problems)
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
        settings = config.rules[rule.name]
        if rule.resource_check:
            for resource in resources:
                violations += [
                    Violation(rule.name, level, resource.urn, m)
                    for m in rule.resource_check(resource, settings)
                ]
        if rule.stack_check:
            violations += [
                Violation(rule.name, level, urn, m) for urn, m in rule.stack_check(resources, settings)
            ]
    return sorted(violations)
