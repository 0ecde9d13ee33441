"""The whole audit against one seeded moto account: every problem found by its own check, the
compliant resources named nowhere, the contract's JSON, the text table, and the stack's checks."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from encrypted_workspaces.audit.checks import CHECKS, SEVERITIES
from encrypted_workspaces.cli import main
from tests.audit.accounts import PAGE_FILLERS, STACK_ALIAS, SeededAccount, stack_file
from tests.audit.seed import REGION

STACK_USERS = ("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "zoe")


def run_audit(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["audit", *args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def json_audit(seeded) -> tuple[int, str, str]:
    """The seeded account's audit as JSON, run once for the tests that only read it."""
    return run_audit("--format", "json")


def findings_by_check(report: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["check"], set()).add(finding["resource"])
    return found


def account_findings(s: SeededAccount) -> dict[str, set[str]]:
    """What the audit must find in the seeded account, check by check, and nothing else."""
    return {
        "workspace-root-volume-unencrypted": {s.ws["bob"]},
        "workspace-user-volume-unencrypted": {s.ws["bob"], s.ws["carol"]},
        "workspace-aws-managed-key": {s.ws["grace"]},
        "key-disabled": {s.disabled_key},
        "key-pending-deletion": {s.pending_key},
        "key-not-rotated": {s.unrotated_key},
        "key-not-symmetric": {s.asymmetric_key},
        "key-policy-no-account-root": {s.no_root_key},
        "key-policy-grant-without-condition": {s.unconditioned_key},
        "directory-local-administrator": {s.open_directory},
        "directory-internet-access": {s.open_directory},
    }


def write_stack(tmp_path, seeded: SeededAccount, **changes) -> str:
    """A stack file for the seeded account's directory and users."""
    directory = changes.get("directory", seeded.directory)
    alias = changes.get("alias", STACK_ALIAS)
    key = changes.get("key")
    return str(stack_file(tmp_path, directory, (*STACK_USERS, *PAGE_FILLERS), alias, key))


def test_each_problem_is_found_by_its_own_check_and_nothing_else(seeded, json_audit):
    code, out, err = json_audit
    report = json.loads(out)
    assert (code, err) == (3, "")
    assert findings_by_check(report) == account_findings(seeded)
    # 9 keys: 8 customer managed ones and the AWS managed one grace's WorkSpace names.
    assert report["checked"] == {"workspaces": len(seeded.ws), "keys": 9, "directories": 2}


def test_compliant_resources_are_named_nowhere(seeded, json_audit):
    _, out, _ = json_audit
    compliant = [seeded.ws[user] for user in ("alice", "oscar", "mallory", *PAGE_FILLERS)]
    assert [name for name in [*compliant, seeded.stack_key, seeded.other_key] if name in out] == []
    assert seeded.directory not in {f["resource"] for f in json.loads(out)["findings"]}


def test_json_has_the_contract_shape_and_a_stable_order(seeded, json_audit):
    _, first, _ = json_audit
    _, second, _ = run_audit("--format", "json")
    report = json.loads(first)
    assert first == second
    assert list(report) == ["findings", "checked"]
    assert all(list(f) == ["check", "resource", "severity", "message"] for f in report["findings"])
    order = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
    severities = [f["severity"] for f in report["findings"]]
    assert severities == sorted(severities, key=order.index)


def test_messages_name_the_resource_and_the_workspaces_on_a_key(seeded, json_audit):
    _, out, _ = json_audit
    messages = {(f["check"], f["resource"]): f["message"] for f in json.loads(out)["findings"]}
    assert messages[("workspace-root-volume-unencrypted", seeded.ws["bob"])].startswith(
        f"the WorkSpace of bob in {seeded.directory}: the root volume is not encrypted"
    )
    assert messages[("key-disabled", seeded.disabled_key)] == (
        f"the key is disabled; used by 1 WorkSpace ({seeded.ws['dave']})"
    )
    assert "alias/aws/workspaces" in messages[("workspace-aws-managed-key", seeded.ws["grace"])]


def test_text_report_is_an_aligned_table_with_a_summary(seeded):
    code, out, _ = run_audit()
    lines = out.splitlines()
    header, rows = lines[0], lines[1 : lines.index("")]
    assert code == 3
    assert header.split() == ["SEVERITY", "CHECK", "RESOURCE", "MESSAGE"]
    assert len(rows) == sum(len(resources) for resources in account_findings(seeded).values())
    for column in ("CHECK", "RESOURCE"):
        assert {row[header.index(column) - 2 : header.index(column)] for row in rows} == {"  "}
    assert lines[-1] == (
        f"Checked {len(seeded.ws)} WorkSpaces, 9 keys and 2 directories in {REGION}: {len(rows)} findings."
    )


def test_with_a_stack_its_users_directory_and_key_are_compared(seeded, tmp_path):
    code, out, err = run_audit("--config", write_stack(tmp_path, seeded), "--format", "json")
    found = findings_by_check(json.loads(out))
    on_other_keys = {seeded.ws[u] for u in ("dave", "erin", "frank", "heidi", "ivan", "judy", "mallory")}
    assert (code, err) == (3, "")
    assert found == {
        **account_findings(seeded),
        "workspace-not-stack-key": on_other_keys,
        "stack-workspace-missing": {f"{seeded.directory}/zoe"},
        "stack-workspace-unknown": {seeded.ws["mallory"]},
    }
    # oscar's WorkSpace is on another key too, but in another directory than the stack's.
    assert seeded.ws["oscar"] not in out


@pytest.mark.parametrize("reference", ["key ARN", "alias"])
def test_a_stack_on_an_existing_key_is_compared_with_that_key(seeded, tmp_path, reference):
    existing = seeded.stack_key if reference == "key ARN" else STACK_ALIAS
    stack = write_stack(tmp_path, seeded, key={"existing": existing})
    code, out, _ = run_audit("--config", stack, "--format", "json")
    found = findings_by_check(json.loads(out))
    on_other_keys = {seeded.ws[u] for u in ("dave", "erin", "frank", "heidi", "ivan", "judy", "mallory")}
    assert code == 3
    assert found["workspace-not-stack-key"] == on_other_keys
    assert "stack-key-not-found" not in found


def test_a_stack_whose_alias_and_directory_are_absent_gets_one_finding_each(seeded, tmp_path):
    stack = write_stack(tmp_path, seeded, alias="alias/nobody-has-this", directory="d-0000000000")
    _, out, _ = run_audit("--config", stack, "--format", "json")
    found = findings_by_check(json.loads(out))
    assert found["stack-key-not-found"] == {"alias/nobody-has-this"}
    assert found["stack-directory-not-registered"] == {"d-0000000000"}
    assert "stack-workspace-missing" not in found and "workspace-not-stack-key" not in found


def test_every_check_has_a_unique_kebab_case_id_and_a_known_severity():
    ids = [check.id for check in CHECKS]
    assert len(ids) == len(set(ids))
    assert all(i.replace("-", "").isalpha() and i == i.lower() for i in ids)
    assert {check.severity for check in CHECKS} <= set(SEVERITIES)
    assert set(SEVERITIES) == {"warning", "LOW", "MEDIUM", "HIGH", "CRITICAL"}


def test_the_audit_page_documents_every_check_with_its_severity():
    page = (Path(__file__).resolve().parents[2] / "docs" / "audit.md").read_text()
    for check in CHECKS:
        assert f"| `{check.id}` | {check.severity} | {check.summary} |" in page
