"""Policy linting: parliament's findings plus a check that every action exists (policy_sentry).

Needs the ``lint`` extra (parliament, policy-sentry); imported only by the plan command and tests. Without
it, ``lint_unavailable`` says why, so plan can skip the lint and say so instead of failing.
"""

from __future__ import annotations

import copy
import fnmatch
import functools
import importlib
import json
from dataclasses import dataclass

from .statements import IDENTITY, KEY_POLICY, TRUST_POLICY, named_actions, statements

# Findings we accept, by the kind of document they are in, and why (docs/architecture.md, "Invariants").
# Only where the reason holds: a RESOURCE_STAR in a trust policy, say, stays a finding.
ACCEPTED: dict[str, dict[str, str]] = {
    "RESOURCE_STAR": {
        # "In a key policy, the value of the Resource element is "*", which means "this KMS key"":
        # https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
        KEY_POLICY: 'in a key policy, "Resource": "*" means the key itself',
        # "Encrypted WorkSpaces", Part 2, the IAM policy for WorkSpaces administrators:
        # https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
        IDENTITY: 'AWS documents the WorkSpaces administrators\' policy with "Resource": "*"',
    },
}
SEVERITY_ORDER = ("LOW", "MEDIUM", "HIGH", "CRITICAL")
UNKNOWN_ACTION = "UNKNOWN_ACTION_IN_POLICY_SENTRY"
# The modules of the ``lint`` extra (pyproject.toml), and how to install them.
LINT_MODULES = ("parliament", "policy_sentry")
LINT_INSTALL = "pip install 'encrypted-workspaces[lint]'"

__all__ = [
    "IDENTITY",
    "KEY_POLICY",
    "LINT_INSTALL",
    "TRUST_POLICY",
    "Finding",
    "lint_policy",
    "lint_unavailable",
    "unknown_actions",
]


@dataclass(frozen=True, order=True)
class Finding:
    document: str
    issue: str
    severity: str
    detail: str
    kind: str = IDENTITY  # of the document: IDENTITY, KEY_POLICY or TRUST_POLICY

    @property
    def accepted(self) -> bool:
        return self.accepted_because is not None

    @property
    def accepted_because(self) -> str | None:
        """Why this finding is accepted in this kind of document, or None: it is not."""
        return ACCEPTED.get(self.issue, {}).get(self.kind)

    def at_least(self, severity: str) -> bool:
        return SEVERITY_ORDER.index(self.severity) >= SEVERITY_ORDER.index(severity)

    def line(self, width: int = 160) -> str:
        text = f"{self.severity:<8} {self.issue:<32} {self.document}: {self.detail}"
        return text if len(text) <= width else text[: width - 3] + "..."


def lint_unavailable() -> str | None:
    """Why the policy lint cannot run here (the ``lint`` extra is not installed, or broken), or None.

    Imports the modules, rather than only finding them, because an installed parliament can still fail
    to import (it needs pkg_resources, which setuptools 82 removed; the extra pins setuptools below it).
    """
    for name in LINT_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as error:
            return f"{name} cannot be imported ({error})"
    return None


@functools.lru_cache(maxsize=1)
def _known_actions() -> frozenset[str]:
    from policy_sentry.querying.all import get_all_actions

    return frozenset(action.lower() for action in get_all_actions())


def unknown_actions(document: dict) -> list[str]:
    """Actions (or wildcard patterns) that name no action in policy_sentry's database."""
    known = _known_actions()
    missing = []
    for statement in statements(document):
        for action in named_actions(statement):
            pattern = action.lower()
            exists = fnmatch.filter(known, pattern) if any(c in pattern for c in "*?") else pattern in known
            if not exists and action not in missing:
                missing.append(action)
    return missing


def _as_parliament_sees_it(document: dict, kind: str, attached_to: str | None) -> dict:
    if kind != TRUST_POLICY:
        return document
    # IAM forbids "Resource" in a trust policy: its resource is the role it is attached to. Parliament
    # (identity-policy minded) would call the statement MALFORMED, so lint it on the role's ARN.
    if not attached_to:
        raise ValueError("a trust policy is linted on the ARN of its role: pass attached_to")
    linted = copy.deepcopy(document)
    for statement in statements(linted):
        statement.setdefault("Resource", attached_to)
    return linted


def lint_policy(
    name: str, document: dict, *, kind: str = IDENTITY, attached_to: str | None = None
) -> list[Finding]:
    """Every finding for one policy document, the accepted ones included (see ``Finding.accepted``)."""
    from parliament import analyze_policy_string, enhance_finding

    analysed = analyze_policy_string(json.dumps(_as_parliament_sees_it(document, kind, attached_to)))
    findings = set()
    for raw in analysed.findings:
        finding = enhance_finding(raw)
        detail = (
            finding.detail if isinstance(finding.detail, str) else json.dumps(finding.detail, sort_keys=True)
        )
        findings.add(Finding(name, finding.issue, finding.severity, detail, kind))
    for action in unknown_actions(document):
        findings.add(
            Finding(
                name, UNKNOWN_ACTION, "HIGH", f"{action} names no action in policy_sentry's database", kind
            )
        )
    return sorted(findings)
