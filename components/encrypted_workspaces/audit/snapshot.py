"""What the audit reads from the account, read once: the WorkSpaces, the registered directories,
and each key they use (described once, however many WorkSpaces use it), plus the stack's key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from encrypted_workspaces.aws import limits
from encrypted_workspaces.aws.arns import KMS_ALIAS_ARN

from .facts import is_aws_managed, is_encrypted
from .reader import AccountReader
from .stack import StackExpectation

# KMS answers GetKeyRotationStatus and GetKeyPolicy for keys in these states; for the others it
# may refuse (KMSInvalidStateException), and those states are findings of their own.
# https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
_KEY_STATES_READ = frozenset({limits.KEY_STATE_ENABLED, limits.KEY_STATE_DISABLED})


@dataclass(frozen=True)
class KeyFacts:
    metadata: dict  # DescribeKey's KeyMetadata
    rotation_enabled: bool | None  # None: not read (AWS managed, or a state KMS does not answer in)
    policy: str | None  # the key policy's JSON text; None: not read


@dataclass(frozen=True)
class Snapshot:
    workspaces: list[dict]
    directories: list[dict]
    keys: dict[str, KeyFacts]  # key ARN -> what KMS says about it
    arn_of: dict[str, str]  # a WorkSpace's VolumeEncryptionKey (ARN, id or alias) -> key ARN
    missing_keys: tuple[str, ...]  # references no key answers to
    # References by an AWS managed key's reserved alias (alias/aws/workspaces): not described, since
    # AWS manages the key and the WorkSpaces on it are the findings.
    aws_managed_references: tuple[str, ...]
    stack_key_arn: str | None = None  # the key with the stack's alias; None without one

    def key_metadata(self, reference: str) -> dict | None:
        arn = self.arn_of.get(reference)
        return self.keys[arn].metadata if arn else None

    def checked(self) -> dict[str, int]:
        return {
            "workspaces": len(self.workspaces),
            "keys": len(self.keys) + len(self.missing_keys) + len(self.aws_managed_references),
            "directories": len(self.directories),
        }


def alias_target_arn(aliases: Iterable[Mapping[str, Any]], alias_name: str) -> str | None:
    """The ARN of the key an alias points to (ListAliases gives the alias's ARN and the key's id)."""
    for alias in aliases:
        if alias.get("AliasName") == alias_name and alias.get("TargetKeyId") and alias.get("AliasArn"):
            # arn:<partition>:kms:<region>:<account>:alias/<name> -> ...:key/<key id>
            return f"{alias['AliasArn'].split(':alias/', 1)[0]}:key/{alias['TargetKeyId']}"
    return None


def _stack_key_arn(reader: AccountReader, reference: str) -> str | None:
    """The ARN of the stack's key: an alias (or alias ARN) through ListAliases, a key ARN or id as it is
    described (DescribeKey)."""
    alias = KMS_ALIAS_ARN.fullmatch(reference)
    if alias or reference.startswith("alias/"):
        return alias_target_arn(reader.aliases(), alias["alias"] if alias else reference)
    metadata = reader.key(reference)
    return metadata["Arn"] if metadata else None


def _key_facts(reader: AccountReader, metadata: dict, aws_managed: bool) -> KeyFacts:
    if aws_managed or metadata.get("KeyState") not in _KEY_STATES_READ:
        return KeyFacts(metadata, None, None)
    arn = metadata["Arn"]
    return KeyFacts(metadata, reader.key_rotation_enabled(arn), reader.key_policy(arn))


def read_snapshot(reader: AccountReader, stack: StackExpectation | None) -> Snapshot:
    workspaces = [w for w in reader.workspaces() if w.get("State") not in limits.WORKSPACE_STATES_GONE]
    directories = reader.directories()
    references = sorted(
        {w["VolumeEncryptionKey"] for w in workspaces if is_encrypted(w) and w.get("VolumeEncryptionKey")}
    )
    stack_key_arn = _stack_key_arn(reader, stack.key_alias) if stack else None
    if stack_key_arn and stack_key_arn not in references:
        references.append(stack_key_arn)
    keys: dict[str, KeyFacts] = {}
    arn_of: dict[str, str] = {}
    missing: list[str] = []
    aws_managed = [r for r in references if is_aws_managed(r, None)]
    for reference in (r for r in references if r not in aws_managed):
        metadata = reader.key(reference)
        if metadata is None:
            missing.append(reference)
            continue
        arn_of[reference] = metadata["Arn"]
        if metadata["Arn"] not in keys:
            keys[metadata["Arn"]] = _key_facts(reader, metadata, is_aws_managed(reference, metadata))
    return Snapshot(workspaces, directories, keys, arn_of, tuple(missing), tuple(aws_managed), stack_key_arn)
