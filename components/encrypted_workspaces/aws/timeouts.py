"""Custom timeouts as Pulumi and the AWS provider read them."""

from __future__ import annotations

import re

# pulumi-aws (the Terraform provider it bridges) waits 30 minutes for a WorkSpace to become
# AVAILABLE, 10 for each property change and 10 for it to terminate by default
# (terraform-provider-aws internal/service/workspaces/wait.go: WorkspaceAvailableTimeout,
# WorkspaceUpdatingTimeout, WorkspaceTerminatedTimeout).
PROVIDER_DEFAULT_CREATE_MINUTES = 30
PROVIDER_DEFAULT_UPDATE_MINUTES = 10
PROVIDER_DEFAULT_DELETE_MINUTES = 10

# Go durations as Pulumi's customTimeouts take them, in hours, minutes and seconds.
DURATION_PATTERN = r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?"
_DURATION = re.compile(DURATION_PATTERN)


def duration_minutes(value: str) -> float:
    """Minutes in a Pulumi custom timeout such as ``90m``, ``1h30m`` or ``5400s``."""
    match = _DURATION.fullmatch(value)
    if not value or not match:
        raise ValueError(f"must be a duration such as '90m', '1h30m' or '5400s' (got {value!r})")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 60 + minutes + seconds / 60
