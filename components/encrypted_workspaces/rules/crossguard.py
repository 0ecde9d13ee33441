"""The guardrails as a CrossGuard policy pack: pulumi_policy wrappers around the pure rules.

Imported by the pack's ``__main__.py`` (which starts the analyzer server, so tests never import it)
and by tests, which call these wrappers with hand-built pulumi_policy arguments.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyPack,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)

from .base import ResourceView, Rule
from .pack import RULES, PackConfig

PACK_NAME = "encrypted-workspaces-guardrails"
_LEVELS = {
    "mandatory": EnforcementLevel.MANDATORY,
    "advisory": EnforcementLevel.ADVISORY,
    "disabled": EnforcementLevel.DISABLED,
}
# CrossGuard sets the level itself, from the pack config's enforcementLevel.
_HANDLED_BY_CROSSGUARD = "enforcementLevel"


def _timeouts(opts: Any) -> dict[str, float]:
    """The recorder's ``customTimeouts`` shape from CrossGuard's seconds (0 means unset)."""
    timeouts = getattr(opts, "custom_timeouts", None)
    seconds = getattr(timeouts, "create_seconds", 0) if timeouts else 0
    return {"create": f"{int(seconds)}s"} if seconds else {}


def _rule_config(rule: Rule, config: Mapping[str, Any]):
    """This rule's validated config; CrossGuard already applied the enforcement level."""
    settings = {key: value for key, value in dict(config).items() if key != "enforcementLevel"}
    return PackConfig.parse({rule.name: settings}).rules[rule.name]


def _without_titles(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {key: _without_titles(value) for key, value in schema.items() if key != "title"}
    if isinstance(schema, list):
        return [_without_titles(item) for item in schema]
    return schema


def _config_schema(rule: Rule) -> PolicyConfigSchema | None:
    """The rule's settings as CrossGuard's config schema: pydantic's JSON Schema of the settings model
    (types, item types, allowed values, lengths, defaults, descriptions), one property per setting."""
    schema = rule.settings.model_json_schema(by_alias=True)
    if "$defs" in schema:
        raise TypeError(f"{rule.name}: CrossGuard config schemas take no $defs; keep settings flat")
    properties = {
        name: _without_titles(value)
        for name, value in schema["properties"].items()
        if name != _HANDLED_BY_CROSSGUARD
    }
    if not properties:
        return None
    return PolicyConfigSchema(properties=properties, required=schema.get("required") or None)


def _described(rule: Rule) -> dict[str, Any]:
    """What CrossGuard shows of a rule, the same for resource and stack policies."""
    return {
        "name": rule.name,
        "description": rule.description,
        "enforcement_level": _LEVELS[rule.enforcement],
        "config_schema": _config_schema(rule),
    }


def resource_policy(rule: Rule) -> ResourceValidationPolicy:
    def validate(args: ResourceValidationArgs, report_violation: ReportViolation) -> None:
        view = ResourceView(
            type=args.resource_type,
            urn=args.urn,
            name=args.name,
            props=args.props,
            options={"customTimeouts": _timeouts(args.opts)},
        )
        for message in rule.resource_check(view, _rule_config(rule, args.get_config())):
            report_violation(f"{message} ({rule.url})", None)

    return ResourceValidationPolicy(validate=validate, **_described(rule))


def stack_policy(rule: Rule) -> StackValidationPolicy:
    def validate(args: StackValidationArgs, report_violation: ReportViolation) -> None:
        views = [
            ResourceView(
                type=r.resource_type,
                urn=r.urn,
                name=r.name,
                props=r.props,
                options={"customTimeouts": _timeouts(r.opts)},
            )
            for r in args.resources
        ]
        for urn, message in rule.stack_check(views, _rule_config(rule, args.get_config())):
            report_violation(f"{message} ({rule.url})", urn)

    return StackValidationPolicy(validate=validate, **_described(rule))


def policies() -> list[ResourceValidationPolicy | StackValidationPolicy]:
    return [resource_policy(rule) if rule.resource_check else stack_policy(rule) for rule in RULES]


def pack() -> PolicyPack:
    """The pack; constructing it starts CrossGuard's analyzer server, so only __main__.py calls it."""
    return PolicyPack(name=PACK_NAME, policies=policies())
