"""The facts preflight judges by, against their sources: the AZ IDs WorkSpaces serves (the guide's
table), the quota codes (Service Quotas' patterns), the directory types and stages (botocore's ds
enums), and the IAM account summary keys (botocore's iam enum)."""

from __future__ import annotations

import re

import botocore.loaders

from encrypted_workspaces.aws import availability_zones, directories, limits, quotas
from encrypted_workspaces.aws.partitions import workspaces_regions

_LOADER = botocore.loaders.create_loader()


def shape(service: str, name: str) -> dict:
    return _LOADER.load_service_model(service, "service-2")["shapes"][name]


def test_us_east_1_is_the_issues_example():
    assert availability_zones.workspaces_az_ids("us-east-1") == ("use1-az2", "use1-az4", "use1-az6")


def test_every_region_of_the_table_offers_workspaces():
    assert set(availability_zones.WORKSPACES_AZ_IDS) <= set(workspaces_regions())


def test_each_regions_az_ids_are_of_that_region_and_distinct():
    # An AZ ID is the Region's short code and azN: use1-az2 (us-east-1), euw1-az1 (eu-west-1).
    for region, az_ids in availability_zones.WORKSPACES_AZ_IDS.items():
        area, direction, number = region.split("-")
        short = area + "".join(word[0] for word in re.findall(r"north|south|east|west|central", direction))
        assert len(set(az_ids)) == len(az_ids) >= 2, region
        assert all(re.fullmatch(rf"{short}{number}-az[1-9]", az_id) for az_id in az_ids), (region, az_ids)


def test_a_region_the_guide_does_not_list_is_not_guessed():
    assert availability_zones.workspaces_az_ids("af-south-1") is None


def test_the_quota_codes_are_what_service_quotas_accepts():
    assert re.fullmatch(shape("service-quotas", "ServiceCode")["pattern"], quotas.WORKSPACES_SERVICE_CODE)
    assert re.fullmatch(
        shape("service-quotas", "QuotaCode")["pattern"], quotas.WORKSPACES_PER_REGION_QUOTA_CODE
    )
    assert re.fullmatch(r"L-[0-9A-F]{8}", quotas.WORKSPACES_PER_REGION_QUOTA_CODE)
    assert quotas.WORKSPACES_PER_REGION_DEFAULT == 1


def test_the_attached_policy_quotas_are_account_summary_keys():
    assert set(quotas.ATTACHED_POLICIES_QUOTA_KEYS.values()) <= set(shape("iam", "summaryKeyType")["enum"])


def test_directory_types_and_stages_are_botocores():
    types = shape("ds", "DirectoryType")["enum"]
    assert set(directories.DIRECTORY_TYPES_WORKSPACES_USES) | {directories.SHARED_DIRECTORY_TYPE} == set(
        types
    )
    assert directories.DIRECTORY_STAGE_ACTIVE in shape("ds", "DirectoryStage")["enum"]
    assert set(directories.DIRECTORY_DATA_TYPES) < set(directories.DIRECTORY_TYPES_WORKSPACES_USES)
    assert directories.DIRECTORY_DATA_DISABLED in shape("ds-data", "AccessDeniedReason")["enum"]


def test_bundles_are_described_25_ids_at_a_time():
    assert shape("workspaces", "BundleIdList")["max"] == limits.DESCRIBE_BUNDLES_MAX_IDS
