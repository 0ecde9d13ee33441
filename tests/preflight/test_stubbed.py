"""The checks whose API moto lacks, or whose state moto cannot put a resource in: that one call is
answered by botocore's Stubber, everything else by moto. Unanswered (moto alone), the same checks are
not checked, never blockers (test_problems.py's ready account shows that for each of them)."""

from __future__ import annotations

import datetime
import json

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from tests.audit.seed import documented_key_policy
from tests.preflight.run import document, found, unchecked, verdict_with
from tests.preflight.seed import REGION, ReadyAccount, ready_account

QUOTA = {"ServiceCode": "workspaces", "QuotaCode": "L-34278094"}
PUBLIC_BUNDLE = "wsb-bh8rsxt14"


@pytest.fixture
def ready():
    with mock_aws():
        yield ready_account()


def stubbed(reader, service: str, *responses: tuple) -> Stubber:
    """A started Stubber on the reader's client for ``service``: (operation, response) answers, or
    (operation, error code, status, extra) errors, in order."""
    stubber = Stubber(reader.client(service))
    for answer in responses:
        if isinstance(answer[1], dict):
            stubber.add_response(answer[0], answer[1], answer[2] if len(answer) > 2 else None)
        else:
            operation, code, status, *extra = answer
            stubber.add_client_error(
                operation,
                service_error_code=code,
                http_status_code=status,
                response_meta=None,
                modeled_fields=extra[0] if extra else None,
            )
    stubber.activate()
    reader.stubbers.append(stubber)  # verdict_with checks each was used up, then removes it
    return stubber


def quota(value: float) -> dict:
    return {"Quota": {**QUOTA, "QuotaName": "WorkSpaces", "Value": value, "Adjustable": True}}


def assert_only(report: dict, check: str, resources: set[str], also_checked: set[str]) -> None:
    """``check`` found exactly ``resources``, nothing else found, and the stubbed checks were checked."""
    assert found(report) == {check: resources}
    assert not also_checked & set(unchecked(report)), unchecked(report)


# --- Service Quotas: moto has no WorkSpaces quotas (and no GetAWSDefaultServiceQuota) -------------------


def test_a_quota_smaller_than_the_workspaces_there_will_be_is_a_blocker(ready, tmp_path):
    # No applied value (NoSuchResourceException), so the default, 1, applies: the first of two fits.
    def prepare(reader):
        stubbed(
            reader,
            "servicequotas",
            ("get_service_quota", "NoSuchResourceException", 400),
            ("get_aws_default_service_quota", quota(1.0), QUOTA),
        )

    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert_only(report, "quota-workspaces-exceeded", {"workspaces/L-34278094"}, {"quota-workspaces-exceeded"})
    assert report["findings"][0]["message"] == (
        "us-east-1 has 0 WorkSpaces and this rollout creates 2, 2 in all, but the quota WorkSpaces is 1: "
        "`pulumi up` fails after the first 1; raise the quota to at least 2 with Service Quotas (aws "
        "service-quotas request-service-quota-increase --service-code workspaces --quota-code L-34278094 "
        "--desired-value 2 --region us-east-1)"
    )


def test_a_quota_this_rollout_fills_is_a_warning(ready, tmp_path):
    def prepare(reader):
        stubbed(reader, "servicequotas", ("get_service_quota", quota(2.0), QUOTA))

    verdict = verdict_with(ready.stack_file(tmp_path), prepare)
    assert_only(
        document(verdict), "quota-workspaces-full", {"workspaces/L-34278094"}, {"quota-workspaces-full"}
    )
    assert verdict.blockers == []


def test_a_quota_with_room_is_no_finding(ready, tmp_path):
    def prepare(reader):
        stubbed(reader, "servicequotas", ("get_service_quota", quota(50.0), QUOTA))

    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert report["findings"] == [] and "quota-workspaces-exceeded" not in unchecked(report)
    assert report["checked"]["quotas"] == 1


# --- DescribeWorkspaceBundles: moto has no bundles ---------------------------------------------------------


def bundle(bundle_id: str = PUBLIC_BUNDLE, name: str = "Standard with Windows 10", root: str = "80") -> dict:
    return {
        "BundleId": bundle_id,
        "Name": name,
        "Owner": "Amazon",
        "RootStorage": {"Capacity": root},
        "UserStorage": {"Capacity": "50"},
        "ComputeType": {"Name": "STANDARD"},
    }


def with_bundles(*bundle_answers: tuple):
    """The workspaces client stubbed whole: its two core calls answered empty (a first `pulumi up`), then
    DescribeWorkspaceBundles as given."""

    def prepare(reader):
        stubbed(
            reader,
            "workspaces",
            ("describe_workspaces", {"Workspaces": []}),
            ("describe_workspace_directories", {"Directories": []}),
            *bundle_answers,
        )

    return prepare


def test_a_bundle_that_does_not_exist_is_a_blocker(ready, tmp_path):
    prepare = with_bundles(("describe_workspace_bundles", {"Bundles": []}, {"BundleIds": [PUBLIC_BUNDLE]}))
    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert_only(report, "bundle-not-found", {PUBLIC_BUNDLE}, {"bundle-not-found"})
    assert "which alice, bob would get" in report["findings"][0]["message"]


def test_a_bundle_whose_root_volume_is_larger_than_the_stack_asks_is_a_blocker(ready, tmp_path):
    answer = {"Bundles": [bundle(root="175")]}
    prepare = with_bundles(("describe_workspace_bundles", answer, {"BundleIds": [PUBLIC_BUNDLE]}))
    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert_only(report, "bundle-root-volume-larger", {PUBLIC_BUNDLE}, {"bundle-root-volume-larger"})
    assert "set rootVolumeSizeGib to at least 175" in report["findings"][0]["message"]


