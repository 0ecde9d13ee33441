"""One account per problem, seeded in moto through boto3: each problem is found by its own check and by
nothing else, and a ready account is exit 0. (The problems moto cannot seed, because it lacks the API
or the state, are in test_stubbed.py.)"""

from __future__ import annotations

import json

import pytest
from moto import mock_aws

from tests.audit.seed import DEFAULT_PROPERTIES, documented_key_policy
from tests.preflight.run import found, json_report, run_preflight, unchecked
from tests.preflight.seed import (
    REGION,
    SERVED_ZONES,
    UNSERVED_ZONE,
    WORKSPACES_ADMINISTRATORS,
    ReadyAccount,
    iam_role,
    ready_account,
)

# What moto does not answer, in every account here: these checks are not checked, never blockers.
MOTO_UNANSWERED = {
    "bundle-not-found",
    "bundle-root-volume-larger",
    "quota-workspaces-exceeded",
    "quota-workspaces-full",
    "user-not-found",
}


@pytest.fixture
def ready():
    with mock_aws():
        yield ready_account()


def test_a_ready_account_is_exit_0_with_no_findings(ready, tmp_path):
    code, report = json_report(ready.stack_file(tmp_path))
    assert code == 0
    assert report["findings"] == []
    assert set(unchecked(report)) == MOTO_UNANSWERED
    assert all(reason.startswith("not answered: ") for reason in unchecked(report).values())
    assert report["checked"] == {
        "workspaces": 0,
        "users": 2,
        "creates": 2,
        "subnets": 2,
        "directories": 1,
        "bundles": 0,
        "principals": 2,
        "keys": 0,
        "topics": 1,
        "quotas": 0,
    }


def test_the_text_report_says_ready_and_what_was_not_checked(ready, tmp_path):
    code, out, err = run_preflight("--config", str(ready.stack_file(tmp_path)))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Not checked:"
    assert lines[1].startswith(
        "  bundle-not-found, bundle-root-volume-larger: not answered: workspaces DescribeWorkspaceBundles"
    )
    assert lines[-2:] == [
        f"Stack ready in 123456789012/{REGION}: 2 users, 2 WorkSpaces to create; 0 blockers, 0 warnings, 5 "
        "not checked.",
        "Ready: nothing found would stop `pulumi up`.",
    ]


# --- the problems: each a change to the ready account or its stack, and what preflight must find ---------


def subnet_missing(ready: ReadyAccount):
    ready.namespace["directory"]["subnetIds"][1] = "subnet-0123456789abcdef0"
    return "subnet-not-found", {"subnet-0123456789abcdef0"}


def subnets_in_another_vpc(ready: ReadyAccount):
    other = ready.account.ec2.create_vpc(CidrBlock="10.2.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ready.account.ec2.create_subnet(VpcId=other, CidrBlock=f"10.2.{n}.0/24", AvailabilityZone=zone)[
            "Subnet"
        ]["SubnetId"]
        for n, zone in enumerate(SERVED_ZONES, start=1)
    ]
    ready.namespace["directory"]["subnetIds"] = subnets
    return "subnet-not-in-directory-vpc", set(subnets)


def subnet_in_an_unserved_zone(ready: ReadyAccount):
    subnet = ready.account.ec2.create_subnet(
        VpcId=ready.vpc, CidrBlock="10.1.9.0/24", AvailabilityZone=UNSERVED_ZONE
    )
    ready.namespace["directory"]["subnetIds"][1] = subnet["Subnet"]["SubnetId"]
    assert subnet["Subnet"]["AvailabilityZoneId"] == "use1-az1"
    return "subnet-availability-zone-unsupported", {subnet["Subnet"]["SubnetId"]}


def subnets_in_one_zone(ready: ReadyAccount):
    subnet = ready.account.ec2.create_subnet(
        VpcId=ready.vpc, CidrBlock="10.1.9.0/24", AvailabilityZone=SERVED_ZONES[0]
    )
    ready.namespace["directory"]["subnetIds"][1] = subnet["Subnet"]["SubnetId"]
    return "subnets-same-availability-zone", {f"{ready.subnets[0]}, {subnet['Subnet']['SubnetId']}"}


def directory_missing(ready: ReadyAccount):
    ready.namespace["directory"]["directoryId"] = "d-0123456789"
    return "directory-not-found", {"d-0123456789"}


