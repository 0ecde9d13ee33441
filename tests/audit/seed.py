"""Seeding moto's WorkSpaces, Directory Service and KMS through boto3, as an administrator would."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

import boto3
import botocore.session

from encrypted_workspaces.documents import workspaces_key_policy

ACCOUNT_ID = "123456789012"  # moto's default account
REGION = "eu-west-1"
BUNDLE_ID = "wsb-bh8rsxt14"
KEY_ADMINISTRATOR = f"arn:aws:iam::{ACCOUNT_ID}:role/KeyAdministrators"
KEY_USER = f"arn:aws:iam::{ACCOUNT_ID}:role/WorkSpacesAdministrators"
# What a stack's defaults make of a WorkSpace (config/workspaces.py WorkspaceProperties), as
# DescribeWorkspaces reports it: a seeded WorkSpace has not drifted from a stack that lists its user.
DEFAULT_PROPERTIES = {
    "ComputeTypeName": "STANDARD",
    "RunningMode": "AUTO_STOP",
    "RunningModeAutoStopTimeoutInMinutes": 60,
    "RootVolumeSizeGib": 80,
    "UserVolumeSizeGib": 50,
}


@functools.cache
def _seeding_session() -> botocore.session.Session:
    """One botocore session for all seeding: a new session loads every service model again (EC2's
    alone takes a few hundred milliseconds). Made on first use, so after moto has installed its
    handlers, which a session only gets when it is made."""
    return botocore.session.get_session()


def documented_key_policy() -> dict:
    return workspaces_key_policy(
        partition="aws", account_id=ACCOUNT_ID, key_administrators=[KEY_ADMINISTRATOR], key_users=[KEY_USER]
    )


@dataclass
class Account:
    """One moto account and region, seeded through the public APIs."""

    session: boto3.Session = field(
        default_factory=lambda: boto3.Session(botocore_session=_seeding_session(), region_name=REGION)
    )

    def __post_init__(self) -> None:
        self.ec2 = self.session.client("ec2")
        self.ds = self.session.client("ds")
        self.workspaces = self.session.client("workspaces")
        self.kms = self.session.client("kms")
        vpc = self.ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnets = [
            self.ec2.create_subnet(
                VpcId=vpc, CidrBlock=f"10.0.{n}.0/24", AvailabilityZone=f"{self.session.region_name}{zone}"
            )
            for n, zone in ((1, "a"), (2, "b"))
        ]
        self._vpc_settings = {"VpcId": vpc, "SubnetIds": [s["Subnet"]["SubnetId"] for s in subnets]}

    @classmethod
    def in_region(cls, region: str) -> Account:
        return cls(boto3.Session(botocore_session=_seeding_session(), region_name=region))

    def directory(self, name: str, *, local_administrator: bool = False, internet_access: bool = False):
        """A Simple AD directory, registered with WorkSpaces, with these creation properties."""
        directory_id = self.ds.create_directory(
            Name=name, Password="Passw0rd!", Size="Small", VpcSettings=self._vpc_settings
        )["DirectoryId"]
        self.workspaces.register_workspace_directory(DirectoryId=directory_id)
        self.workspaces.modify_workspace_creation_properties(
            ResourceId=directory_id,
            WorkspaceCreationProperties={
                "UserEnabledAsLocalAdministrator": local_administrator,
                "EnableInternetAccess": internet_access,
            },
        )
        return directory_id

    def key(
        self,
        *,
        policy: dict | None = None,
        rotated: bool = True,
        state: str = "Enabled",
        alias: str | None = None,
        key_spec: str = "SYMMETRIC_DEFAULT",
    ) -> str:
        """A customer managed key; ``state`` Disabled or PendingDeletion as KMS's own calls make it."""
        metadata = self.kms.create_key(
            Policy=json.dumps(policy or documented_key_policy()), KeySpec=key_spec, KeyUsage="ENCRYPT_DECRYPT"
        )["KeyMetadata"]
        # moto looks keys up by id for these three calls (an ARN raises inside moto).
        key_id = metadata["KeyId"]
        if rotated:
            self.kms.enable_key_rotation(KeyId=key_id)
        if state == "Disabled":
            self.kms.disable_key(KeyId=key_id)
        elif state == "PendingDeletion":
            self.kms.schedule_key_deletion(KeyId=key_id, PendingWindowInDays=7)
        if alias:
            self.kms.create_alias(AliasName=alias, TargetKeyId=key_id)
        return metadata["Arn"]

    def workspace(
        self,
        directory_id: str,
        user: str,
        *,
        key: str | None = None,
        properties: dict | None = None,
        bundle_id: str = BUNDLE_ID,
        **encrypted: bool,
    ) -> str:
        """A WorkSpace with the stack defaults' properties (or ``properties``); with a key, both volumes
        encrypted unless ``root``/``user_volume`` say False."""
        request = {
            "DirectoryId": directory_id,
            "UserName": user,
            "BundleId": bundle_id,
            "WorkspaceProperties": dict(properties or DEFAULT_PROPERTIES),
        }
        if key is not None:
            request |= {
                "VolumeEncryptionKey": key,
                "RootVolumeEncryptionEnabled": encrypted.get("root", True),
                "UserVolumeEncryptionEnabled": encrypted.get("user_volume", True),
            }
        answer = self.workspaces.create_workspaces(Workspaces=[request])
        assert not answer["FailedRequests"], answer["FailedRequests"]
        return answer["PendingRequests"][0]["WorkspaceId"]
