"""What plan's summary says, as a Report (report.py), the same for every format: the resource tree,
the WorkSpaces, the outputs, the policy findings, config warnings, what was assumed offline, the
guardrails, the changes, the rollout, the files written, and the exit code and why."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from encrypted_workspaces.aws.types import WORKSPACE
from encrypted_workspaces.documents.lint import LINT_INSTALL, Finding
from encrypted_workspaces.offline.mocks import assumption
from encrypted_workspaces.offline.recorder import Invoke
from encrypted_workspaces.offline.runner import Deployment
from encrypted_workspaces.rollout import rollout_paragraph

from .documents import PolicyLint
from .grouping import counted, outputs_in_short
from .guardrails import GuardrailFinding
from .outcome import Outcome, workspaces_counted
from .render import canonical
from .report import Findings, Items, NamedFinding, Paragraph, Preformatted, Report, ReportSection
from .tree import resource_tree
from .workspaces_table import workspace_rows, workspaces_blocks

# At most this many users or resources are named under a guardrail finding, because a fleet's names
# would bury the summary; the count is always said.
NAMED_AT_MOST = 50


def findings_lines(lint: PolicyLint, blocking_severity: str) -> list[str]:
    if lint.skipped is not None:
        return [f"skipped: {lint.skipped}; the documents are written unlinted; to lint them: {LINT_INSTALL}"]
    lines = [f.line() for f in lint.findings if not f.accepted]
    accepted: dict[tuple[str, str], list[Finding]] = {}
    for finding in lint.findings:
        if (because := finding.accepted_because) is not None:
            accepted.setdefault((finding.issue, because), []).append(finding)
    for (issue, because), findings in accepted.items():
        documents = ", ".join(sorted({f.document for f in findings}))
        lines.append(f"accepted: {len(findings)} {issue} in {documents} ({because})")
    if not lint.blocking(blocking_severity):
        lines.append(f"no finding of {blocking_severity} or higher")
    return lines


def _names(names: tuple[str, ...]) -> tuple[str, ...]:
    """At most NAMED_AT_MOST of ``names``, then how many more."""
    shown = names[:NAMED_AT_MOST]
    return shown + ((f"and {len(names) - len(shown)} more",) if len(names) > len(shown) else ())


def named_findings(findings: list[GuardrailFinding]) -> list[NamedFinding]:
    """Each finding once: on one resource, named; on several, counted, and their names listed."""
    said = []
    for finding in findings:
        head = (finding.enforcement, finding.rule)
        if len(finding.resources) == 1:
            said.append(NamedFinding(*head, finding.resources[0], finding.message))
        elif finding.only_workspaces:
            on = workspaces_counted(finding)
            said.append(NamedFinding(*head, on, finding.message, "users", _names(finding.users)))
        else:
            on = f"{len(finding.resources)} resources"
            said.append(NamedFinding(*head, on, finding.message, "resources", _names(finding.resources)))
    return said


def guardrails_section(findings: list[GuardrailFinding], allowances: list[str]) -> ReportSection:
    blocks = [Items(allowances)] if allowances else []
    blocks.append(Findings(named_findings(findings)) if findings else Items(["no violation"]))
    return ReportSection("Guardrails (policies/workspaces-guardrails)", blocks)


def assumption_sections(invokes: Iterable[Invoke]) -> list[ReportSection]:
    """The section that says what the offline engine assumed for each look-up; none without look-ups."""
    lines = [line for i in invokes if (line := assumption(i.token, i.args, i.answer))]
    return [ReportSection(f"Assumed offline ({len(lines)} look-ups)", [Items(lines)])] if lines else []


def rollout_sections(creates: int) -> list[ReportSection]:
    """How long this update's creates take (rollout/): none when it creates no WorkSpace."""
    paragraph = rollout_paragraph(creates)
    return [ReportSection("Rollout", [Paragraph(paragraph)])] if paragraph else []


def outputs_section(outputs: dict, *, grouped: bool) -> ReportSection:
    shown = outputs_in_short(canonical(outputs)) if grouped else canonical(outputs)
    lines = json.dumps(shown, indent=2).splitlines()
    return ReportSection("Outputs", [Preformatted(lines, "json")], long=True)


def plan_report(
    *,
    deployment: Deployment,
    region: str,
    account_id: str,
    lint: PolicyLint,
    blocking_severity: str,
    config_notes: list[str],
    guardrails: list[GuardrailFinding],
    allowances: list[str],
    changes: ReportSection | None,
    creates: int,
    written: list[Path],
    outcome: Outcome,
    grouped: bool,
) -> Report:
    """The summary in order. ``grouped``: at fleet scale, what is the same said once (grouping.py)."""
    resources = deployment.resources
    workspaces = sum(r.type == WORKSPACE for r in resources)
    sections = [
        ReportSection(
            f"Resources ({counted(len(resources))})",
            [Preformatted(resource_tree(resources, grouped=grouped))],
            long=True,
        ),
        ReportSection(
            f"WorkSpaces ({counted(workspaces)})",
            workspaces_blocks(workspace_rows(resources), grouped=grouped),
        ),
        outputs_section(deployment.outputs, grouped=grouped),
        ReportSection(
            "Policy findings (parliament, policy_sentry)", [Items(findings_lines(lint, blocking_severity))]
        ),
        # What the config could not check offline, or AWS may refuse depending on the directory.
        *([ReportSection("Config warnings", [Items(config_notes)])] if config_notes else []),
        *assumption_sections(deployment.invokes),
        guardrails_section(guardrails, allowances),
        *([changes] if changes is not None else []),
        *rollout_sections(creates),
        ReportSection("Wrote", [Items([str(path) for path in written])], long=True),
    ]
    heading = f"Plan of {deployment.project}/{deployment.stack} in {region}, account {account_id}"
    return Report(heading, sections, outcome)
