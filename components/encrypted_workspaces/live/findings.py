"""What the live commands report about an account: a finding of a check, by check id, resource,
severity and message (the JSON's ``{"check", "resource", "severity", "message"}`` of both the audit
and preflight), and the checks themselves. Each command has its own severities and their order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LiveFinding:
    check: str
    resource: str
    severity: str
    message: str


@dataclass(frozen=True)
class LiveCheck:
    id: str
    severity: str
    summary: str

    def finding(self, resource: str, message: str) -> LiveFinding:
        return LiveFinding(self.id, resource, self.severity, message)


def most_severe_first(severities: Sequence[str]) -> Callable[[LiveFinding], tuple]:
    """The report's order: ``severities`` (most severe first), then check, resource and message, so
    that the same account gives the same report."""

    def key(finding: LiveFinding) -> tuple:
        return (severities.index(finding.severity), finding.check, finding.resource, finding.message)

    return key
