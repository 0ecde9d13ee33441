"""Our AWS limits against botocore's own service models and endpoints: they cannot drift apart.

Each constant in ``encrypted_workspaces.aws`` that cites "botocore <service> <Shape>" is compared with
that shape here (length bounds, pattern, enum, range), and the partition table with endpoints.json.
"""

from __future__ import annotations

import re

import botocore.loaders
import pytest

from encrypted_workspaces.aws import arns, limits, partitions, tags

_LOADER = botocore.loaders.create_loader()


def shapes(service: str) -> dict:
    return _LOADER.load_service_model(service, "service-2")["shapes"]


def shape(service: str, name: str) -> dict:
    return shapes(service)[name]


def java_pattern(pattern: str) -> re.Pattern:
    """An AWS (Java) regex in Python: \\w is ASCII, \\uXXXX escapes are code points."""
    return re.compile(pattern, re.ASCII)


def test_compute_types_are_botocores_and_the_providers():
    enum = shape("workspaces", "Compute")["enum"]
    assert set(limits.COMPUTE_TYPE_NAMES) <= set(enum)
    # What botocore has beyond the provider's list: only the types pulumi-aws 7.x does not accept yet.
    assert all(name.startswith("GRAPHICS_G7_") for name in set(enum) - set(limits.COMPUTE_TYPE_NAMES))


def test_running_modes_and_device_access_are_botocores_enums():
    assert set(shape("workspaces", "RunningMode")["enum"]) - set(limits.RUNNING_MODES) == {"MANUAL"}
    assert set(limits.RUNNING_MODES) < set(shape("workspaces", "RunningMode")["enum"])
    assert list(limits.DEVICE_ACCESS) == shape("workspaces", "AccessPropertyValue")["enum"]


def test_integer_settings_are_api_integers():
    for name in ("RunningModeAutoStopTimeoutInMinutes", "RootVolumeSizeGib", "UserVolumeSizeGib"):
        assert shape("workspaces", name) == {"type": "integer"}
    assert limits.INT32_RANGE == (-(2**31), 2**31 - 1)
    assert (
        "60-minute intervals"
        in (
            shape("workspaces", "WorkspaceProperties")["members"]["RunningModeAutoStopTimeoutInMinutes"][
                "documentation"
            ]
        )
    )


def test_user_names_are_1_to_63_with_no_pattern():
    user_name = shape("workspaces", "UserName")
    assert (user_name["min"], user_name["max"]) == limits.USER_NAME_LENGTH
    assert "pattern" not in user_name


@pytest.mark.parametrize(
    ("ours", "service", "name"),
    [
        (limits.BUNDLE_ID_PATTERN, "workspaces", "BundleId"),
        (limits.SUBNET_ID_PATTERN, "workspaces", "SubnetId"),
        (limits.SECURITY_GROUP_ID_PATTERN, "workspaces", "SecurityGroupId"),
        (limits.DIRECTORY_ID_PATTERN, "ds", "DirectoryId"),
        (limits.ACCOUNT_ID_PATTERN, "kms", "AccountIdType"),
    ],
)
def test_id_patterns_accept_exactly_what_botocore_accepts(ours, service, name):
    theirs = shape(service, name)
    pattern = java_pattern(theirs["pattern"].lstrip("^").rstrip("$"))
    samples = [
        prefix + body
        for prefix in ("wsb-", "subnet-", "sg-", "d-", "")
        for body in (
            "0123456789",
            "0123456789abcdef0",
            "01234567",
            "0123456",
            "0123456789ab",
            "abcdefgh" * 8,
            "ABCDEF0123",
            "０１２３４５６７８９",
        )
    ] + ["123456789012", "12345678901", "１２３４５６７８９０１２"]
    for sample in samples:
        in_length = theirs.get("min", 0) <= len(sample) <= theirs.get("max", 10**6)
        assert bool(re.fullmatch(ours, sample, re.ASCII)) == bool(in_length and pattern.fullmatch(sample)), (
            sample
        )


def test_directory_takes_two_subnets():
    assert shape("workspaces", "SubnetIds")["max"] == limits.DIRECTORY_SUBNETS
    assert shape("ds", "OrganizationalUnitDN")["max"] == limits.DEFAULT_OU_LENGTH[1]
    assert (
        "two or more"
        in shape("workspaces", "WorkspaceCreationProperties")["members"]["DefaultOu"]["documentation"]
    )


