"""A moto account ready for a stack's first `pulumi up`, seeded through boto3 as an administrator
would set it up, and the stack file that deploys to it; each problem preflight looks for is one change
to either (see ``problems.py``).

us-east-1, because there moto, like AWS, has Availability Zones WorkSpaces does not serve: moto maps
us-east-1c to use1-az2 and us-east-1d to use1-az4 (served), us-east-1b to use1-az1 (not served).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.audit.seed import ACCOUNT_ID, Account
from tests.conftest import flat_config, valid_namespace

REGION = "us-east-1"
SERVED_ZONES = ("us-east-1c", "us-east-1d")  # use1-az2, use1-az4
UNSERVED_ZONE = "us-east-1b"  # use1-az1
KEY_ADMINISTRATORS = "KeyAdministrators"
WORKSPACES_ADMINISTRATORS = "WorkSpacesAdministrators"
TRUST_EC2 = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ],
    }
)
TRUST_WORKSPACES = TRUST_EC2.replace("ec2.amazonaws.com", "workspaces.amazonaws.com")


def topic_policy_for_eventbridge(topic_arn: str) -> str:
    """The statement the EventBridge docs ask for: events.amazonaws.com may publish to the topic."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "EventBridgePublishes",
                    "Effect": "Allow",
                    "Principal": {"Service": "events.amazonaws.com"},
                    "Action": "sns:Publish",
                    "Resource": topic_arn,
                }
            ],
        }
    )


@dataclass
class ReadyAccount:
    """The seeded account and what a stack file needs of it."""

    account: Account
    vpc: str
    subnets: list[str]
    directory: str
    topic: str
    users: tuple[str, ...]
    namespace: dict = field(default_factory=dict)

    def stack_file(self, directory: Path, name: str = "ready") -> Path:
        """The stack file, ``Pulumi.<name>.yaml``, for this account's region and namespace."""
        path = directory / f"Pulumi.{name}.yaml"
        path.write_text(yaml.safe_dump({"config": flat_config(self.namespace, REGION)}))
        return path


def iam_role(account: Account, name: str, trust: str = TRUST_EC2, path: str = "/") -> str:
    return account.session.client("iam").create_role(
        RoleName=name, AssumeRolePolicyDocument=trust, Path=path
    )["Role"]["Arn"]


def ready_account(users: tuple[str, ...] = ("alice", "bob"), subnet_prefix: int = 24) -> ReadyAccount:
    """Subnets in served zones, an AWS Managed Microsoft AD directory in their VPC (not registered with
    WorkSpaces yet), workspaces_DefaultRole, the key and WorkSpaces administrators' roles, and an alarm topic
    EventBridge may publish to; a stack for ``users`` with all of it."""
    account = Account.in_region(REGION)
    ec2, ds, sns = account.ec2, account.ds, account.session.client("sns")
    vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]

    def subnet(n: int, zone: str, prefix: int = 24) -> str:
        return ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.1.{n}.0/{prefix}", AvailabilityZone=zone)[
            "Subnet"
        ]["SubnetId"]

    # The WorkSpaces' subnets; the directory's domain controllers have subnets of their own, so that the
    # WorkSpaces' free addresses are all theirs (a /28 has 11: AWS keeps 5 of its 16).
    subnets = [subnet(n, zone, subnet_prefix) for n, zone in enumerate(SERVED_ZONES, start=1)]
    directory_subnets = [subnet(n, zone) for n, zone in enumerate(SERVED_ZONES, start=11)]
    # AWS Managed Microsoft AD: the one kind Directory Service Data can look users up in.
    directory = ds.create_microsoft_ad(
        Name="corp.example.com",
        Password="Passw0rd!",
        VpcSettings={"VpcId": vpc, "SubnetIds": directory_subnets},
    )["DirectoryId"]
    iam_role(account, "workspaces_DefaultRole", TRUST_WORKSPACES)
    key_administrators = iam_role(account, KEY_ADMINISTRATORS)
    administrators = iam_role(account, WORKSPACES_ADMINISTRATORS)
    topic = sns.create_topic(Name="security-alerts")["TopicArn"]
    sns.set_topic_attributes(
        TopicArn=topic, AttributeName="Policy", AttributeValue=topic_policy_for_eventbridge(topic)
    )
    namespace = valid_namespace()
    namespace["key"]["administrators"] = [key_administrators]
    namespace["administrators"]["principals"] = [administrators]
    namespace["directory"] = {"directoryId": directory, "subnetIds": subnets}
    namespace["workspaces"]["users"] = {user: {} for user in users}
    namespace["alarms"] = {"topicArn": topic}
    assert ACCOUNT_ID in key_administrators
    return ReadyAccount(account, vpc, subnets, directory, topic, users, namespace)
