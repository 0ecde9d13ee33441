"""The component as a library: Outputs of a program's own resources as its arguments (docs/library.md).

Known values reach the registration and every WorkSpace; unknown ones (a preview) are accepted; a value
that resolves to something AWS would refuse fails the deployment with the message and key path a plain
value gets; a bad plain argument raises ConfigError, one line per problem, never pydantic's text.
"""

from __future__ import annotations

import json

import pulumi
import pulumi_aws as aws
import pytest

from encrypted_workspaces import (
    AdministratorsArgs,
    AlarmsArgs,
    ConfigError,
    DirectoryArgs,
    EncryptedWorkspaces,
    EncryptedWorkspacesArgs,
    KeyArgs,
    WorkspaceOverridesArgs,
    WorkspacePropertiesArgs,
    WorkspacesArgs,
)
from encrypted_workspaces.aws import types
from encrypted_workspaces.offline.mocks import AwsMocks
from encrypted_workspaces.offline.runner import Deployment, simulate
from tests.conftest import ACCOUNT_ID, REGION, flat_config

TRUST = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": ACCOUNT_ID}, "Action": "sts:AssumeRole"}],
    }
)
# What the program creates itself and passes to the component.
CONSUMER_TYPES = {types.DIRECTORY_SERVICE_DIRECTORY, types.EC2_VPC, types.EC2_SUBNET, types.SNS_TOPIC}


def consumer_program(**overrides):
    """A platform team's program: its own VPC, subnets, SimpleAD directory, admin roles and alert topic,
    each passed to the component as an Output."""

    def program() -> None:
        vpc = aws.ec2.Vpc("corp", cidr_block="10.0.0.0/16")
        subnets = [
            aws.ec2.Subnet(
                f"corp-{zone}", vpc_id=vpc.id, cidr_block=cidr, availability_zone=f"{REGION}{zone}"
            )
            for zone, cidr in (("a", "10.0.1.0/24"), ("b", "10.0.2.0/24"))
        ]
        directory = aws.directoryservice.Directory(
            "corp",
            name="corp.example.com",
            password="Never-in-a-test-1",
            size="Small",
            type="SimpleAD",
            vpc_settings={"vpc_id": vpc.id, "subnet_ids": [subnet.id for subnet in subnets]},
        )
        key_admins = aws.iam.Role("KeyAdministrators", assume_role_policy=TRUST)
        workspaces_admins = aws.iam.Role("WorkSpacesAdministrators", assume_role_policy=TRUST)
        auditors = aws.iam.Role("Auditors", assume_role_policy=TRUST)
        topic = aws.sns.Topic("security-alerts")
        args = {
            "key": KeyArgs(administrators=[key_admins.arn], users=[auditors.arn]),
            "administrators": AdministratorsArgs(roles={"WorkSpacesAdministrators": workspaces_admins.arn}),
            "directory": DirectoryArgs(
                directory_id=directory.id, subnet_ids=[subnet.id for subnet in subnets]
            ),
            "workspaces": WorkspacesArgs(
                defaults=WorkspacePropertiesArgs(bundle_id="wsb-bh8rsxt14"),
                users={
                    "alice": WorkspaceOverridesArgs(),
                    "bob": WorkspaceOverridesArgs(running_mode="ALWAYS_ON"),
                },
                protect=False,
            ),
            "alarms": AlarmsArgs(topic_arn=topic.arn),
        }
        args.update(overrides)
        EncryptedWorkspaces("euc", EncryptedWorkspacesArgs(**args))

    return program


def run(program, *, mocks: AwsMocks | None = None, preview: bool = False) -> Deployment:
    return simulate(
        program,
        stack="test",
        config=flat_config({}),
        account_id=ACCOUNT_ID,
        region=REGION,
        mocks=mocks or AwsMocks(account_id=ACCOUNT_ID, region=REGION),
        preview=preview,
    )


def test_known_outputs_reach_the_registration_and_every_workspace_with_the_key_arn():
    deployment = run(consumer_program())
    directory = deployment.by_name("corp")
    subnets = [deployment.by_name("corp-a").id, deployment.by_name("corp-b").id]
    registration = deployment.by_name("euc-directory")
    assert directory.id.startswith("d-")
    assert registration.inputs["directoryId"] == directory.id
    assert registration.inputs["subnetIds"] == subnets
    key = deployment.by_name("euc-key")
    workspaces = deployment.of_type(types.WORKSPACE)
    assert sorted(w.inputs["userName"] for w in workspaces) == ["alice", "bob"]
    for workspace in workspaces:
        assert workspace.inputs["directoryId"] == registration.id
        assert workspace.inputs["volumeEncryptionKey"] == key.state["arn"]


