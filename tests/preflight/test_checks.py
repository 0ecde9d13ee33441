"""The checks and the rollout one by one, over dicts shaped as boto3 returns them: the cases the seeded
accounts do not reach (another account's principal, a key policy that names the administrators, topic
policies, importId mismatches, a Region the AZ table has no row for)."""

from __future__ import annotations

import json
from pathlib import Path

from encrypted_workspaces.aws.arns import IAM_PRINCIPAL_ARN
from encrypted_workspaces.config.workspaces import WorkspaceProperties
from encrypted_workspaces.live.findings import most_severe_first
from encrypted_workspaces.naming import user_identity
from encrypted_workspaces.preflight import checks
from encrypted_workspaces.preflight.readings import Unread
from encrypted_workspaces.preflight.rollout import Rollout, rollout_of
from encrypted_workspaces.preflight.stack import PreflightStack, PrincipalUse, StackUser

DIRECTORY = "d-1234567890"
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ADMIN = "arn:aws:iam::123456789012:role/WorkSpacesAdministrators"
TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts"
PROPERTIES = WorkspaceProperties(bundle_id="wsb-bh8rsxt14")


def principal(arn: str, *named_by: str) -> PrincipalUse:
    match = IAM_PRINCIPAL_ARN.match(arn)
    return PrincipalUse(
        arn, match["kind"], match["name"], match["account"], named_by, "administrators.principals" in named_by
    )


def stack(users=("alice", "bob"), imports=None, region="us-east-1", **changes) -> PreflightStack:
    imports = imports or {}
    settings = {
        "stack": "dev",
        "region": region,
        "account_id": "123456789012",
        "directory_id": DIRECTORY,
        "subnet_ids": ("subnet-0123456789abcdef0", "subnet-0fedcba987654321a"),
        "create_default_role": False,
        "users": {user_identity(u): StackUser(u, PROPERTIES, imports.get(u)) for u in users},
        "key_existing": None,
        "key_alias": "alias/workspaces-dev",
        "principals": (principal(ADMIN, "administrators.principals"),),
        "topic_arn": None,
    }
    return PreflightStack(**(settings | changes))


def workspace(user: str, ws_id: str, key: str | None = KEY, directory: str = DIRECTORY) -> dict:
    return {"WorkspaceId": ws_id, "UserName": user, "DirectoryId": directory, "VolumeEncryptionKey": key}


def ids(results) -> set[tuple[str, str]]:
    return {(r.check, r.resource) for r in results if isinstance(r, checks.PreflightFinding)}


def test_the_check_ids_are_unique_kebab_case_and_each_has_a_severity():
    names = [check.id for check in checks.CHECKS]
    assert len(names) == len(set(names))
    assert all(name.replace("-", "").isalpha() and name == name.lower() for name in names)
    assert {check.severity for check in checks.CHECKS} == set(checks.SEVERITIES)


def test_the_docs_list_every_check_with_its_severity():
    text = (Path(__file__).resolve().parents[2] / "docs" / "preflight.md").read_text()
    for check in checks.CHECKS:
        assert f"| `{check.id}` | {check.severity} | {check.summary} |" in text


# --- the rollout ------------------------------------------------------------------------------------------


def test_a_first_up_creates_every_user():
    rollout = rollout_of(stack(), [workspace("carol", "ws-0000000001")], None)
    assert rollout == Rollout(creates=("alice", "bob")) and rollout.first_up


def test_the_stacks_own_workspaces_whatever_the_users_case_are_deployed_not_created():
    rollout = rollout_of(stack(), [workspace("Alice", "ws-0000000001")], KEY)
    assert rollout.creates == ("bob",) and set(rollout.deployed) == {"alice"} and not rollout.first_up


def test_a_workspace_on_the_stacks_key_named_by_key_id_is_the_stacks_too():
    key_id = KEY.split("/")[-1]
    assert set(rollout_of(stack(), [workspace("alice", "ws-0000000001", key=key_id)], KEY).deployed) == {
        "alice"
    }


def test_import_ids_adopt_only_the_workspace_they_name():
    users = stack(imports={"alice": "ws-0000000001", "bob": "ws-0000000009"})
    rollout = rollout_of(
        users, [workspace("alice", "ws-0000000001", None), workspace("bob", "ws-0000000002", None)], None
    )
    assert set(rollout.adopted) == {"alice"} and set(rollout.in_the_way) == {"bob"} and rollout.creates == ()
    (finding,) = checks.user_findings(users, rollout, {})
    assert finding.message.endswith(
        "workspaces.users.bob.importId is ws-0000000009, but bob's WorkSpace there is ws-0000000002: "
        "set it to ws-0000000002"
    )


def test_a_workspace_in_another_directory_is_not_in_the_way():
    rollout = rollout_of(stack(), [workspace("alice", "ws-0000000001", directory="d-0000000000")], None)
    assert rollout.creates == ("alice", "bob") and rollout.in_the_way == {}


# --- the quota and the subnets --------------------------------------------------------------------------


def test_the_quota_is_not_judged_when_nothing_is_created():
    assert checks.quota_findings(stack(), 5, 0, 1.0) == []


