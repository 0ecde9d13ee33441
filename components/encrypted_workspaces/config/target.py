"""Where the stack deploys (region and account), for the checks that compare an ARN with it.

The namespace alone cannot say it: ``aws:region`` and ``aws:allowedAccountIds`` are the provider's
config. Either may be unknown (a program that builds the args itself, a stack that lists no account);
then the checks that need it are left to AWS.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from encrypted_workspaces.aws.partitions import partition_for_region

from .provider import account_ids_problem


@dataclass(frozen=True)
class StackTarget:
    region: str | None = None
    account_id: str | None = None

    @property
    def partition(self) -> str | None:
        return partition_for_region(self.region) if self.region else None


def target_from_flat_config(config: Mapping[str, Any]) -> StackTarget:
    """The region and the one allowed account of a flat Pulumi config (``aws:*`` keys)."""
    region = config.get("aws:region")
    accounts = config.get("aws:allowedAccountIds")
    if isinstance(accounts, str):
        try:
            accounts = json.loads(accounts)
        except ValueError:
            accounts = None
    # Only an account id the provider could use (one quoted 12-digit id): otherwise the checks that
    # need it are left out, and aws:allowedAccountIds' own problem is reported where it is read.
    account = accounts[0] if account_ids_problem(accounts) is None else None
    return StackTarget(region=region if isinstance(region, str) else None, account_id=account)