def test_output_principals_reach_the_key_policy_and_the_attachments():
    deployment = run(consumer_program())
    arn = {name: deployment.by_name(name).state["arn"] for name in ("KeyAdministrators", "Auditors")}
    admins_arn = deployment.by_name("WorkSpacesAdministrators").state["arn"]
    statements = json.loads(deployment.by_name("euc-key").inputs["policy"])["Statement"]
    assert statements[1]["Principal"] == {"AWS": arn["KeyAdministrators"]}
    assert statements[2]["Principal"] == {"AWS": sorted([arn["Auditors"], admins_arn])}
    attachments = deployment.of_type(types.IAM_ROLE_POLICY_ATTACHMENT)
    # Named after the label, attached to the role the ARN names.
    assert {(a.name, a.inputs["role"]) for a in attachments} == {
        ("euc-workspaces-admin-role-WorkSpacesAdministrators", "WorkSpacesAdministrators"),
        ("euc-key-grants-role-WorkSpacesAdministrators", "WorkSpacesAdministrators"),
    }
    (target,) = deployment.of_type(types.EVENT_TARGET)
    assert target.inputs["arn"] == deployment.by_name("security-alerts").state["arn"]


class PreviewMocks(AwsMocks):
    """A first preview: the program's own resources do not exist yet, so their ids and ARNs are unknown."""

    def new_resource(self, args):
        resource_id, state = super().new_resource(args)
        if args.typ in CONSUMER_TYPES or args.name in (
            "KeyAdministrators",
            "WorkSpacesAdministrators",
            "Auditors",
        ):
            return "", dict(args.inputs)  # no id, no computed output: unknown in a preview
        return resource_id, state


def test_a_preview_with_unknown_ids_registers_every_resource():
    known = run(consumer_program())
    preview = run(consumer_program(), mocks=PreviewMocks(account_id=ACCOUNT_ID, region=REGION), preview=True)
    assert [(r.type, r.name) for r in preview.resources] == [(r.type, r.name) for r in known.resources]
    # The component took the unknowns as they are: nothing it would send is known yet.
    registration = preview.by_name("euc-directory").inputs
    assert isinstance(registration["directoryId"], pulumi.output.Unknown)
    assert all(isinstance(subnet, pulumi.output.Unknown) for subnet in registration["subnetIds"])


class BadDirectoryMocks(AwsMocks):
    """A directory whose id is not a Directory Service id (as a mock that echoes names would answer)."""

    def _directory_service_directory(self, args):
        _, state = super()._directory_service_directory(args)
        return "corp-directory", state


def test_an_output_that_resolves_to_a_bad_directory_id_fails_naming_directory_id():
    mocks = BadDirectoryMocks(account_id=ACCOUNT_ID, region=REGION)
    with pytest.raises(ConfigError) as raised:
        run(consumer_program(), mocks=mocks)
    assert raised.value.problems == [
        "EncryptedWorkspacesArgs.directory.directory_id: must be a Directory Service id such as "
        "d-1234567890 (got 'corp-directory')"
    ]


class TopicElsewhereMocks(AwsMocks):
    def _sns_topic(self, args):
        arn = f"arn:aws:sns:us-east-1:{ACCOUNT_ID}:security-alerts"
        return arn, {**args.inputs, "arn": arn}


def test_checks_across_fields_run_when_the_outputs_resolve_and_nothing_of_the_component_waits_past_them():
    mocks = TopicElsewhereMocks(account_id=ACCOUNT_ID, region=REGION)
    registered: list[str] = []
    original = mocks.new_resource

    def recording(args):
        registered.append(args.typ)
        return original(args)

    mocks.new_resource = recording
    with pytest.raises(ConfigError) as raised:
        run(consumer_program(), mocks=mocks)
    assert raised.value.problems == [
        "EncryptedWorkspacesArgs.alarms.topic_arn: the topic must be in the stack's partition and region, "
        f"arn:aws:...:{REGION}:... (got 'arn:aws:sns:us-east-1:{ACCOUNT_ID}:security-alerts')"
    ]
    # Every child of the component waits for the checks: none was registered.
    assert [
        t for t in registered if t.startswith("aws:") and t not in CONSUMER_TYPES | {types.IAM_ROLE}
    ] == []


