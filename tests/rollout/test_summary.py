"""What plan will say: the ``rollout`` object of plan.json and the stdout paragraph."""

from __future__ import annotations

import json

import pytest

from encrypted_workspaces.rollout.model import DEFAULT_PARALLEL, recommended_parallel, rollout_minutes
from encrypted_workspaces.rollout.summary import (
    ESTIMATED_PARALLELS,
    ROLLOUT_DOC,
    about,
    rollout_paragraph,
    rollout_summary,
)


def test_a_thousand_workspaces_have_estimates_and_a_recommendation_no_slower_than_the_default():
    summary = rollout_summary(1000)
    assert set(summary) == {"creates", "estimates", "recommendedParallel"}
    assert summary["creates"] == 1000
    assert len(summary["estimates"]) >= 3
    by_parallel = {estimate["parallel"]: estimate["minutes"] for estimate in summary["estimates"]}
    recommended = summary["recommendedParallel"]
    assert by_parallel[recommended][1] <= by_parallel[DEFAULT_PARALLEL][1]
    assert by_parallel[recommended][0] <= by_parallel[DEFAULT_PARALLEL][0]


@pytest.mark.parametrize("creates", [0, 1, 9, 100, 1000, 5000])
def test_estimates_cover_the_fixed_parallelisms_and_the_recommended_one_in_order(creates):
    summary = rollout_summary(creates)
    parallels = [estimate["parallel"] for estimate in summary["estimates"]]
    assert parallels == sorted(set(parallels))
    assert set(parallels) == {*ESTIMATED_PARALLELS, recommended_parallel(creates)}
    for estimate in summary["estimates"]:
        assert set(estimate) == {"parallel", "minutes"}
        assert estimate["minutes"] == list(rollout_minutes(creates, estimate["parallel"]))


def test_a_hundred_are_never_slower_than_a_thousand():
    hundred = {e["parallel"]: e["minutes"] for e in rollout_summary(100)["estimates"]}
    thousand = {e["parallel"]: e["minutes"] for e in rollout_summary(1000)["estimates"]}
    for parallel in ESTIMATED_PARALLELS:
        assert hundred[parallel][0] <= thousand[parallel][0]
        assert hundred[parallel][1] <= thousand[parallel][1]


def test_the_summary_is_plain_json_and_the_same_every_time():
    assert json.dumps(rollout_summary(1234)) == json.dumps(rollout_summary(1234))
    assert json.loads(json.dumps(rollout_summary(1234))) == rollout_summary(1234)


def test_nothing_to_create_prints_nothing():
    assert rollout_paragraph(0) is None


def test_the_paragraph_names_the_default_and_the_recommended_parallelism():
    summary = rollout_summary(1000)
    minutes = {e["parallel"]: e["minutes"] for e in summary["estimates"]}
    recommended = summary["recommendedParallel"]
    assert recommended != DEFAULT_PARALLEL
    assert rollout_paragraph(1000) == (
        f"this update creates 1,000 WorkSpaces: about {about(minutes[DEFAULT_PARALLEL])} at "
        f"`--parallel {DEFAULT_PARALLEL}`, about {about(minutes[recommended])} at "
        f"`--parallel {recommended}` (recommended); see {ROLLOUT_DOC}"
    )


def test_when_the_default_is_recommended_it_is_said_once():
    assert recommended_parallel(3) == DEFAULT_PARALLEL
    paragraph = rollout_paragraph(3)
    assert paragraph.count("--parallel") == 1
    assert f"`--parallel {DEFAULT_PARALLEL}` (recommended)" in paragraph


def test_one_workspace_is_singular():
    assert rollout_paragraph(1).startswith("this update creates 1 WorkSpace: about ")


def test_the_paragraph_is_one_line():
    assert "\n" not in rollout_paragraph(5000)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        ((20, 60), "20–60 min"),
        ((40, 120), "40–120 min"),
        ((60, 180), "1–3 h"),
        ((90, 270), "2–5 h"),  # halves round up
        ((260, 780), "4–13 h"),
        ((1120, 3360), "19–56 h (1–2 days)"),
        ((2500, 7500), "42–125 h (2–5 days)"),
    ],
)
def test_durations_read_in_the_unit_that_fits(minutes, text):
    assert about(minutes) == text
