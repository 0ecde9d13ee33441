"""What plan says about a rollout: the ``rollout`` object of plan.json and one paragraph for stdout."""

from __future__ import annotations

from .model import ASSUMED, DEFAULT_PARALLEL, Assumptions, recommended_parallel, rollout_minutes

# The parallelisms plan.json always estimates, beside the recommended one: Pulumi's default on a 2-core
# runner and its doublings up to where even a 5,000-WorkSpace rollout would be far over the API budget.
ESTIMATED_PARALLELS: tuple[int, ...] = (DEFAULT_PARALLEL, 16, 32, 64, 128)
ROLLOUT_DOC = "docs/rollout.md"
# Durations under this many minutes read better in minutes than in hours; from this many hours on,
# days are added (a rollout that takes days is the news).
MINUTES_SHOWN_BELOW = 180
DAYS_SHOWN_FROM_HOURS = 48


def rollout_summary(creates: int, assumptions: Assumptions = ASSUMED) -> dict:
    """``{"creates": N, "estimates": [{"parallel": P, "minutes": [low, high]}, ...],
    "recommendedParallel": R}``, P over ESTIMATED_PARALLELS and R, ascending, each once."""
    recommended = recommended_parallel(creates, assumptions)
    parallels = sorted({*ESTIMATED_PARALLELS, recommended})
    return {
        "creates": creates,
        "estimates": [
            {"parallel": parallel, "minutes": list(rollout_minutes(creates, parallel, assumptions))}
            for parallel in parallels
        ],
        "recommendedParallel": recommended,
    }


def _rounded(amount: int, unit: int) -> int:
    """``amount / unit`` to the nearest whole number, halves up (integers: the same on every machine)."""
    return (2 * amount + unit) // (2 * unit)


def about(minutes: tuple[int, int] | list[int]) -> str:
    """``20–60 min``, ``4–13 h`` or ``42–125 h (2–5 days)``: a range in the unit it reads best in."""
    low, high = minutes
    if high < MINUTES_SHOWN_BELOW:
        return f"{low}–{high} min"
    text = f"{_rounded(low, 60)}–{_rounded(high, 60)} h"
    if _rounded(high, 60) >= DAYS_SHOWN_FROM_HOURS:
        text += f" ({_rounded(low, 24 * 60)}–{_rounded(high, 24 * 60)} days)"
    return text


def rollout_paragraph(creates: int, assumptions: Assumptions = ASSUMED) -> str | None:
    """The paragraph plan prints: how long this update's creates take at the default and at the
    recommended ``--parallel``; None when it creates nothing."""
    if creates == 0:
        return None
    summary = rollout_summary(creates, assumptions)
    minutes = {estimate["parallel"]: estimate["minutes"] for estimate in summary["estimates"]}
    recommended = summary["recommendedParallel"]
    noun = "WorkSpace" if creates == 1 else "WorkSpaces"
    if recommended == DEFAULT_PARALLEL:
        at = f"about {about(minutes[DEFAULT_PARALLEL])} at `--parallel {DEFAULT_PARALLEL}` (recommended)"
    else:
        at = (
            f"about {about(minutes[DEFAULT_PARALLEL])} at `--parallel {DEFAULT_PARALLEL}`, "
            f"about {about(minutes[recommended])} at `--parallel {recommended}` (recommended)"
        )
    return f"this update creates {creates:,} {noun}: {at}; see {ROLLOUT_DOC}"
