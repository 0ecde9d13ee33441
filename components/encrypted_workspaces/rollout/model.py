"""The rollout model: how long `pulumi up --parallel P` takes to create N WorkSpaces, and whether the
provider's polling stays within the WorkSpaces API's rate.

Pulumi runs at most P resource operations at once, and the provider's create holds its operation until
the WorkSpace is AVAILABLE (``encrypted_workspaces.aws.provisioning``), so N WorkSpaces go through P
slots. Whatever the order, a slot that always takes the next WorkSpace finishes one at least every
``high`` minutes and at most every ``low`` minutes, so N creates take between ``ceil(N / P) * low`` and
``ceil(N / P) * high`` minutes: exact bounds for durations anywhere in [low, high].

While they wait, the WorkSpaces being created poll DescribeWorkspaces; at most ``min(N, P)`` of them at
once. Their sustained rate is compared with the assumed API budget (a parameter, 2 calls per second);
the first seconds of each create poll faster (the backoff starts at 100 ms) and burst above it, which
the SDK's retries absorb. Above the budget the provider's calls are throttled and retried, and a long
run of throttling empties the SDK's retry quota ("failed to get rate limit token, retry quota exceeded",
https://github.com/hashicorp/terraform-provider-aws/issues/36094): the update fails part-way instead of
finishing sooner. So the recommended parallelism is the fastest within the budget.

Everything is integer or exact-fraction arithmetic: the same input gives the same output on any machine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from encrypted_workspaces.aws.provisioning import (
    API_CALLS_PER_SECOND,
    PROVISIONING_MINUTES,
    api_calls_per_workspace,
)

# Pulumi's default --parallel is 4 x the deploying machine's CPUs ("var defaultParallel =
# int32(runtime.NumCPU()) * 4" in pkg/cmd/pulumi/operations/up.go; https://github.com/pulumi/pulumi/pull/15016
# for https://github.com/pulumi/pulumi/issues/14989): 8 on the 2-core runner a CI pipeline usually gets.
PULUMI_PARALLEL_PER_CPU = 4
CI_RUNNER_CPUS = 2
DEFAULT_PARALLEL = PULUMI_PARALLEL_PER_CPU * CI_RUNNER_CPUS


@dataclass(frozen=True)
class Assumptions:
    """What the model assumes; every field defaults to the cited value in aws/provisioning.py."""

    provisioning_minutes: tuple[int, int] = PROVISIONING_MINUTES
    """One WorkSpace, from CreateWorkspaces to AVAILABLE: (fastest, slowest), in whole minutes."""
    api_calls_per_second: Fraction = Fraction(API_CALLS_PER_SECOND)
    """The sustained rate of WorkSpaces API calls the account and Region allow a deployment."""

    def __post_init__(self) -> None:
        low, high = self.provisioning_minutes
        if not (isinstance(low, int) and isinstance(high, int) and 0 < low <= high):
            raise ValueError(
                f"provisioning_minutes must be whole minutes, 0 < low <= high (got {low}, {high})"
            )
        if not self.api_calls_per_second > 0:
            raise ValueError(f"api_calls_per_second must be > 0 (got {self.api_calls_per_second})")


ASSUMED = Assumptions()


@dataclass(frozen=True)
class Estimate:
    """Creating ``creates`` WorkSpaces at ``--parallel`` ``parallel``."""

    creates: int
    parallel: int
    minutes: tuple[int, int]
    """How long the WorkSpaces take, fastest and slowest, in minutes."""
    api_calls_per_second: Fraction
    """The sustained rate of WorkSpaces API calls while the slots are full (the worse end of the range)."""
    within_budget: bool
    """Whether that rate is at most the assumed budget."""


def _check(creates: int, parallel: int | None = None) -> None:
    if isinstance(creates, bool) or not isinstance(creates, int) or creates < 0:
        raise ValueError(f"creates must be a whole number >= 0 (got {creates!r})")
    if parallel is not None and (isinstance(parallel, bool) or not isinstance(parallel, int) or parallel < 1):
        raise ValueError(f"parallel must be a whole number >= 1 (got {parallel!r})")


def rounds(creates: int, parallel: int) -> int:
    """How many WorkSpaces one slot creates, one after the other, at most: ceil(creates / parallel)."""
    _check(creates, parallel)
    return -(-creates // parallel)


def rollout_minutes(creates: int, parallel: int, assumptions: Assumptions = ASSUMED) -> tuple[int, int]:
    """(fastest, slowest) minutes to create ``creates`` WorkSpaces at ``--parallel`` ``parallel``."""
    low, high = assumptions.provisioning_minutes
    n = rounds(creates, parallel)
    return n * low, n * high


def calls_per_second_per_workspace(assumptions: Assumptions = ASSUMED) -> Fraction:
    """The API calls one WorkSpace being created makes per second, averaged over its creation: the worse
    of the range's two ends (the quicker WorkSpace spends its fast first polls over fewer seconds)."""
    return max(
        Fraction(api_calls_per_workspace(minutes), minutes * 60)
        for minutes in assumptions.provisioning_minutes
    )


def api_calls_per_second(creates: int, parallel: int, assumptions: Assumptions = ASSUMED) -> Fraction:
    """The sustained WorkSpaces API rate while ``min(creates, parallel)`` WorkSpaces are being created."""
    _check(creates, parallel)
    return min(creates, parallel) * calls_per_second_per_workspace(assumptions)


def within_budget(creates: int, parallel: int, assumptions: Assumptions = ASSUMED) -> bool:
    return api_calls_per_second(creates, parallel, assumptions) <= assumptions.api_calls_per_second


def max_parallel_within_budget(assumptions: Assumptions = ASSUMED) -> int:
    """The most WorkSpaces that may be created at once within the budget (0 if not even one)."""
    return math.floor(assumptions.api_calls_per_second / calls_per_second_per_workspace(assumptions))


def recommended_parallel(creates: int, assumptions: Assumptions = ASSUMED) -> int:
    """The ``--parallel`` to deploy ``creates`` WorkSpaces with: the fastest within the budget, and of the
    equally fast the lowest (the least load on the API), never below Pulumi's default of 8 (what a user
    gets without the flag; a lower value would be no faster). Only if the budget allows fewer than 8 at
    once (a lowered ``api_calls_per_second``) is the recommendation the budget's maximum, at least 1.
    """
    _check(creates)
    cap = max(max_parallel_within_budget(assumptions), 1)
    floor = min(DEFAULT_PARALLEL, cap)
    if creates == 0:
        return floor
    fewest_rounds = rounds(creates, cap)  # the fastest the budget allows
    lowest_as_fast = rounds(creates, fewest_rounds)  # ceil(creates / fewest_rounds) slots reach it too
    return max(lowest_as_fast, floor)


def estimate(creates: int, parallel: int, assumptions: Assumptions = ASSUMED) -> Estimate:
    return Estimate(
        creates=creates,
        parallel=parallel,
        minutes=rollout_minutes(creates, parallel, assumptions),
        api_calls_per_second=api_calls_per_second(creates, parallel, assumptions),
        within_budget=within_budget(creates, parallel, assumptions),
    )