def test_a_bundle_named_by_name_is_found_among_amazons_pages(ready, tmp_path):
    ready.namespace["workspaces"]["defaults"] = {"bundleName": "Performance with Windows 10"}
    prepare = with_bundles(
        ("describe_workspace_bundles", {"Bundles": [bundle()], "NextToken": "2"}, {"Owner": "AMAZON"}),
        (
            "describe_workspace_bundles",
            {"Bundles": [bundle("wsb-8vbljg4r6", "Performance with Windows 10")]},
            {"Owner": "AMAZON", "NextToken": "2"},
        ),
    )
    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert report["findings"] == []
    assert report["checked"]["bundles"] == 1


# --- Directory Service Data: moto does not emulate it ------------------------------------------------------


def test_a_user_the_directory_does_not_have_is_a_blocker(ready, tmp_path):
    def prepare(reader):
        stubbed(
            reader,
            "ds-data",
            ("describe_user", {"DirectoryId": ready.directory, "SAMAccountName": "alice"}),
            ("describe_user", "ResourceNotFoundException", 404),
        )

    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert_only(report, "user-not-found", {f"{ready.directory}/bob"}, {"user-not-found"})


def test_directory_service_data_not_enabled_is_not_checked_with_the_reason(ready, tmp_path):
    def prepare(reader):
        stubbed(
            reader, "ds-data", ("describe_user", "AccessDeniedException", 403, {"Reason": "DATA_DISABLED"})
        )

    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert report["findings"] == []
    assert unchecked(report)["user-not-found"] == (
        f"Directory Service Data is not enabled on {ready.directory} (aws ds enable-directory-data-access "
        f"--directory-id {ready.directory})"
    )


def test_a_denied_user_look_up_is_not_checked_naming_both_actions_it_needs(ready, tmp_path):
    def prepare(reader):
        stubbed(reader, "ds-data", ("describe_user", "AccessDeniedException", 403, {"Reason": "IAM_AUTH"}))

    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert report["findings"] == []
    assert unchecked(report)["user-not-found"] == (
        "ds-data DescribeUser: access denied: the preflight needs ds-data:DescribeUser and ds:AccessDSData "
        "(HTTP 403 AccessDeniedException)"
    )


def test_a_directory_other_than_managed_microsoft_ad_is_not_looked_in(tmp_path):
    with mock_aws():
        ready = ready_account()
        simple = ready.account.ds.create_directory(
            Name="simple.example.com",
            Password="Passw0rd!",
            Size="Small",
            VpcSettings={"VpcId": ready.vpc, "SubnetIds": ready.subnets},
        )["DirectoryId"]
        ready.namespace["directory"]["directoryId"] = simple
        report = document(verdict_with(ready.stack_file(tmp_path)))
    assert unchecked(report)["user-not-found"] == (
        f"Directory Service Data looks users up in AWS Managed Microsoft AD only; {simple} is SimpleAD"
    )


# --- directory states and kinds moto cannot make ----------------------------------------------------------


def described_directory(ready: ReadyAccount, **changes) -> dict:
    real = boto3.client("ds", region_name=REGION).describe_directories(DirectoryIds=[ready.directory])
    description = real["DirectoryDescriptions"][0] | changes
    # moto answers 0 here, below the model's minimum of 2 (a directory has two domain controllers).
    description.pop("DesiredNumberOfDomainControllers", None)
    return {"DirectoryDescriptions": [description]}


@pytest.mark.parametrize(
    ("changes", "check", "words"),
    [
        ({"Stage": "Creating"}, "directory-not-active", "is Creating, not Active"),
        ({"Type": "SharedMicrosoftAD"}, "directory-type-unsupported", "is a SharedMicrosoftAD directory"),
        (
            {"RegionsInfo": {"PrimaryRegion": "us-west-2"}},
            "directory-type-unsupported",
            "is a replica in us-east-1",
        ),
    ],
)
def test_a_directory_workspaces_cannot_register_is_a_blocker(ready, tmp_path, changes, check, words):
    def prepare(reader):
        stubbed(reader, "ds", ("describe_directories", described_directory(ready, **changes)))

    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert found(report) == {check: {ready.directory}}
    assert words in report["findings"][0]["message"]


# --- a key state moto cannot make ------------------------------------------------------------------------


def test_an_existing_key_awaiting_its_key_material_is_a_blocker(ready, tmp_path):
    arn = ready.account.key()
    ready.namespace["key"] = {"existing": arn}
    metadata = boto3.client("kms", region_name=REGION).describe_key(KeyId=arn)["KeyMetadata"]

    def prepare(reader):
        stubbed(
            reader,
            "kms",
            ("describe_key", {"KeyMetadata": metadata | {"KeyState": "PendingImport", "Origin": "EXTERNAL"}}),
            ("get_key_policy", {"Policy": json.dumps(documented_key_policy()), "PolicyName": "default"}),
        )

    report = document(verdict_with(ready.stack_file(tmp_path), prepare))
    assert found(report) == {"existing-key-unusable": {arn}}


def test_a_key_pending_deletion_says_when(ready, tmp_path):
    arn = ready.account.key(state="PendingDeletion")
    ready.namespace["key"] = {"existing": arn}
    report = document(verdict_with(ready.stack_file(tmp_path)))
    (finding,) = report["findings"]
    when = boto3.client("kms", region_name=REGION).describe_key(KeyId=arn)["KeyMetadata"]["DeletionDate"]
    assert isinstance(when, datetime.datetime)
    assert f"is scheduled for deletion on {when:%Y-%m-%d}" in finding["message"]
