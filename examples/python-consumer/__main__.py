"""A platform team's program that uses the component: it creates its own network, SimpleAD directory,
administrator roles and alert topic, and passes each one's Outputs on, as every Pulumi program does.

It imports only ``encrypted_workspaces``, ``pulumi`` and ``pulumi_aws``; ``test_program.py`` beside it
runs it under Pulumi's mock engine, and mypy checks it (``mypy.ini``).
"""

from __future__ import annotations

import json

import pulumi
import pulumi_aws as aws

from encrypted_workspaces import (
    AdministratorsArgs,
    AlarmsArgs,
    DirectoryArgs,
    EncryptedWorkspaces,
    EncryptedWorkspacesArgs,
    KeyArgs,
    WorkspaceOverridesArgs,
    WorkspacePropertiesArgs,
    WorkspacesArgs,
)

# Who gets a WorkSpace: plain names, because each names its WorkSpace's resource.
USERS: dict[str, WorkspaceOverridesArgs] = {
    "alice": WorkspaceOverridesArgs(),
    "bob": WorkspaceOverridesArgs(compute_type_name="PERFORMANCE", running_mode="ALWAYS_ON"),
}


def trusting_the_account(account_id: pulumi.Input[str]) -> pulumi.Output[str]:
    """A trust policy that lets the account's own principals assume a role (as the console's does)."""
    return pulumi.Output.from_input(account_id).apply(
        lambda account: json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
                        "Action": "sts:AssumeRole",
                    }
                ],
            }
        )
    )


def main() -> EncryptedWorkspaces:
    config = pulumi.Config()
    account_id = aws.get_caller_identity_output().account_id
    region = aws.get_region_output().region

    # The network and the directory: WorkSpaces need two subnets in two Availability Zones.
    vpc = aws.ec2.Vpc("corp", cidr_block="10.20.0.0/16", enable_dns_hostnames=True, enable_dns_support=True)
    subnets = [
        aws.ec2.Subnet(
            f"corp-{zone}",
            vpc_id=vpc.id,
            cidr_block=cidr,
            availability_zone=region.apply(lambda name, zone=zone: f"{name}{zone}"),
        )
        for zone, cidr in (("a", "10.20.1.0/24"), ("b", "10.20.2.0/24"))
    ]
    directory = aws.directoryservice.Directory(
        "corp",
        name="corp.example.com",
        password=config.require_secret("directoryPassword"),
        size="Small",
        type="SimpleAD",
        vpc_settings=aws.directoryservice.DirectoryVpcSettingsArgs(
            vpc_id=vpc.id, subnet_ids=[subnet.id for subnet in subnets]
        ),
    )

    # Who manages the key, and who launches WorkSpaces.
    key_administrators = aws.iam.Role(
        "KeyAdministrators", assume_role_policy=trusting_the_account(account_id)
    )
    workspaces_administrators = aws.iam.Role(
        "WorkSpacesAdministrators", assume_role_policy=trusting_the_account(account_id)
    )

    # Where the key-state alarm goes: EventBridge must be allowed to publish.
    topic = aws.sns.Topic("security-alerts")
    aws.sns.TopicPolicy(
        "security-alerts",
        arn=topic.arn,
        policy=topic.arn.apply(
            lambda arn: json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "EventBridgePublishes",
                            "Effect": "Allow",
                            "Principal": {"Service": "events.amazonaws.com"},
                            "Action": "sns:Publish",
                            "Resource": arn,
                        }
                    ],
                }
            )
        ),
    )

    workspaces = EncryptedWorkspaces(
        "euc",
        EncryptedWorkspacesArgs(
            tags={"team": "end-user-computing", "vpc": vpc.id},
            key=KeyArgs(administrators=[key_administrators.arn]),
            # A role the program creates: its ARN is an Output, so it is given under a label, which
            # names its policy attachments.
            administrators=AdministratorsArgs(
                roles={"WorkSpacesAdministrators": workspaces_administrators.arn}
            ),
            directory=DirectoryArgs(directory_id=directory.id, subnet_ids=[subnet.id for subnet in subnets]),
            workspaces=WorkspacesArgs(
                defaults=WorkspacePropertiesArgs(bundle_id=config.get("bundleId") or "wsb-bh8rsxt14"),
                users=USERS,
                protect=config.get_bool("protect") is not False,
            ),
            alarms=AlarmsArgs(topic_arn=topic.arn),
        ),
    )
    pulumi.export("keyArn", workspaces.key_arn)
    pulumi.export("workspaceIds", workspaces.workspace_ids)
    return workspaces


if __name__ == "__main__":
    main()
