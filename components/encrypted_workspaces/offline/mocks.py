"""A mock engine that answers like AWS would, deterministically.

Computed values (ARNs, ids) are derived from the resource's name and inputs, the region, the
partition and the account id, so the same config always yields the same bytes. Look-ups of things
the stack names but does not create (a key by alias, a bundle by name) are answered the same way,
from the name: ``assumption`` says in one line what each answer assumed, for plan to print.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable

import pulumi

from encrypted_workspaces.aws import types
from encrypted_workspaces.aws.arns import KEY_ARN, KMS_ALIAS_ARN, kms_alias_arn, kms_key_arn
from encrypted_workspaces.aws.limits import DEFAULT_ROLE_NAME, KEY_ID_PATTERN
from encrypted_workspaces.aws.partitions import dns_suffix_for_partition, partition_for_region

# A fixed namespace: key ids are UUIDs like real KMS key ids, the same for the same inputs.
_KEY_ID_NAMESPACE = uuid.UUID("6b1f8f2e-3c55-4c8a-9a57-0c5d8e1f2a40")
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def _short_id(seed: str, length: int) -> str:
    number = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:12], "big")
    digits = []
    for _ in range(length):
        number, digit = divmod(number, 36)
        digits.append(_BASE36[digit])
    return "".join(digits)


class AwsMocks(pulumi.runtime.Mocks):
    """Answers the registrations and invokes the component makes, as AWS would for this account."""

    def __init__(self, *, account_id: str, region: str):
        self.account_id = account_id
        self.region = region
        self.partition = partition_for_region(region)
        self._resources: dict[str, Callable[[pulumi.runtime.MockResourceArgs], tuple[str, dict]]] = {
            types.KMS_KEY: self._kms_key,
            types.KMS_ALIAS: self._kms_alias,
            types.IAM_POLICY: self._iam_policy,
            types.IAM_ROLE: self._iam_role,
            types.IAM_ROLE_POLICY_ATTACHMENT: self._attachment("role"),
            types.IAM_USER_POLICY_ATTACHMENT: self._attachment("user"),
            types.IAM_GROUP_POLICY_ATTACHMENT: self._attachment("group"),
            types.WORKSPACES_DIRECTORY: self._workspaces_directory,
            types.WORKSPACE: self._workspace,
            types.WORKSPACES_IP_GROUP: self._ip_group,
            types.EBS_DEFAULT_KMS_KEY: self._ebs_default_kms_key,
            types.EBS_ENCRYPTION_BY_DEFAULT: self._ebs_encryption_by_default,
            types.EVENT_RULE: self._event_rule,
            types.EVENT_TARGET: self._event_target,
            types.DIRECTORY_SERVICE_DIRECTORY: self._directory_service_directory,
            types.EC2_VPC: self._vpc,
            types.EC2_SUBNET: self._subnet,
            types.SNS_TOPIC: self._sns_topic,
        }
        self._invokes: dict[str, Callable[[dict], dict]] = {
            types.GET_CALLER_IDENTITY: self._caller_identity,
            types.GET_PARTITION: self._partition,
            types.GET_REGION: self._region,
            types.GET_KMS_KEY: self._kms_get_key,
            types.GET_WORKSPACES_BUNDLE: self._workspaces_get_bundle,
        }

    # --- resources ---------------------------------------------------------------------------------

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict]:
        answer = self._resources.get(args.typ)
        if answer is None:
            # Components and types we do not model: echo the inputs, with a name-derived id.
            return f"{args.name}-id", dict(args.inputs)
        resource_id, state = answer(args)
        # An id taken from an input that is unknown (a preview) is unknown too: the engine says so with
        # an empty id.
        return (resource_id if isinstance(resource_id, str) else ""), state

    def _seed(self, args: pulumi.runtime.MockResourceArgs) -> str:
        return f"{self.partition}/{self.region}/{self.account_id}/{args.typ}/{args.name}"

    def _kms_key(self, args):
        key_id = str(uuid.uuid5(_KEY_ID_NAMESPACE, self._seed(args)))
        arn = kms_key_arn(self.partition, self.region, self.account_id, key_id)
        state = {
            **args.inputs,
            "arn": arn,
            "keyId": key_id,
            "isEnabled": args.inputs.get("isEnabled", True),
            "multiRegion": args.inputs.get("multiRegion", False),
        }
        return key_id, state

    def _kms_alias(self, args):
        alias = args.inputs.get("name") or f"alias/{args.name}"
        target = args.inputs.get("targetKeyId", "")
        return alias, {
            **args.inputs,
            "name": alias,
            "arn": f"arn:{self.partition}:kms:{self.region}:{self.account_id}:{alias}",
            "targetKeyArn": kms_key_arn(self.partition, self.region, self.account_id, target),
        }

    def _iam_policy(self, args):
        name = args.inputs.get("name") or args.name
        path = args.inputs.get("path") or "/"
        arn = f"arn:{self.partition}:iam::{self.account_id}:policy{path}{name}"
        return arn, {
            **args.inputs,
            "name": name,
            "path": path,
            "arn": arn,
            "policyId": "ANPA" + _short_id(self._seed(args), 17).upper(),
        }

    def _iam_role(self, args):
        name = args.inputs.get("name") or args.name
        path = args.inputs.get("path") or "/"
        return name, {
            **args.inputs,
            "name": name,
            "path": path,
            "arn": f"arn:{self.partition}:iam::{self.account_id}:role{path}{name}",
            "uniqueId": "AROA" + _short_id(self._seed(args), 17).upper(),
        }

    def _attachment(self, principal_key: str):
        def answer(args):
            principal = args.inputs.get(principal_key, "")
            return f"{principal}-{_short_id(self._seed(args), 12)}", dict(args.inputs)

        return answer

    def _workspaces_directory(self, args):
        directory_id = args.inputs.get("directoryId", "")
        return directory_id, {
            **args.inputs,
            "alias": directory_id,
            "registrationCode": "SLiad+" + _short_id(self._seed(args), 6).upper(),
            "workspaceType": args.inputs.get("workspaceType", "PERSONAL"),
            "iamRoleId": f"arn:{self.partition}:iam::{self.account_id}:role/{DEFAULT_ROLE_NAME}",
        }

    def _workspace(self, args):
        user = args.inputs.get("userName", "")
        # An adopted WorkSpace keeps the id it has (the import option's id).
        workspace_id = args.resource_id or "ws-" + _short_id(f"{self._seed(args)}/{user}", 9)
        return workspace_id, {
            **args.inputs,
            "computerName": ("WSAMZN-" + workspace_id[3:]).upper()[:15],
            "state": "AVAILABLE",
        }

    def _ip_group(self, args):
        return "wsipg-" + _short_id(self._seed(args), 9), dict(args.inputs)

    def _ebs_default_kms_key(self, args):
        # The provider names this account setting by the key's ARN.
        return args.inputs.get("keyArn", ""), dict(args.inputs)

    def _ebs_encryption_by_default(self, args):
        # ... and this one by the region it applies to.
        return self.region, dict(args.inputs)

    def _event_rule(self, args):
        # Auto-named as Pulumi does: the logical name and a suffix (here derived, not random).
        name = args.inputs.get("name") or f"{args.name}-{_short_id(self._seed(args), 7)}"
        return name, {
            **args.inputs,
            "name": name,
            "arn": f"arn:{self.partition}:events:{self.region}:{self.account_id}:rule/{name}",
            "eventBusName": args.inputs.get("eventBusName", "default"),
        }

    def _event_target(self, args):
        target_id = args.inputs.get("targetId") or f"{args.name}-{_short_id(self._seed(args), 7)}"
        rule = args.inputs.get("rule", "")
        return f"{rule}-{target_id}", {**args.inputs, "targetId": target_id}

    # What a consumer program creates and passes on (the ids and ARNs the component checks).

    def _directory_service_directory(self, args):
        directory_id = "d-" + hashlib.sha256(self._seed(args).encode()).hexdigest()[:10]
        return directory_id, {
            **args.inputs,
            "accessUrl": f"{directory_id}.awsapps.com",
            "alias": directory_id,
        }

    def _vpc(self, args):
        vpc_id = "vpc-" + hashlib.sha256(self._seed(args).encode()).hexdigest()[:17]
        return vpc_id, {
            **args.inputs,
            "arn": f"arn:{self.partition}:ec2:{self.region}:{self.account_id}:vpc/{vpc_id}",
        }

    def _subnet(self, args):
        subnet_id = "subnet-" + hashlib.sha256(self._seed(args).encode()).hexdigest()[:17]
        arn = f"arn:{self.partition}:ec2:{self.region}:{self.account_id}:subnet/{subnet_id}"
        return subnet_id, {**args.inputs, "arn": arn}

    def _sns_topic(self, args):
        # Auto-named as Pulumi does: the logical name and a suffix (here derived, not random).
        name = args.inputs.get("name") or f"{args.name}-{_short_id(self._seed(args), 7)}"
        arn = f"arn:{self.partition}:sns:{self.region}:{self.account_id}:{name}"
        return arn, {**args.inputs, "name": name, "arn": arn}

    # --- invokes -----------------------------------------------------------------------------------

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict:
        answer = self._invokes.get(args.token)
        if answer is None:
            raise NotImplementedError(f"the offline engine does not answer the invoke {args.token}")
        return answer(args.args)

    def _caller_identity(self, _args):
        return {
            "accountId": self.account_id,
            "arn": f"arn:{self.partition}:sts::{self.account_id}:assumed-role/offline-plan/session",
            "id": self.account_id,
            "userId": "AROAOFFLINEPLAN:encrypted-workspaces",
        }

    def _partition(self, _args):
        suffix = dns_suffix_for_partition(self.partition)
        return {
            "partition": self.partition,
            "dnsSuffix": suffix,
            "id": self.partition,
            "reverseDnsPrefix": ".".join(reversed(suffix.split("."))),
        }

    def _region(self, _args):
        suffix = dns_suffix_for_partition(self.partition)
        return {
            "name": self.region,
            "region": self.region,
            "id": self.region,
            "endpoint": f"ec2.{self.region}.{suffix}",
            "description": self.region,
        }

    def _kms_get_key(self, args):
        """A key looked up by key ARN, alias ARN, alias or key id: the enabled symmetric customer
        managed key that the stack says it is, in the partition, region and account its ARN names (an
        alias or key id: the stack's), with the key id given or one derived from the alias."""
        wanted = str(args.get("keyId", ""))
        key_arn, alias_arn = KEY_ARN.fullmatch(wanted), KMS_ALIAS_ARN.fullmatch(wanted)
        where = key_arn or alias_arn
        partition, region, account = (
            (where["partition"], where["region"], where["account"])
            if where
            else (self.partition, self.region, self.account_id)
        )
        if key_arn:
            key_id = key_arn["key_id"]
        elif re.fullmatch(KEY_ID_PATTERN, wanted):
            key_id = wanted
        else:
            alias = alias_arn["alias"] if alias_arn else wanted
            key_id = str(uuid.uuid5(_KEY_ID_NAMESPACE, kms_alias_arn(partition, region, account, alias)))
        arn = kms_key_arn(partition, region, account, key_id)
        return {
            "arn": arn,
            "id": key_id,
            "keyId": wanted,  # the provider echoes the identifier it was given
            "awsAccountId": account,
            "region": region,
            "keyManager": "CUSTOMER",
            "customerMasterKeySpec": "SYMMETRIC_DEFAULT",
            "keySpec": "SYMMETRIC_DEFAULT",
            "keyUsage": "ENCRYPT_DECRYPT",
            "keyState": "Enabled",
            "enabled": True,
            "multiRegion": False,
            "origin": "AWS_KMS",
            "description": "",
        }

    def _workspaces_get_bundle(self, args):
        """A bundle looked up by name: its id derived from the name and the owner (AWS's public
        bundles are the same in every account of a region; the account's own are its own)."""
        name = str(args.get("name", ""))
        owner = args.get("owner") or self.account_id
        seed = f"{self.partition}/{self.region}/{owner}/{name}"
        bundle_id = "wsb-" + _short_id(seed, 9)
        return {"bundleId": bundle_id, "id": bundle_id, "name": name, "owner": owner, "region": self.region}


def assumption(token: str, args: dict, answer: dict) -> str | None:
    """What the offline engine assumed to answer a look-up, in one line; None for other invokes."""
    if token == types.GET_KMS_KEY:
        return (
            f"key {args.get('keyId')} is {answer['arn']}: assumed to exist as an enabled symmetric "
            "customer managed key (AWS answers under pulumi up)"
        )
    if token == types.GET_WORKSPACES_BUNDLE:
        owner = args.get("owner") or "this account"
        return (
            f"bundle {args.get('name')!r} of {owner} is {answer['bundleId']}: the id is derived from the "
            "name (AWS answers under pulumi up)"
        )
    return None
