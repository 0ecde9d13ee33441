"""plan's exit code and what decides it, for the closing line of its summary (docs/plan-details.md,
exit codes).

Precedence as ``exit_codes`` has it: a destructive change (4) outranks findings (3). What is found
besides the deciding reason is said too, so a reviewer who fixes the destructive change knows that the
plan would still exit 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from encrypted_workspaces.exit_codes import EXIT_DESTRUCTIVE, EXIT_FINDINGS, EXIT_OK

from .guardrails import GuardrailFinding


@dataclass(frozen=True)
class Outcome:
    code: int
    because: list[str]  # what decides the code (for 0: what was checked and not found)
    also: list[str]  # what else fails the plan, outranked by the deciding reason


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def workspaces_counted(finding: GuardrailFinding) -> str:
    """ "all 44 WorkSpaces", "3 of 44 WorkSpaces" (a finding on WorkSpaces only)."""
    if finding.every_workspace:
        return f"all {_count(finding.workspaces_in_stack, 'WorkSpace')}"
    return f"{len(finding.users)} of {_count(finding.workspaces_in_stack, 'WorkSpace')}"


def _on(finding: GuardrailFinding) -> str:
    if finding.only_workspaces and len(finding.users) > 1:
        return workspaces_counted(finding)
    return finding.resources[0] if len(finding.resources) == 1 else _count(len(finding.resources), "resource")


def plan_outcome(
    *,
    blocking_findings: int,
    blocking_severity: str,
    guardrails: Sequence[GuardrailFinding],
    destructive: int | None,
    lint_skipped: bool,
) -> Outcome:
    """The exit code and why. ``destructive`` is None without ``--against`` (nothing was compared)."""
    mandatory = [finding for finding in guardrails if finding.mandatory]
    findings = []
    if blocking_findings:
        findings.append(f"{_count(blocking_findings, 'policy finding')} of {blocking_severity} or higher")
    if mandatory:
        rules = ", ".join(f"{finding.rule} on {_on(finding)}" for finding in mandatory)
        findings.append(f"{_count(len(mandatory), 'mandatory guardrail violation')} ({rules})")
    if destructive:
        return Outcome(EXIT_DESTRUCTIVE, [f"{_count(destructive, 'destructive change')}"], findings)
    if findings:
        return Outcome(EXIT_FINDINGS, findings, [])
    checked = [
        "policy lint skipped" if lint_skipped else f"no policy finding of {blocking_severity} or higher",
        "no mandatory guardrail violation",
    ]
    if destructive is not None:
        checked.append("no destructive change")
    return Outcome(EXIT_OK, checked, [])


def outcome_line(outcome: Outcome) -> str:
    """The closing line: the exit code and why."""
    line = f"Exit {outcome.code}: {', '.join(outcome.because)}"
    if outcome.also:
        line += f"; also {', '.join(outcome.also)}, which alone would exit {EXIT_FINDINGS}"
    return line