def test_the_quota_exceeded_and_full():
    assert ids(checks.quota_findings(stack(), 3, 2, 4.0)) == {
        ("quota-workspaces-exceeded", "workspaces/L-34278094")
    }
    assert ids(checks.quota_findings(stack(), 3, 2, 5.0)) == {
        ("quota-workspaces-full", "workspaces/L-34278094")
    }
    assert checks.quota_findings(stack(), 3, 2, 6.0) == []


def subnet(subnet_id: str, zone_id: str, free: int = 100, vpc: str = "vpc-1") -> dict:
    return {
        "SubnetId": subnet_id,
        "VpcId": vpc,
        "AvailabilityZone": "us-east-1x",
        "AvailabilityZoneId": zone_id,
        "AvailableIpAddressCount": free,
    }


def test_a_region_the_az_table_has_no_row_for_leaves_the_zone_check_unchecked():
    subnets = [subnet("subnet-0123456789abcdef0", "afs1-az1"), subnet("subnet-0fedcba987654321a", "afs1-az2")]
    results = checks.subnet_findings(stack(region="af-south-1"), subnets, None, 2)
    (entry,) = [r for r in results if isinstance(r, checks.Unchecked)]
    assert entry.check == "subnet-availability-zone-unsupported"
    assert "has no row for af-south-1" in entry.reason
    assert ids(results) == set()


def test_the_subnet_message_names_the_zones_to_pick():
    subnets = [subnet("subnet-0123456789abcdef0", "use1-az1"), subnet("subnet-0fedcba987654321a", "use1-az2")]
    (finding,) = checks.subnet_findings(stack(), subnets, None, 2)
    assert "pick a subnet in use1-az2, use1-az4 or use1-az6" in finding.message


# --- principals and keys --------------------------------------------------------------------------------


def test_a_principal_in_another_account_is_not_checked_rather_than_missing():
    other = "arn:aws:iam::210987654321:role/Auditors"
    results = checks.principal_findings(
        stack(principals=(principal(other, "key.users"),)),
        {other: Unread(f"{other} is in account 210987654321; preflight reads the stack's own account only")},
        {},
        {},
        Rollout(creates=()),
    )
    assert [(r.check, r.reason) for r in results] == [
        (
            "principal-not-found",
            f"{other} is in account 210987654321; preflight reads the stack's own account only",
        )
    ]


def key_policy(*statements: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


ADMIN_GRANTS = {
    "Effect": "Allow",
    "Principal": {"AWS": [ADMIN]},
    "Action": ["kms:CreateGrant"],
    "Resource": "*",
}
ROOT = {
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    "Action": "kms:*",
    "Resource": "*",
}
METADATA = {
    "Arn": KEY,
    "KeyState": "Enabled",
    "KeyManager": "CUSTOMER",
    "KeySpec": "SYMMETRIC_DEFAULT",
    "KeyUsage": "ENCRYPT_DECRYPT",
}


def test_an_existing_keys_policy_may_let_the_administrators_grant_directly_or_through_iam():
    on_key = stack(key_existing=KEY)
    assert checks.existing_key_findings(on_key, METADATA, key_policy(ADMIN_GRANTS)) == []
    assert checks.existing_key_findings(on_key, METADATA, key_policy(ROOT)) == []
    wildcard = ADMIN_GRANTS | {"Action": "kms:Create*"}
    assert checks.existing_key_findings(on_key, METADATA, key_policy(wildcard)) == []
    denied = ADMIN_GRANTS | {"Effect": "Deny"}
    assert ids(checks.existing_key_findings(on_key, METADATA, key_policy(denied))) == {
        ("existing-key-policy-no-grants", KEY)
    }


def test_an_aws_managed_key_is_unsupported():
    results = checks.existing_key_findings(
        stack(key_existing=KEY), METADATA | {"KeyManager": "AWS"}, key_policy(ROOT)
    )
    assert ids(results) == {("existing-key-unsupported", KEY)}


# --- the alarm topic -----------------------------------------------------------------------------------


def topic(*statements: dict) -> dict:
    return {"Policy": key_policy(*statements)}


def test_who_may_publish_to_the_alarm_topic():
    alarmed = stack(topic_arn=TOPIC)
    service = {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "SNS:Publish"}
    anyone = {"Effect": "Allow", "Principal": "*", "Action": "sns:*"}
    account_only = anyone | {"Condition": {"StringEquals": {"AWS:SourceOwner": "123456789012"}}}
    assert checks.topic_findings(alarmed, topic(service)) == []
    assert checks.topic_findings(alarmed, topic(anyone)) == []
    assert ids(checks.topic_findings(alarmed, topic(account_only))) == {
        ("alarm-topic-eventbridge-denied", TOPIC)
    }
    assert ids(checks.topic_findings(alarmed, topic(service | {"Effect": "Deny"}))) == {
        ("alarm-topic-eventbridge-denied", TOPIC)
    }


def test_a_verdicts_findings_put_blockers_first():
    findings = [
        checks.ALARM_TOPIC_EVENTBRIDGE_DENIED.finding(TOPIC, "w"),
        checks.USER_NOT_FOUND.finding("d/x", "b"),
    ]
    assert [f.severity for f in sorted(findings, key=most_severe_first(checks.SEVERITIES))] == [
        "blocker",
        "warning",
    ]
