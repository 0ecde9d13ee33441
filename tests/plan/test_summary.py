"""plan's summary, piece by piece, from recorded registrations and violations (no engine): the WorkSpaces
table, the guardrail findings said once for every resource they hit, the accepted lint findings, and
the closing line with the exit code and why."""

from __future__ import annotations

import re

from encrypted_workspaces.aws.types import KMS_KEY, WORKSPACE
from encrypted_workspaces.documents.lint import IDENTITY, KEY_POLICY, TRUST_POLICY, Finding
from encrypted_workspaces.exit_codes import EXIT_DESTRUCTIVE, EXIT_FINDINGS, EXIT_OK
from encrypted_workspaces.offline.recorder import Registration
from encrypted_workspaces.plan.documents import PolicyLint
from encrypted_workspaces.plan.guardrails import guardrail_findings
from encrypted_workspaces.plan.outcome import outcome_line, plan_outcome
from encrypted_workspaces.plan.summary import NAMED_AT_MOST, findings_lines, guardrails_section
from encrypted_workspaces.plan.text import block_lines
from encrypted_workspaces.plan.workspaces_table import workspace_rows, workspaces_blocks
from encrypted_workspaces.rules import ADVISORY, MANDATORY, Violation

KEY = "arn:aws:kms:eu-west-1:123456789012:key/8ce7b8c6-d145-562d-9b5b-d9594d61751a"
ROTATION = "key workspaces-key: automatic key rotation must be enabled (enableKeyRotation is not true)"
KMS_RULE = "workspaces-kms-key-compliant"
COLUMNS = "USER BUNDLE COMPUTE RUNNING MODE AUTO-STOP MIN ROOT GIB USER GIB ROOT ENCRYPTED USER ENCRYPTED"


def workspace(user: str, key: str = KEY, **properties) -> Registration:
    return Registration(
        urn=f"urn:pulumi:s::p::{WORKSPACE}::workspaces-workspace-{user}",
        type=WORKSPACE,
        name=f"workspaces-workspace-{user}",
        parent="",
        custom=True,
        inputs={
            "userName": user,
            "bundleId": "wsb-bh8rsxt14",
            "rootVolumeEncryptionEnabled": True,
            "userVolumeEncryptionEnabled": True,
            "volumeEncryptionKey": key,
            "workspaceProperties": {
                "computeTypeName": "STANDARD",
                "runningMode": "AUTO_STOP",
                "runningModeAutoStopTimeoutInMinutes": 60,
                "rootVolumeSizeGib": 80,
                "userVolumeSizeGib": 50,
                **properties,
            },
        },
    )


def users_table(rows) -> list[str]:
    """The WorkSpaces table as text prints it (every row, as --verbose)."""
    return [line for block in workspaces_blocks(rows) for line in block_lines(block)]


def guardrail_lines(findings) -> list[str]:
    """The guardrail findings as text prints them."""
    return [line for block in guardrails_section(findings, []).blocks for line in block_lines(block)]


def fleet(size: int) -> list[Registration]:
    return [workspace(f"user{number:02d}") for number in range(size)]


# --- the WorkSpaces table -----------------------------------------------------------------------


def test_the_table_shows_volume_sizes_and_auto_stop_and_the_shared_key_once_above_it():
    resources = [
        workspace("alice", rootVolumeSizeGib=175, userVolumeSizeGib=100),
        workspace("bob", runningMode="ALWAYS_ON", runningModeAutoStopTimeoutInMinutes=None),
    ]
    resources[1].inputs["workspaceProperties"].pop("runningModeAutoStopTimeoutInMinutes")
    lines = users_table(workspace_rows(resources))
    assert lines[0] == f"key of every WorkSpace: {KEY}"
    assert [line.split() for line in lines[1:]] == [
        row.split()
        for row in (
            COLUMNS,
            "alice wsb-bh8rsxt14 STANDARD AUTO_STOP 60 175 100 yes yes",
            "bob wsb-bh8rsxt14 STANDARD ALWAYS_ON - 80 50 yes yes",
        )
    ]
    assert sum(KEY in line for line in lines) == 1


def test_the_table_keeps_a_key_column_when_the_workspaces_have_different_keys():
    other = KEY.replace("8ce7b8c6", "00000000")
    lines = users_table(workspace_rows([workspace("alice"), workspace("bob", other), workspace("eve", "")]))
    assert lines[0].split()[-1] == "KEY"
    assert [line.split()[-1] for line in lines[1:]] == [KEY, other, "-"]


def test_the_table_says_when_there_are_no_workspaces():
    assert users_table(workspace_rows([])) == ["(no WorkSpaces)"]


# --- guardrail findings -------------------------------------------------------------------------


def violations_of(resources: list[Registration], message: str = ROTATION) -> list[Violation]:
    return [Violation(KMS_RULE, MANDATORY, r.urn, message) for r in resources]


def test_a_finding_on_every_workspace_is_one_line_with_the_count_then_the_users():
    resources = fleet(44)
    findings = guardrail_findings(violations_of(resources), resources)
    lines = guardrail_lines(findings)
    assert lines[0] == f"mandatory {KMS_RULE}  all 44 WorkSpaces: {ROTATION}"
    assert sum(ROTATION in line for line in lines) == 1
    named = " ".join(lines[1:]).removeprefix("  users: ").replace(",", " ").split()
    assert named == [f"user{number:02d}" for number in range(44)]


