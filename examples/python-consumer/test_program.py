"""The program under Pulumi's mock engine, as a consumer tests their own program (docs/testing.md).

The mocks answer what the component needs, in the shapes AWS gives (and the component checks): a
Directory Service id ``d-`` and ten hex digits, subnet ids, IAM role and SNS topic ARNs, a KMS key ARN
with ``:key/``, the partition, the account and the region. Run it here with ``pytest``; the project's
``make test`` runs it too.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path
from typing import Any

import pulumi
import pytest

from encrypted_workspaces import ConfigError

PROGRAM = Path(__file__).with_name("__main__.py")
PROJECT, STACK, ACCOUNT, REGION = "workspaces-consumer", "test", "123456789012", "eu-west-1"


def _hex(seed: str, length: int) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:length]


class ProgramMocks(pulumi.runtime.Mocks):
    """Answers every registration with the inputs and the ids and ARNs AWS would add, and records them.

    ``known=False`` answers as a first preview does for what the program creates itself: no id and no
    ARN yet (unknown). ``directory_id`` is the id the directory gets."""

    def __init__(self, *, known: bool = True, directory_id: str | None = None) -> None:
        self.known = known
        self.directory_id = directory_id
        self.inputs: dict[str, dict[str, Any]] = {}
        self.ids: dict[str, str] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        name, kind, inputs = args.name, args.typ, dict(args.inputs)
        self.inputs[name] = inputs
        ours = kind in (
            "aws:ec2/vpc:Vpc",
            "aws:ec2/subnet:Subnet",
            "aws:directoryservice/directory:Directory",
            "aws:sns/topic:Topic",
        ) or (kind == "aws:iam/role:Role" and not name.startswith("euc"))
        if ours and not self.known:
            return "", inputs  # a preview: not created yet, so its id and ARN are unknown
        resource_id, state = self._answer(kind, name, inputs)
        self.ids[name] = resource_id
        return resource_id, {**inputs, **state}

    def _answer(self, kind: str, name: str, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        if kind == "aws:directoryservice/directory:Directory":
            return self.directory_id or f"d-{_hex(name, 10)}", {}
        if kind == "aws:ec2/subnet:Subnet":
            return f"subnet-{_hex(name, 17)}", {}
        if kind == "aws:ec2/vpc:Vpc":
            return f"vpc-{_hex(name, 17)}", {}
        if kind == "aws:iam/role:Role":
            return name, {"arn": f"arn:aws:iam::{ACCOUNT}:role/{name}", "name": name}
        if kind == "aws:iam/policy:Policy":
            return name, {"arn": f"arn:aws:iam::{ACCOUNT}:policy/{name}"}
        if kind == "aws:sns/topic:Topic":
            return name, {"arn": f"arn:aws:sns:{REGION}:{ACCOUNT}:{name}"}
        if kind == "aws:kms/key:Key":
            key_id = f"{_hex(name, 8)}-1111-2222-3333-{_hex(name, 12)}"
            return key_id, {"arn": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{key_id}", "keyId": key_id}
        if kind == "aws:workspaces/directory:Directory":
            return str(inputs.get("directoryId") or ""), {}  # the registration's id is the directory's
        if kind == "aws:workspaces/workspace:Workspace":
            return f"ws-{_hex(name, 9)}", {}
        return f"{name}-id", {}

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:
        if args.token == "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                "accountId": ACCOUNT,
                "arn": f"arn:aws:iam::{ACCOUNT}:user/ci",
                "userId": "AIDA",
                "id": ACCOUNT,
            }
        if args.token == "aws:index/getPartition:getPartition":
            return {"partition": "aws", "dnsSuffix": "amazonaws.com", "id": "aws"}
        if args.token == "aws:index/getRegion:getRegion":
            return {"name": REGION, "region": REGION, "id": REGION}
        raise NotImplementedError(args.token)


def deploy(mocks: ProgramMocks, *, preview: bool = False) -> ProgramMocks:
    """Run the program as `pulumi up` (or `pulumi preview`) would, against ``mocks``."""
    pulumi.runtime.set_all_config(
        {f"{PROJECT}:directoryPassword": "Not-a-real-password-1", "aws:region": REGION},
        [f"{PROJECT}:directoryPassword"],
    )
    pulumi.runtime.set_mocks(mocks, project=PROJECT, stack=STACK, preview=preview)
    spec = importlib.util.spec_from_file_location("workspaces_consumer_program", PROGRAM)
    assert spec is not None and spec.loader is not None
    program = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(program)

    @pulumi.runtime.test
    def run() -> pulumi.Output[Any]:
        return program.main().workspace_ids  # waits for every registration

    run()
    return mocks


def test_the_registration_and_every_workspace_use_the_programs_directory_subnets_and_the_key():
    mocks = deploy(ProgramMocks())
    registration = mocks.inputs["euc-directory"]
    assert registration["directoryId"] == mocks.ids["corp"]
    assert registration["subnetIds"] == [mocks.ids["corp-a"], mocks.ids["corp-b"]]
    key_arn = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{mocks.ids['euc-key']}"
    for user in ("alice", "bob"):
        workspace = mocks.inputs[f"euc-workspace-{user}"]
        assert workspace["directoryId"] == mocks.ids["euc-directory"]
        assert workspace["volumeEncryptionKey"] == key_arn
    assert (
        mocks.inputs["euc-key-state-alarm-topic"]["arn"] == f"arn:aws:sns:{REGION}:{ACCOUNT}:security-alerts"
    )
    assert (
        mocks.inputs["euc-workspaces-admin-role-WorkSpacesAdministrators"]["role"]
        == "WorkSpacesAdministrators"
    )


def test_a_first_preview_with_unknown_ids_registers_every_resource():
    known = deploy(ProgramMocks())
    preview = deploy(ProgramMocks(known=False), preview=True)
    assert sorted(preview.inputs) == sorted(known.inputs)


def test_a_directory_id_that_is_not_one_fails_the_deployment_naming_directory_id():
    with pytest.raises(
        ConfigError, match=r"EncryptedWorkspacesArgs\.directory\.directory_id: must be a Directory"
    ):
        deploy(ProgramMocks(directory_id="corp"))
