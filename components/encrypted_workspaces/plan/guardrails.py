"""The guardrail rules over what the offline engine recorded."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from encrypted_workspaces.aws.types import GET_KMS_KEY, WORKSPACE
from encrypted_workspaces.offline.recorder import Invoke, Registration
from encrypted_workspaces.rules import MANDATORY, PackConfig, ResourceView, Violation
from encrypted_workspaces.rules.kms_key import RULE as KMS_KEY_RULE


def views_from_registrations(registrations: Iterable[Registration]) -> list[ResourceView]:
    """ResourceViews from the offline recorder's registrations: output state and recorded options."""
    return [
        ResourceView(type=r.type, urn=r.urn, name=r.name, props=r.state or r.inputs, options=r.options)
        for r in registrations
        if r.custom
    ]


def allowing_named_keys(config: PackConfig, invokes: Iterable[Invoke]) -> tuple[PackConfig, list[str]]:
    """The pack config with each existing key the stack looks up (key.existing) allowed, and why.

    The kms-key rule judges resources only, and a key from outside the stack cannot be judged: it must
    be listed in allowedKeys. Under ``pulumi up`` that list is the policy administrator's. Offline, the
    key's ARN is the engine's assumption, so no one could list it in advance: a key the stack names
    is allowed when allowedKeys is empty, or when allowedKeys names it as the stack does (its alias or
    ARN); a key allowedKeys does not name stays a violation. Each allowance is said in plan's output.
    """
    looked_up = [
        (str(i.args.get("keyId")), str(i.answer.get("arn"))) for i in invokes if i.token == GET_KMS_KEY
    ]
    if not looked_up:
        return config, []
    settings = config.rules[KMS_KEY_RULE.name]
    listed = set(settings.allowed_keys)
    allowed, notes = list(settings.allowed_keys), []
    for named, arn in looked_up:
        if listed and named not in listed:
            continue
        allowed.append(arn)
        notes.append(
            f"allowed: key {arn} ({named}), because allowedKeys lists it"
            if listed
            else f"allowed: key {arn}, because the stack names it ({named}); it is outside the stack, so "
            "its policy and rotation are not checked: under pulumi up, list its ARN in allowedKeys"
        )
    rules = {**config.rules, KMS_KEY_RULE.name: settings.model_copy(update={"allowed_keys": allowed})}
    return PackConfig(rules), notes


@dataclass(frozen=True)
class GuardrailFinding:
    """One rule's message, once, with every resource it is said of (a stack rule such as the key's
    says the same of each WorkSpace that uses the key)."""

    rule: str
    enforcement: str
    message: str
    resources: tuple[str, ...]  # logical names, in URN order
    users: tuple[str, ...]  # the users of those that are WorkSpaces, in URN order
    workspaces_in_stack: int

    @property
    def mandatory(self) -> bool:
        return self.enforcement == MANDATORY

    @property
    def only_workspaces(self) -> bool:
        return len(self.users) == len(self.resources)

    @property
    def every_workspace(self) -> bool:
        return self.only_workspaces and len(self.users) == self.workspaces_in_stack


def guardrail_findings(
    violations: Iterable[Violation], registrations: Sequence[Registration]
) -> list[GuardrailFinding]:
    """The violations with the same rule, level and message as one finding each, in rule order."""
    users = {r.urn: str(r.inputs.get("userName")) for r in registrations if r.type == WORKSPACE}
    said: dict[tuple[str, str, str], list[str]] = {}
    for violation in sorted(violations):
        said.setdefault((violation.rule, violation.enforcement, violation.message), []).append(violation.urn)
    return [
        GuardrailFinding(
            rule=rule,
            enforcement=enforcement,
            message=message,
            resources=tuple(urn.rsplit("::", 1)[-1] for urn in urns),
            users=tuple(users[urn] for urn in urns if urn in users),
            workspaces_in_stack=len(users),
        )
        for (rule, enforcement, message), urns in sorted(said.items())
    ]
