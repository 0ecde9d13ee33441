"""Rule: a WorkSpace with an encrypted root volume waits at least 60 minutes to be created."""

from __future__ import annotations

from encrypted_workspaces.aws.limits import ENCRYPTED_ROOT_PROVISIONING_MINUTES
from encrypted_workspaces.aws.timeouts import PROVIDER_DEFAULT_CREATE_MINUTES, duration_minutes
from encrypted_workspaces.aws.types import WORKSPACE

from .base import ADVISORY, ENCRYPT_PAGE, ResourceView, Rule, RuleSettings, flag

# AWS says a WorkSpace with an encrypted root volume can take up to an hour.
MINIMUM_CREATE_MINUTES = ENCRYPTED_ROOT_PROVISIONING_MINUTES


def create_timeout_minutes(timeout: str | float | None) -> float:
    """Minutes from a recorded option ("90m", "1h30m", "5400s") or CrossGuard's seconds.

    None (or 0, CrossGuard's "unset") means the provider's default.
    """
    if timeout in (None, "", 0):
        return PROVIDER_DEFAULT_CREATE_MINUTES
    if isinstance(timeout, int | float):
        return timeout / 60
    return duration_minutes(timeout)


def check_create_timeout(resource: ResourceView, _settings: RuleSettings) -> list[str]:
    if resource.type != WORKSPACE or not flag(resource.props, "rootVolumeEncryptionEnabled"):
        return []
    timeout = (resource.options.get("customTimeouts") or {}).get("create")
    try:
        minutes = create_timeout_minutes(timeout)
    except ValueError as error:  # the provider would refuse it too: say so, never crash the pack
        return [f"create timeout {error}"]
    if minutes >= MINIMUM_CREATE_MINUTES:
        return []
    shown = timeout or f"the provider default of {PROVIDER_DEFAULT_CREATE_MINUTES}m"
    return [
        f"create timeout {shown} is under {MINIMUM_CREATE_MINUTES}m: "
        "an encrypted root volume can take up to an hour"
    ]


RULE = Rule(
    name="workspaces-create-timeout",
    description="A WorkSpace with an encrypted root volume waits at least 60 minutes to be created.",
    enforcement=ADVISORY,
    url=ENCRYPT_PAGE,
    settings=RuleSettings,
    resource_check=check_create_timeout,
)