def test_kms_ranges_and_lengths():
    rotation = shape("kms", "RotationPeriodInDaysType")
    assert (rotation["min"], rotation["max"]) == limits.ROTATION_PERIOD_DAYS
    pending = shape("kms", "PendingWindowInDaysType")  # the API itself narrows 1..365 to 7..30
    assert (
        pending["min"] <= limits.DELETION_WINDOW_DAYS[0] <= limits.DELETION_WINDOW_DAYS[1] <= pending["max"]
    )
    assert shape("kms", "DescriptionType")["max"] == limits.KEY_DESCRIPTION_MAX_LENGTH
    alias = shape("kms", "AliasNameType")
    assert alias["max"] == limits.ALIAS_MAX_LENGTH
    assert "alias/aws/" in shape("kms", "CreateAliasRequest")["members"]["AliasName"]["documentation"]
    # Our alias pattern is a subset of the model's, and reaches its full length.
    theirs = java_pattern(alias["pattern"])
    longest = "alias/" + "a" * 250
    assert re.fullmatch(limits.ALIAS_PATTERN, longest) and theirs.fullmatch(longest) and len(longest) == 256
    assert not re.fullmatch(limits.ALIAS_PATTERN, longest + "a")
    for sample in ("alias/a-b_c/d", "alias/x:y", "alias/é", "alias/"):
        if re.fullmatch(limits.ALIAS_PATTERN, sample):
            assert theirs.fullmatch(sample)


def test_iam_names_paths_and_accounts():
    for kind, shape_name in (("role", "roleNameType"), ("user", "userNameType"), ("group", "groupNameType")):
        theirs = shape("iam", shape_name)
        assert theirs["max"] == arns.IAM_NAME_MAX_LENGTH[kind]
        assert java_pattern(theirs["pattern"]).pattern == "[\\w+=,.@-]+"
    # Java's \w is ASCII: ours spells it out.
    assert re.fullmatch(f"{arns.IAM_NAME_CHARACTERS}+", "Ab_9+=,.@-")
    assert not re.fullmatch(f"{arns.IAM_NAME_CHARACTERS}+", "José")
    path = shape("iam", "pathType")
    assert path["max"] == arns.IAM_PATH_MAX_LENGTH
    assert path["pattern"] == "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"
    assert shape("kms", "AccountIdType")["pattern"] == "[0-9]{12}" == arns.ACCOUNT_ID


def test_tag_rules_per_service():
    iam_key, iam_value = shape("iam", "tagKeyType"), shape("iam", "tagValueType")
    assert (iam_key["max"], iam_value["max"], shape("iam", "tagListType")["max"]) == (
        tags.IAM_TAGS.key_max_length,
        tags.IAM_TAGS.value_max_length,
        tags.IAM_TAGS.max_tags,
    )
    assert iam_key["pattern"] == "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"
    assert set(tags.TAG_SPECIAL_CHARACTERS) == set("_.:/=+-@")
    assert (shape("kms", "TagKeyType")["max"], shape("kms", "TagValueType")["max"]) == (
        tags.KMS_TAGS.key_max_length,
        tags.KMS_TAGS.value_max_length,
    )
    assert (shape("workspaces", "TagKey")["max"], shape("workspaces", "TagValue")["max"]) == (
        tags.WORKSPACES_TAGS.key_max_length,
        tags.WORKSPACES_TAGS.value_max_length,
    )
    assert (
        "maximum of 50 tags" in shape("workspaces", "CreateTagsRequest")["members"]["Tags"]["documentation"]
    )


def test_partitions_and_regions_are_botocores():
    data = _LOADER.load_data("endpoints")
    theirs = {p["partition"]: p for p in data["partitions"]}
    assert set(partitions.PARTITIONS) == set(theirs)
    for ours in partitions.PARTITION_TABLE:
        partition = theirs[ours.name]
        assert ours.region_regex == partition["regionRegex"]
        assert set(ours.regions) == set(partition["regions"])
        assert ours.dns_suffix == partition["dnsSuffix"]
        workspaces = partition["services"].get("workspaces", {}).get("endpoints", {})
        assert set(ours.workspaces_regions) == {r for r in workspaces if r in partition["regions"]}
        for region in ours.regions:
            assert partitions.partition_for_region(region) == ours.name
