"""The provider's create-and-poll pattern, ported from terraform-plugin-sdk's WaitForStateContext."""

from __future__ import annotations

import math

import pytest

from encrypted_workspaces.aws.limits import ENCRYPTED_ROOT_PROVISIONING_MINUTES
from encrypted_workspaces.aws.provisioning import (
    CREATE_CALLS_PER_WORKSPACE,
    POLL_MAX_INTERVAL_MS,
    PROVISIONING_MINUTES,
    READ_CALLS_PER_WORKSPACE,
    api_calls_per_workspace,
    poll_offsets_ms,
)
from encrypted_workspaces.aws.timeouts import duration_minutes
from encrypted_workspaces.config.workspaces import WorkspacesConfig


def test_the_poll_schedule_is_the_go_loops():
    # Traced by hand through WaitForStateContext: refresh at once, then sleep 200 ms, 400 ms, ... (the
    # 100 ms start doubles before its first use), and 10 s once 12.8 s would be exceeded.
    assert poll_offsets_ms(30_000) == [0, 200, 600, 1_400, 3_000, 6_200, 12_600, 22_600, 32_600]


def test_a_workspace_available_at_once_is_polled_once():
    assert poll_offsets_ms(0) == [0]


def test_the_last_poll_is_the_first_to_see_available():
    offsets = poll_offsets_ms(1_200_000)
    assert offsets[-2] < 1_200_000 <= offsets[-1]


def test_polls_settle_at_one_every_ten_seconds():
    offsets = poll_offsets_ms(3_600_000)
    gaps = [later - earlier for earlier, later in zip(offsets, offsets[1:], strict=False)]
    assert max(gaps) == POLL_MAX_INTERVAL_MS
    assert gaps[7:] == [POLL_MAX_INTERVAL_MS] * len(gaps[7:])


@pytest.mark.parametrize("minutes", [20, 60])
def test_calls_per_workspace_count_create_polls_and_read(minutes):
    # Seven backoff polls up to 12.6 s, then one every 10 s up to the first at or after AVAILABLE.
    steady = math.ceil((minutes * 60_000 - 12_600) / 10_000)
    expected = CREATE_CALLS_PER_WORKSPACE + 7 + steady + READ_CALLS_PER_WORKSPACE
    assert api_calls_per_workspace(minutes) == expected


def test_negative_times_are_refused():
    with pytest.raises(ValueError, match="available_after_ms"):
        poll_offsets_ms(-1)


def test_the_provisioning_range_ends_at_the_encryption_guides_hour():
    low, high = PROVISIONING_MINUTES
    assert 0 < low < high == ENCRYPTED_ROOT_PROVISIONING_MINUTES


def test_the_default_create_timeout_outlasts_the_slowest_workspace():
    default = WorkspacesConfig.model_fields["create_timeout"].default
    assert duration_minutes(default) >= PROVISIONING_MINUTES[1]