def test_two_bad_arguments_raise_one_config_error_with_two_short_lines_and_no_pydantic_text():
    with pytest.raises(ConfigError) as raised:
        EncryptedWorkspacesArgs(
            key={
                "administrators": ["arn:aws:iam::123456789012:role/KeyAdministrators"],
                "deletion_window_in_days": 31,
            },
            directory={
                "directory_id": "corp",
                "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a"],
            },
            workspaces={"defaults": {"bundle_id": "wsb-bh8rsxt14"}},
        )
    problems = raised.value.problems
    assert problems == [
        "EncryptedWorkspacesArgs.key.deletion_window_in_days: out of range: must be less than or equal to 30 "
        "(got 31)",
        "EncryptedWorkspacesArgs.directory.directory_id: must be a Directory Service id such as d-1234567890 "
        "(got 'corp')",
    ]
    assert str(raised.value).splitlines() == problems
    assert all(len(line) <= 300 for line in problems)
    assert not any(
        word in str(raised.value) for word in ("pydantic", "validation error", "type=", "input_value")
    )


def test_a_section_built_on_its_own_names_its_own_arguments():
    with pytest.raises(ConfigError) as raised:
        WorkspacePropertiesArgs(bundle_id="wsb-bh8rsxt14", root_volume_size_gib=80.0)
    assert raised.value.problems == [
        "WorkspacePropertiesArgs.root_volume_size_gib: must be a whole number (got 80.0)"
    ]


def test_a_user_with_a_dot_in_a_check_across_fields_is_named_as_python_writes_it():
    def program() -> None:
        EncryptedWorkspaces(
            "euc",
            EncryptedWorkspacesArgs(
                key=KeyArgs(administrators=["arn:aws:iam::123456789012:role/KeyAdministrators"]),
                administrators=AdministratorsArgs(principals=["arn:aws:iam::123456789012:role/Admins"]),
                directory=DirectoryArgs(
                    directory_id="d-1234567890",
                    subnet_ids=["subnet-0123456789abcdef0", "subnet-0fedcba987654321a"],
                ),
                workspaces=WorkspacesArgs(
                    defaults=WorkspacePropertiesArgs(bundle_id="wsb-bh8rsxt14"),
                    users={
                        "john.smith": WorkspaceOverridesArgs(
                            running_mode="ALWAYS_ON", running_mode_auto_stop_timeout_in_minutes=120
                        )
                    },
                ),
            ),
        )

    with pytest.raises(ConfigError) as raised:
        run(program)
    assert raised.value.problems == [
        "EncryptedWorkspacesArgs.workspaces.users['john.smith'].running_mode_auto_stop_timeout_in_minutes: "
        "applies to runningMode AUTO_STOP only; remove it or set runningMode: AUTO_STOP "
        "(got 120 with ALWAYS_ON)"
    ]


def test_what_decides_which_resources_exist_must_be_a_plain_value():
    users = pulumi.Output.from_input({"alice": {}})
    with pytest.raises(ConfigError) as raised:
        WorkspacesArgs(defaults=WorkspacePropertiesArgs(bundle_id="wsb-bh8rsxt14"), users=users)
    (problem,) = raised.value.problems
    assert problem.startswith(
        "WorkspacesArgs.users: must be a plain value, not an Output: it decides which resources"
    )


def test_the_old_names_are_the_new_classes():
    from encrypted_workspaces.config.directory import DirectoryConfig, IpGroup
    from encrypted_workspaces.config.key import KeyConfig
    from encrypted_workspaces.config.workspaces import WorkspaceProperties, WorkspacesConfig

    assert (KeyConfig, DirectoryConfig, IpGroup, WorkspacesConfig, WorkspaceProperties) == (
        KeyArgs,
        DirectoryArgs,
        pytest.importorskip("encrypted_workspaces").IpGroupArgs,
        WorkspacesArgs,
        WorkspacePropertiesArgs,
    )
