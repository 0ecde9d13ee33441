"""What a WorkSpace's and a key's dicts (as boto3 returns them) say, for what the audit reads and
what it judges alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from encrypted_workspaces.aws import limits


def is_encrypted(workspace: Mapping[str, Any]) -> bool:
    """Whether either volume is encrypted (then the WorkSpace has a key that matters)."""
    return any(workspace.get(f"{volume}VolumeEncryptionEnabled") is True for volume in ("Root", "User"))


def is_aws_managed(reference: str, metadata: Mapping[str, Any] | None) -> bool:
    """Whether a WorkSpace's key is AWS managed: DescribeKey says so, or the WorkSpace names the key
    by its reserved alias (alias/aws/workspaces, as CreateWorkspaces accepts)."""
    alias = reference.split(":", 5)[-1] if reference.startswith("arn:") else reference
    return alias.startswith(limits.RESERVED_ALIAS_PREFIX) or (
        metadata is not None and metadata.get("KeyManager") == limits.KEY_MANAGER_AWS
    )
