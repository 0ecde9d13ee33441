"""What every rule shares: the resource view it judges, its violations, its settings base."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from encrypted_workspaces.settings import SettingsModel

MANDATORY, ADVISORY, DISABLED = "mandatory", "advisory", "disabled"
EnforcementLevel = Literal["mandatory", "advisory", "disabled"]


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


class RuleSettings(SettingsModel):
    """A rule's settings in the pack config; every rule takes ``enforcementLevel``.

    Each setting's docstring is its description in the pack's config schema (``crossguard``).
    """

    enforcement_level: EnforcementLevel | None = None
    """mandatory, advisory or disabled. Defaults to the rule's own level."""


ResourceCheck = Callable[[ResourceView, Any], Iterable[str]]
StackCheck = Callable[[Sequence[ResourceView], Any], Iterable[tuple[str, str]]]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    enforcement: str
    url: str
    settings: type[RuleSettings]
    resource_check: ResourceCheck | None = None  # one resource at a time
    stack_check: StackCheck | None = None  # the whole stack at once


def flag(props: Mapping[str, Any], key: str) -> bool:
    return props.get(key) is True


ENCRYPT_PAGE = "https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html"
