"""The region a live command reads: as the AWS CLI and SDKs choose it (--region, AWS_REGION,
AWS_DEFAULT_REGION, the profile), the stack's aws:region right after --region, and every source
checked as plan checks aws:region, refused naming the source."""

from __future__ import annotations

import pytest

from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.live.session import region_choice

BOTH = {"AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "eu-west-2"}


@pytest.mark.parametrize(
    ("flag", "stack", "environ", "profile", "expected"),
    [
        ("eu-west-1", None, BOTH, "sa-east-1", ("eu-west-1", "--region")),
        ("eu-west-1", "eu-west-1", BOTH, None, ("eu-west-1", "--region")),
        (None, "eu-west-1", BOTH, "sa-east-1", ("eu-west-1", "aws:region")),
        (None, None, BOTH, "sa-east-1", ("us-east-1", "AWS_REGION")),
        (None, None, {"AWS_DEFAULT_REGION": "eu-west-2"}, "sa-east-1", ("eu-west-2", "AWS_DEFAULT_REGION")),
        # An empty variable is no region, as in the SDKs.
        (
            None,
            None,
            {"AWS_REGION": "", "AWS_DEFAULT_REGION": "eu-west-2"},
            None,
            ("eu-west-2", "AWS_DEFAULT_REGION"),
        ),
        (None, None, {}, "sa-east-1", ("sa-east-1", "the AWS profile's region")),
    ],
)
def test_the_first_source_that_names_a_region_gives_it(flag, stack, environ, profile, expected):
    assert region_choice(flag, stack, environ, profile) == expected


@pytest.mark.parametrize(
    ("flag", "environ", "profile", "line"),
    [
        ("us-east1", {}, None, "--region: must be an AWS region such as eu-west-1 (got 'us-east1')"),
        (
            None,
            {"AWS_REGION": "Europe"},
            None,
            "AWS_REGION: must be an AWS region such as eu-west-1 (got 'Europe')",
        ),
        (
            None,
            {"AWS_DEFAULT_REGION": "us-west-1"},
            None,
            "AWS_DEFAULT_REGION: Amazon WorkSpaces is not offered in us-west-1 (botocore's endpoints)",
        ),
        (
            None,
            {},
            "eu-west-9",
            "the AWS profile's region: must be an AWS region such as eu-west-1 (got 'eu-west-9')",
        ),
        (
            None,
            {},
            None,
            "--region: no region (got none); give --region, set AWS_REGION or AWS_DEFAULT_REGION",
        ),
    ],
)
def test_a_bad_or_missing_region_is_refused_naming_its_source(flag, environ, profile, line):
    with pytest.raises(ConfigError) as refused:
        region_choice(flag, None, environ, profile)
    (problem,) = refused.value.problems
    assert problem.startswith(line)


def test_a_region_other_than_the_stacks_is_refused():
    with pytest.raises(ConfigError) as refused:
        region_choice("us-east-1", "eu-west-1", {}, None)
    assert refused.value.problems == [
        "--region: the stack's WorkSpaces are in its aws:region eu-west-1 (got us-east-1); leave --region "
        "out, or give that region"
    ]


def test_a_bad_variable_behind_a_good_flag_is_not_read():
    assert region_choice("eu-west-1", None, {"AWS_REGION": "nowhere"}, "nowhere") == ("eu-west-1", "--region")
