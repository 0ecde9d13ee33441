"""The rollout model on its own: bounds, monotonicity, the API budget and the recommendation."""

from __future__ import annotations

from fractions import Fraction

import pytest

from encrypted_workspaces.aws.provisioning import API_CALLS_PER_SECOND, PROVISIONING_MINUTES
from encrypted_workspaces.rollout.model import (
    ASSUMED,
    DEFAULT_PARALLEL,
    Assumptions,
    api_calls_per_second,
    calls_per_second_per_workspace,
    estimate,
    max_parallel_within_budget,
    recommended_parallel,
    rollout_minutes,
    within_budget,
)

PARALLELS = [1, 2, 3, 7, 8, 9, 16, 17, 18, 19, 32, 64, 128, 1000]
CREATES = [0, 1, 2, 7, 8, 9, 17, 18, 19, 50, 99, 100, 101, 999, 1000, 1001, 5000, 20000]


@pytest.mark.parametrize("parallel", PARALLELS)
def test_more_workspaces_never_take_less_time(parallel):
    ranges = [rollout_minutes(creates, parallel) for creates in range(0, 2001, 7)]
    for fewer, more in zip(ranges, ranges[1:], strict=False):
        assert fewer[0] <= more[0] and fewer[1] <= more[1]


@pytest.mark.parametrize("creates", CREATES)
def test_more_parallelism_never_takes_more_time(creates):
    ranges = [rollout_minutes(creates, parallel) for parallel in range(1, 300)]
    for slower, faster in zip(ranges, ranges[1:], strict=False):
        assert faster[0] <= slower[0] and faster[1] <= slower[1]


@pytest.mark.parametrize("parallel", PARALLELS)
def test_one_workspace_takes_the_provisioning_time(parallel):
    assert rollout_minutes(1, parallel) == PROVISIONING_MINUTES


def test_nothing_to_create_takes_no_time():
    assert rollout_minutes(0, DEFAULT_PARALLEL) == (0, 0)


def test_slots_work_through_the_workspaces_one_after_the_other():
    low, high = PROVISIONING_MINUTES
    assert rollout_minutes(16, 8) == (2 * low, 2 * high)
    assert rollout_minutes(17, 8) == (3 * low, 3 * high)


def test_the_range_is_whole_minutes():
    for creates in CREATES:
        for parallel in PARALLELS:
            low, high = rollout_minutes(creates, parallel)
            assert type(low) is int and type(high) is int and low <= high


def test_only_the_workspaces_being_created_poll():
    per_workspace = calls_per_second_per_workspace()
    assert api_calls_per_second(5, 128) == 5 * per_workspace
    assert api_calls_per_second(1000, 8) == 8 * per_workspace


def test_the_quicker_workspace_sets_the_rate():
    # Its fast first polls are spread over fewer seconds.
    quick = calls_per_second_per_workspace(Assumptions(provisioning_minutes=(20, 20)))
    slow = calls_per_second_per_workspace(Assumptions(provisioning_minutes=(60, 60)))
    assert quick > slow
    assert calls_per_second_per_workspace() == quick


def test_the_default_parallelism_stays_within_the_budget():
    assert within_budget(10_000, DEFAULT_PARALLEL)


def test_fifty_at_once_is_over_the_budget_as_users_report():
    # terraform-provider-aws#23785: DescribeWorkspaces throttled with about 50 WorkSpaces.
    assert not within_budget(50, 50)


def test_the_budgets_maximum_is_its_edge():
    cap = max_parallel_within_budget()
    assert within_budget(cap + 1, cap)
    assert not within_budget(cap + 1, cap + 1)
    assert api_calls_per_second(cap, cap) <= API_CALLS_PER_SECOND < api_calls_per_second(cap + 1, cap + 1)


@pytest.mark.parametrize("creates", CREATES)
def test_the_recommendation_keeps_the_polling_within_the_budget(creates):
    assert within_budget(creates, recommended_parallel(creates))


@pytest.mark.parametrize("creates", CREATES)
def test_the_recommendation_is_no_slower_than_the_default(creates):
    recommended = rollout_minutes(creates, recommended_parallel(creates))
    default = rollout_minutes(creates, DEFAULT_PARALLEL)
    assert recommended[0] <= default[0] and recommended[1] <= default[1]


@pytest.mark.parametrize("creates", CREATES)
def test_the_recommendation_is_the_fastest_within_the_budget_and_the_lowest_of_those(creates):
    recommended = recommended_parallel(creates)
    allowed = [p for p in range(1, 500) if within_budget(creates, p)]
    fastest = min(rollout_minutes(creates, p) for p in allowed)
    assert rollout_minutes(creates, recommended) == fastest
    as_fast = [p for p in allowed if rollout_minutes(creates, p) == fastest]
    assert recommended == max(min(as_fast), DEFAULT_PARALLEL)


def test_a_thousand_workspaces_go_faster_than_the_default():
    assert recommended_parallel(1000) > DEFAULT_PARALLEL
    assert rollout_minutes(1000, recommended_parallel(1000))[1] < rollout_minutes(1000, DEFAULT_PARALLEL)[1]


def test_a_lower_budget_recommends_below_the_default_rather_than_over_the_budget():
    tight = Assumptions(api_calls_per_second=Fraction(1, 2))
    cap = max_parallel_within_budget(tight)
    assert 1 <= cap < DEFAULT_PARALLEL
    assert recommended_parallel(1000, tight) == cap
    assert within_budget(1000, cap, tight)


def test_a_budget_too_small_for_one_workspace_still_recommends_one():
    starved = Assumptions(api_calls_per_second=Fraction(1, 100))
    assert max_parallel_within_budget(starved) == 0
    assert recommended_parallel(10, starved) == 1


def test_an_estimate_carries_time_rate_and_verdict():
    result = estimate(1000, 64)
    assert result.minutes == rollout_minutes(1000, 64)
    assert result.api_calls_per_second == api_calls_per_second(1000, 64)
    assert result.within_budget is False
    assert estimate(1000, DEFAULT_PARALLEL).within_budget is True


@pytest.mark.parametrize("creates", [-1, True, 1.5, "3", None])
def test_creates_must_be_a_whole_number(creates):
    with pytest.raises(ValueError, match="creates must be a whole number"):
        rollout_minutes(creates, 8)


@pytest.mark.parametrize("parallel", [0, -8, False, 8.0])
def test_parallel_must_be_a_positive_whole_number(parallel):
    with pytest.raises(ValueError, match="parallel must be a whole number"):
        rollout_minutes(10, parallel)


@pytest.mark.parametrize(
    ("provisioning", "rate"), [((0, 60), 2), ((60, 20), 2), ((20.5, 60), 2), ((20, 60), 0)]
)
def test_assumptions_are_checked(provisioning, rate):
    with pytest.raises(ValueError):
        Assumptions(provisioning_minutes=provisioning, api_calls_per_second=Fraction(rate))


def test_the_defaults_are_the_cited_facts():
    assert ASSUMED.provisioning_minutes == PROVISIONING_MINUTES
    assert ASSUMED.api_calls_per_second == API_CALLS_PER_SECOND
