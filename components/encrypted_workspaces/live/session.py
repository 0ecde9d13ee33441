"""The region a live command reads, chosen as the AWS CLI and SDKs choose it, and the boto3 session
for it.

The AWS CLI and the SDKs take the region from ``--region``, then ``AWS_REGION``, then
``AWS_DEFAULT_REGION``, then the profile's ``region`` setting
(https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html; the AWS CLI's own order:
https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html). boto3 itself reads only
``AWS_DEFAULT_REGION`` and the profile (botocore ``configprovider``: ``'region': ('region',
'AWS_DEFAULT_REGION', ...)``), so the order is made here, once, for every command. A stack's
``aws:region`` comes right after ``--region``: it is where ``pulumi up`` deploys, whatever the shell
says. Whichever source gives the region, it is checked as ``plan`` checks ``aws:region``, and a bad
one is refused naming its source (exit 2) before any call is made.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from encrypted_workspaces.config.provider import region_problem
from encrypted_workspaces.errors import ConfigError

# The environment variables that name a region, in the order the AWS CLI reads them.
REGION_VARIABLES = ("AWS_REGION", "AWS_DEFAULT_REGION")
# boto3: the live commands' one dependency beyond the package's own (pyproject.toml's `audit` extra).
BOTO3_INSTALL = "pip install 'encrypted-workspaces[audit]'"
REGION_FLAG = "--region"
PROFILE_REGION = "the AWS profile's region"


def boto3_missing(command: str) -> str | None:
    """The one line ``command`` prints when boto3 cannot be imported (exit 1), or None."""
    try:
        import boto3  # noqa: F401
    except ImportError:
        return f"encrypted-workspaces {command}: boto3 is not installed: {BOTO3_INSTALL}"
    return None


def region_choice(
    flag: str | None, stack_region: str | None, environ: Mapping[str, str], profile_region: str | None
) -> tuple[str, str]:
    """``(region, where it came from)``: ``--region``, the stack's ``aws:region``, ``AWS_REGION``,
    ``AWS_DEFAULT_REGION``, the profile's. Raises ConfigError naming the source of a bad region, a
    ``--region`` other than the stack's, or the lack of any region."""
    if flag is not None:
        if problem := region_problem(flag):
            raise ConfigError([f"{REGION_FLAG}: {problem}"])
        if stack_region and flag != stack_region:
            raise ConfigError(
                [
                    f"{REGION_FLAG}: the stack's WorkSpaces are in its aws:region {stack_region} "
                    f"(got {flag}); leave --region out, or give that region"
                ]
            )
        return flag, REGION_FLAG
    if stack_region:
        return stack_region, "aws:region"
    candidates = [(name, environ.get(name) or None) for name in REGION_VARIABLES]
    for source, region in [*candidates, (PROFILE_REGION, profile_region or None)]:
        if region is None:
            continue
        if problem := region_problem(region):
            raise ConfigError([f"{source}: {problem}"])
        return region, source
    raise ConfigError(
        [
            f"{REGION_FLAG}: no region (got none); give --region, set AWS_REGION or AWS_DEFAULT_REGION, "
            "or use a profile that has one"
        ]
    )


def open_session(flag: str | None, stack_region: str | None):
    """A boto3 session (its usual credential chain) for the region ``region_choice`` picks."""
    import boto3
    import botocore.session
    from botocore.exceptions import ProfileNotFound

    core = botocore.session.Session()
    try:
        profile_region = core.get_scoped_config().get("region")
    except ProfileNotFound as error:
        raise ConfigError([f"AWS_PROFILE: {error}"]) from None
    region, _ = region_choice(flag, stack_region, os.environ, profile_region)
    return boto3.Session(botocore_session=core, region_name=region)
