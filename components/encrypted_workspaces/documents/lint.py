"""Policy linting: parliament's findings plus a check that every action exists (policy_sentry).

Needs the ``lint`` extra (parliament, policy-sentry); imported only by the plan command and tests.
"""

from __future__ import annotations

import copy
import fnmatch
import functools
import json
from dataclasses import dataclass

from .statements import IDENTITY, KEY_POLICY, TRUST_POLICY, named_actions, statements

# Findings we accept, and why (docs/architecture.md, "Invariants"): a key policy's "Resource": "*" means "this
# key", and AWS designed the WorkSpaces administrators' policy to be *-scoped.
ACCEPTED_ISSUES: frozenset[str] = frozenset({"RESOURCE_STAR"})
SEVERITY_ORDER = ("LOW", "MEDIUM", "HIGH", "CRITICAL")
UNKNOWN_ACTION = "UNKNOWN_ACTION_IN_POLICY_SENTRY"

__all__ = ["IDENTITY", "KEY_POLICY", "TRUST_POLICY", "Finding", "lint_policy", "unknown_actions"]


@dataclass(frozen=True, order=True)
class Finding:
    document: str
    issue: str
    severity: str
    detail: str

    @property
    def accepted(self) -> bool:
        return self.issue in ACCEPTED_ISSUES

    def at_least(self, severity: str) -> bool:
        return SEVERITY_ORDER.index(self.severity) >= SEVERITY_ORDER.index(severity)

    def line(self, width: int = 160) -> str:
        text = f"{self.severity:<8} {self.issue:<32} {self.document}: {self.detail}"
        return text if len(text) <= width else text[: width - 3] + "..."


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
        findings.add(Finding(name, finding.issue, finding.severity, detail))
    for action in unknown_actions(document):
        findings.add(
            Finding(name, UNKNOWN_ACTION, "HIGH", f"{action} names no action in policy_sentry's database")
        )
    return sorted(findings)