def test_a_finding_on_some_workspaces_counts_them_against_the_stack_and_names_only_them():
    resources = fleet(5)
    findings = guardrail_findings(violations_of(resources[1:3]), resources)
    assert guardrail_lines(findings) == [
        f"mandatory {KMS_RULE}  2 of 5 WorkSpaces: {ROTATION}",
        "  users: user01, user02",
    ]


def test_a_finding_on_one_resource_names_it_in_its_line():
    resources = fleet(3)
    findings = guardrail_findings(violations_of(resources[:1]), resources)
    assert guardrail_lines(findings) == [f"mandatory {KMS_RULE}  workspaces-workspace-user00: {ROTATION}"]


def test_different_messages_rules_or_levels_stay_apart():
    resources = fleet(2)
    violations = [
        *violations_of(resources),
        Violation(KMS_RULE, MANDATORY, resources[0].urn, "another problem"),
        Violation("workspaces-create-timeout", ADVISORY, resources[0].urn, ROTATION),
    ]
    findings = guardrail_findings(violations, resources)
    assert [(f.rule, f.message, f.users) for f in findings] == [
        ("workspaces-create-timeout", ROTATION, ("user00",)),
        (KMS_RULE, "another problem", ("user00",)),
        (KMS_RULE, ROTATION, ("user00", "user01")),
    ]


def test_a_fleets_names_are_cut_after_a_limit_and_the_rest_counted():
    resources = fleet(NAMED_AT_MOST + 30)
    lines = guardrail_lines(guardrail_findings(violations_of(resources), resources))
    assert lines[0].startswith(f"mandatory {KMS_RULE}  all {NAMED_AT_MOST + 30} WorkSpaces: ")
    assert lines[-1].endswith("and 30 more")
    assert len(re.findall(r"user\d\d", " ".join(lines[1:]))) == NAMED_AT_MOST


def test_resources_other_than_workspaces_are_named_by_their_logical_names():
    keys = [
        Registration(f"urn:pulumi:s::p::{KMS_KEY}::{name}", KMS_KEY, name, "", True, {})
        for name in ("key-a", "key-b")
    ]
    findings = guardrail_findings(violations_of(keys, "not rotated"), keys)
    assert guardrail_lines(findings) == [
        f"mandatory {KMS_RULE}  2 resources: not rotated",
        "  resources: key-a, key-b",
    ]


# --- the closing line ---------------------------------------------------------------------------


def outcome(resources=(), violations=(), *, blocking=0, destructive=None, skipped=False):
    return plan_outcome(
        blocking_findings=blocking,
        blocking_severity="MEDIUM",
        guardrails=guardrail_findings(violations, list(resources)),
        destructive=destructive,
        lint_skipped=skipped,
    )


def test_the_closing_line_says_exit_3_and_the_mandatory_violation_on_all_workspaces():
    resources = fleet(44)
    result = outcome(resources, violations_of(resources))
    assert result.code == EXIT_FINDINGS
    assert outcome_line(result) == (
        f"Exit 3: 1 mandatory guardrail violation ({KMS_RULE} on all 44 WorkSpaces)"
    )


def test_the_closing_line_says_exit_0_and_what_was_checked():
    assert (
        outcome_line(outcome())
        == "Exit 0: no policy finding of MEDIUM or higher, no mandatory guardrail violation"
    )
    against = outcome(destructive=0)
    assert (against.code, outcome_line(against).endswith(", no destructive change")) == (EXIT_OK, True)
    assert outcome_line(outcome(skipped=True)).startswith("Exit 0: policy lint skipped, ")


def test_advisory_violations_do_not_fail_the_plan():
    resources = fleet(2)
    violations = [Violation("workspaces-create-timeout", ADVISORY, r.urn, "short") for r in resources]
    assert outcome(resources, violations).code == EXIT_OK


def test_a_destructive_change_decides_exit_4_and_the_findings_are_still_said():
    resources = fleet(1)
    result = outcome(resources, violations_of(resources), blocking=2, destructive=1)
    assert result.code == EXIT_DESTRUCTIVE
    assert outcome_line(result) == (
        "Exit 4: 1 destructive change; also 2 policy findings of MEDIUM or higher, "
        f"1 mandatory guardrail violation ({KMS_RULE} on workspaces-workspace-user00), "
        "which alone would exit 3"
    )


# --- accepted lint findings ---------------------------------------------------------------------


def star(document: str, kind: str) -> Finding:
    return Finding(document, "RESOURCE_STAR", "LOW", "", kind)


def test_accepted_findings_are_explained_by_the_kind_of_document_they_are_in():
    lint = PolicyLint([star("workspaces-key", KEY_POLICY), star("workspaces-workspaces-admin", IDENTITY)])
    assert findings_lines(lint, "MEDIUM") == [
        'accepted: 1 RESOURCE_STAR in workspaces-key (in a key policy, "Resource": "*" means the key itself)',
        "accepted: 1 RESOURCE_STAR in workspaces-workspaces-admin "
        '(AWS documents the WorkSpaces administrators\' policy with "Resource": "*")',
        "no finding of MEDIUM or higher",
    ]


def test_with_an_existing_key_no_note_claims_a_key_policy_of_ours():
    # key.existing: the stack sends no key policy, so nothing may speak of one.
    lines = findings_lines(PolicyLint([star("workspaces-workspaces-admin", IDENTITY)]), "MEDIUM")
    assert not any("key policy" in line for line in lines)


def test_a_finding_the_reason_does_not_cover_is_not_accepted():
    finding = star("role", TRUST_POLICY)
    assert not finding.accepted
    assert findings_lines(PolicyLint([finding]), "MEDIUM") == [
        finding.line(),
        "no finding of MEDIUM or higher",
    ]
