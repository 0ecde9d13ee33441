"""The checks one by one, over dicts shaped as boto3 returns them: what moto cannot put in a state
(a key KMS cannot use, a deleted key, an AWS managed key as DescribeKey reports it) is tested here."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from encrypted_workspaces.audit import checks
from encrypted_workspaces.audit.snapshot import KeyFacts, Snapshot, alias_target_arn
from encrypted_workspaces.audit.stack import StackExpectation
from tests.audit.seed import documented_key_policy

KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
DIRECTORY = "d-1234567890"


def workspace(user="alice", key=KEY, root=True, user_volume=True, ws_id="ws-000000001") -> dict:
    found = {"WorkspaceId": ws_id, "DirectoryId": DIRECTORY, "UserName": user, "VolumeEncryptionKey": key}
    # DescribeWorkspaces leaves false flags out of its answer; so does moto.
    found |= {"RootVolumeEncryptionEnabled": True} if root else {}
    found |= {"UserVolumeEncryptionEnabled": True} if user_volume else {}
    return found


def metadata(**changes) -> dict:
    return {
        "Arn": KEY,
        "KeyState": "Enabled",
        "KeyManager": "CUSTOMER",
        "KeySpec": "SYMMETRIC_DEFAULT",
        "KeyUsage": "ENCRYPT_DECRYPT",
    } | changes


def ids(findings) -> list[tuple[str, str]]:
    return [(f.check, f.resource) for f in findings]


def test_an_encrypted_workspace_on_a_customer_key_has_no_finding():
    assert checks.volume_findings(workspace()) == []
    assert checks.workspace_key_findings(workspace(), metadata(), None, None) == []


def test_a_volume_flag_left_out_means_not_encrypted():
    assert ids(checks.volume_findings(workspace(user_volume=False))) == [
        ("workspace-user-volume-unencrypted", "ws-000000001")
    ]


def test_encryption_with_no_key_recorded_or_an_aws_managed_one_is_the_aws_managed_key():
    aws_managed_arn = "arn:aws:kms:eu-west-1:123456789012:alias/aws/workspaces"
    cases = [
        (workspace(key=""), None),
        (workspace(key=aws_managed_arn), None),
        (workspace(), metadata(KeyManager="AWS")),
    ]
    for found, meta in cases:
        assert ids(checks.workspace_key_findings(found, meta, None, None)) == [
            ("workspace-aws-managed-key", "ws-000000001")
        ]


def test_an_unencrypted_workspace_has_no_key_finding():
    assert checks.workspace_key_findings(workspace(root=False, user_volume=False), None, None, None) == []


def test_key_states_kms_cannot_use_are_findings_and_passing_states_are_not():
    deletion = datetime.datetime(2026, 12, 8, tzinfo=datetime.UTC)
    expected = {
        "Enabled": [],
        "Creating": [],
        "Updating": [],
        "Disabled": ["key-disabled"],
        "PendingDeletion": ["key-pending-deletion"],
        "PendingReplicaDeletion": ["key-pending-deletion"],
        "PendingImport": ["key-unusable"],
        "Unavailable": ["key-unusable"],
    }
    for state, found in expected.items():
        findings = checks.key_state_findings(metadata(KeyState=state, DeletionDate=deletion), ["ws-1"])
        assert [f.check for f in findings] == found, state
    pending = checks.key_state_findings(metadata(KeyState="PendingDeletion", DeletionDate=deletion), ["ws-1"])
    assert pending[0].message == "the key is scheduled for deletion on 2026-12-08 (PendingDeletion); " + (
        "used by 1 WorkSpace (ws-1)"
    )


def test_a_key_for_signing_is_not_symmetric():
    findings = checks.key_spec_findings(metadata(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY"), [])
    assert ids(findings) == [("key-not-symmetric", KEY)]


def test_rotation_off_is_a_finding_and_rotation_not_read_is_not():
    assert ids(checks.key_rotation_findings(metadata(), False, [])) == [("key-not-rotated", KEY)]
    assert checks.key_rotation_findings(metadata(), None, []) == []
    assert checks.key_rotation_findings(metadata(), True, []) == []


def test_the_documented_key_policy_has_no_finding():
    assert checks.key_policy_findings(metadata(), json.dumps(documented_key_policy()), []) == []


def test_a_policy_that_is_not_json_has_no_account_root_statement():
    assert ids(checks.key_policy_findings(metadata(), "not json", [])) == [
        ("key-policy-no-account-root", KEY)
    ]


def test_a_grant_statement_without_a_sid_is_named_as_such():
    policy = documented_key_policy()
    grants = policy["Statement"][3]
    del grants["Sid"], grants["Condition"]
    (finding,) = checks.key_policy_findings(metadata(), json.dumps(policy), [])
    assert finding.check == "key-policy-grant-without-condition"
    assert finding.message.startswith("statement (no Sid) allows grants without the condition")


def test_a_key_used_by_many_workspaces_names_five_and_counts_the_rest():
    users = [f"ws-{n}" for n in range(7)]
    (finding,) = checks.key_rotation_findings(metadata(), False, users)
    assert finding.message.endswith("used by 7 WorkSpaces (ws-0, ws-1, ws-2, ws-3, ws-4 and 2 more)")


def test_a_deleted_key_is_a_finding_naming_its_workspaces():
    snapshot = Snapshot(
        workspaces=[workspace()],
        directories=[],
        keys={},
        arn_of={},
        missing_keys=(KEY,),
        aws_managed_references=(),
    )
    findings = checks.audit_findings(snapshot, None)
    assert ids(findings) == [("key-not-found", KEY)]
    assert findings[0].message == "no such key in KMS; used by 1 WorkSpace (ws-000000001)"


def test_stack_user_names_match_whatever_their_case():
    stack = StackExpectation("dev", "eu-west-1", "123456789012", DIRECTORY, frozenset({"alice"}), "alias/x")
    snapshot = Snapshot(
        workspaces=[workspace(user="Alice")],
        directories=[{"DirectoryId": DIRECTORY}],
        keys={KEY: KeyFacts(metadata(), True, json.dumps(documented_key_policy()))},
        arn_of={KEY: KEY},
        missing_keys=(),
        aws_managed_references=(),
        stack_key_arn=KEY,
    )
    assert checks.audit_findings(snapshot, stack) == []


def test_an_alias_arn_and_target_make_the_key_arn():
    aliases = [
        {
            "AliasName": "alias/aws/workspaces",
            "AliasArn": "arn:aws:kms:eu-west-1:123456789012:alias/aws/workspaces",
        },
        {
            "AliasName": "alias/workspaces-dev",
            "AliasArn": "arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/workspaces-dev",
            "TargetKeyId": "1234abcd-12ab-34cd-56ef-1234567890ab",
        },
    ]
    assert alias_target_arn(aliases, "alias/workspaces-dev") == (
        "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    )
    assert alias_target_arn(aliases, "alias/aws/workspaces") is None  # no key behind it yet
    assert alias_target_arn(aliases, "alias/nope") is None


def _snapshot_of(*workspaces: dict) -> Snapshot:
    return Snapshot(
        workspaces=list(workspaces),
        directories=[{"DirectoryId": DIRECTORY}],
        keys={KEY: KeyFacts(metadata(), True, json.dumps(documented_key_policy()))},
        arn_of={KEY: KEY},
        missing_keys=(),
        aws_managed_references=(),
        stack_key_arn=KEY,
    )


def test_a_user_of_a_later_wave_is_neither_missing_a_workspace_nor_unknown():
    # bob's wave has not come and he has a WorkSpace already (one to adopt with importId, say); carol's
    # has not come either and she has none.
    snapshot = _snapshot_of(workspace(user="alice"), workspace(user="bob", ws_id="ws-000000002"))
    waves = StackExpectation(
        "dev",
        "eu-west-1",
        "123456789012",
        DIRECTORY,
        frozenset({"alice"}),
        "alias/x",
        waiting=frozenset({"bob", "carol"}),
    )
    assert checks.audit_findings(snapshot, waves) == []
    without_waves = StackExpectation(
        "dev", "eu-west-1", "123456789012", DIRECTORY, frozenset({"alice"}), "alias/x"
    )
    assert ids(checks.audit_findings(snapshot, without_waves)) == [
        ("stack-workspace-unknown", "ws-000000002")
    ]


def test_a_stacks_expectation_is_the_users_of_the_deployed_waves(tmp_path):
    import yaml

    from encrypted_workspaces.audit.stack import read_stack_expectation
    from tests.conftest import flat_config, valid_namespace

    namespace = valid_namespace()
    namespace["workspaces"]["users"] = {"Alice": {}, "bob": {"wave": 2}, "carol": {"wave": 3}}
    namespace["workspaces"]["wave"] = 2
    path = tmp_path / "Pulumi.audited.yaml"
    path.write_text(yaml.safe_dump({"config": flat_config(namespace)}))
    stack = read_stack_expectation(Path(__file__).resolve().parents[2], None, path)
    assert (stack.users, stack.waiting) == (frozenset({"alice", "bob"}), frozenset({"carol"}))