def directory_registered_elsewhere(ready: ReadyAccount):
    ready.account.workspaces.register_workspace_directory(
        DirectoryId=ready.directory, SubnetIds=ready.subnets
    )
    return "directory-already-registered", {ready.directory}


def user_with_someone_elses_workspace(ready: ReadyAccount):
    # A next wave: bob's WorkSpace is the stack's (on its key, by its alias); alice has one on another key.
    ready.account.workspaces.register_workspace_directory(
        DirectoryId=ready.directory, SubnetIds=ready.subnets
    )
    stack_key = ready.account.key(alias=ready.namespace["key"]["alias"])
    ready.account.workspace(ready.directory, "bob", key=stack_key)
    ready.account.workspace(ready.directory, "alice", key=ready.account.key())
    return "user-has-workspace", {f"{ready.directory}/alice"}


def import_of_nothing(ready: ReadyAccount):
    ready.namespace["workspaces"]["users"]["alice"] = {"importId": "ws-0123456789"}
    return "user-import-not-found", {f"{ready.directory}/alice"}


def default_role_missing(ready: ReadyAccount):
    ready.account.session.client("iam").delete_role(RoleName="workspaces_DefaultRole")
    return "default-role-missing", {"workspaces_DefaultRole"}


def default_role_there_already(ready: ReadyAccount):
    ready.namespace["directory"]["createDefaultRole"] = True
    return "default-role-exists", {"workspaces_DefaultRole"}


def key_administrator_missing(ready: ReadyAccount):
    arn = "arn:aws:iam::123456789012:role/NoSuchKeyAdministrators"
    ready.namespace["key"]["administrators"] = [arn]
    return "principal-not-found", {arn}


def key_administrator_at_another_path(ready: ReadyAccount):
    # The role exists at the root path; the ARN names it under /it/: KMS refuses that principal.
    arn = "arn:aws:iam::123456789012:role/it/KeyAdministrators"
    ready.namespace["key"]["administrators"] = [arn]
    return "principal-not-found", {arn}


def administrator_is_a_service_linked_role(ready: ReadyAccount):
    arn = iam_role(
        ready.account, "AWSServiceRoleForWorkSpaces", path="/aws-service-role/workspaces.amazonaws.com/"
    )
    ready.namespace["administrators"]["principals"] = [arn]
    return "administrator-unattachable", {arn}


def administrator_with_no_room_for_two_policies(ready: ReadyAccount):
    iam = ready.account.session.client("iam")
    for n in range(9):  # 9 + the stack's 2 > IAM's 10 per role
        policy = iam.create_policy(
            PolicyName=f"team-{n}",
            PolicyDocument=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}],
                }
            ),
        )["Policy"]["Arn"]
        iam.attach_role_policy(RoleName=WORKSPACES_ADMINISTRATORS, PolicyArn=policy)
    return "administrator-unattachable", {ready.namespace["administrators"]["principals"][0]}


def existing_key(ready: ReadyAccount, **key_settings) -> str:
    arn = ready.account.key(**key_settings)
    ready.namespace["key"] = {"existing": arn}
    return arn


def existing_key_missing(ready: ReadyAccount):
    ready.namespace["key"] = {"existing": "alias/no-such-key"}
    return "existing-key-not-found", {"alias/no-such-key"}


def existing_key_disabled(ready: ReadyAccount):
    return "existing-key-disabled", {existing_key(ready, state="Disabled")}


def existing_key_pending_deletion(ready: ReadyAccount):
    return "existing-key-pending-deletion", {existing_key(ready, state="PendingDeletion")}


def existing_key_asymmetric(ready: ReadyAccount):
    return "existing-key-unsupported", {existing_key(ready, key_spec="RSA_2048")}


def existing_key_without_grants_for_the_administrators(ready: ReadyAccount):
    # Neither the account-root statement (so IAM policies cannot grant) nor a key-user statement for them.
    policy = documented_key_policy()
    policy["Statement"] = [s for s in policy["Statement"] if s["Sid"] == "AllowKeyAdministration"]
    return "existing-key-policy-no-grants", {existing_key(ready, policy=policy)}


def alarm_topic_missing(ready: ReadyAccount):
    topic = f"arn:aws:sns:{REGION}:123456789012:no-such-topic"
    ready.namespace["alarms"]["topicArn"] = topic
    return "alarm-topic-not-found", {topic}


def alarm_topic_eventbridge_may_not_publish(ready: ReadyAccount):
    sns = ready.account.session.client("sns")
    topic = sns.create_topic(Name="quiet")["TopicArn"]  # the default access policy: the account's own only
    ready.namespace["alarms"]["topicArn"] = topic
    return "alarm-topic-eventbridge-denied", {topic}


PROBLEMS = [
    subnet_missing,
    subnets_in_another_vpc,
    subnet_in_an_unserved_zone,
    subnets_in_one_zone,
    directory_missing,
    directory_registered_elsewhere,
    user_with_someone_elses_workspace,
    import_of_nothing,
    default_role_missing,
    default_role_there_already,
    key_administrator_missing,
    key_administrator_at_another_path,
    administrator_is_a_service_linked_role,
    administrator_with_no_room_for_two_policies,
    existing_key_missing,
    existing_key_disabled,
    existing_key_pending_deletion,
    existing_key_asymmetric,
    existing_key_without_grants_for_the_administrators,
    alarm_topic_missing,
    alarm_topic_eventbridge_may_not_publish,
]


@pytest.mark.parametrize("problem", PROBLEMS, ids=[p.__name__ for p in PROBLEMS])
def test_each_problem_is_found_by_its_own_check_and_nothing_else(ready, tmp_path, problem):
    check, resources = problem(ready)
    code, report = json_report(ready.stack_file(tmp_path))
    assert found(report) == {check: resources}
    severity = {f["severity"] for f in report["findings"]}
    assert code == (3 if severity == {"blocker"} else 0)
    assert set(unchecked(report)) <= MOTO_UNANSWERED


def test_40_users_against_subnets_of_11_free_addresses_each_is_a_blocker(tmp_path):
    with mock_aws():
        ready = ready_account(users=tuple(f"user{n:02d}" for n in range(40)), subnet_prefix=28)
        code, report = json_report(ready.stack_file(tmp_path))
    assert code == 3
    assert found(report) == {"subnet-addresses-insufficient": {", ".join(ready.subnets)}}
    (finding,) = report["findings"]
    assert finding["message"] == (
        "this rollout creates 40 WorkSpaces, each with a network interface in these subnets, but they have "
        "22 "
        f"free addresses ({ready.subnets[0]} 11, {ready.subnets[1]} 11): `pulumi up` fails after 22; free at "
        "least 18 addresses, or register larger subnets"
    )


def test_22_users_fit_in_two_subnets_of_11_but_leave_them_full(tmp_path):
    with mock_aws():
        ready = ready_account(users=tuple(f"user{n:02d}" for n in range(22)), subnet_prefix=28)
        code, report = json_report(ready.stack_file(tmp_path))
    assert code == 0
    assert found(report) == {"subnet-full-after-rollout": set(ready.subnets)}
    assert {f["severity"] for f in report["findings"]} == {"warning"}


def test_a_next_wave_is_not_blocked_by_the_stacks_own_registration_role_and_workspaces(tmp_path):
    with mock_aws():
        ready = ready_account(users=("alice", "bob", "carol"))
        ready.namespace["directory"]["createDefaultRole"] = True
        ready.account.workspaces.register_workspace_directory(
            DirectoryId=ready.directory, SubnetIds=ready.subnets
        )
        stack_key = ready.account.key(alias=ready.namespace["key"]["alias"])
        for user in ("alice", "bob"):
            ready.account.workspace(ready.directory, user, key=stack_key, properties=DEFAULT_PROPERTIES)
        code, report = json_report(ready.stack_file(tmp_path))
    assert (code, report["findings"]) == (0, [])
    assert report["checked"]["creates"] == 1 and report["checked"]["workspaces"] == 2


def test_only_the_deployed_waves_count_40_users_with_36_waiting_fit_the_subnets(tmp_path):
    # The 40-user stack that blocks above, with all but 4 users in a later wave: this update creates 4
    # WorkSpaces, which 22 free addresses hold (preflight is run again before the next wave).
    with mock_aws():
        ready = ready_account(users=tuple(f"user{n:02d}" for n in range(40)), subnet_prefix=28)
        workspaces = ready.namespace["workspaces"]
        users = workspaces["users"]
        workspaces["users"] = {user: ({} if n < 4 else {"wave": 2}) for n, user in enumerate(users)}
        workspaces["wave"] = 1
        code, report = json_report(ready.stack_file(tmp_path))
    assert (code, report["findings"]) == (0, [])
