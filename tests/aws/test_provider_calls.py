"""The table of the calls pulumi-aws makes (aws/provider_calls.py) covers exactly what the component
registers and reads under every option, every call is an operation of its AWS service, and the
deployer's policy scopes every resource the component makes."""

from __future__ import annotations

import fnmatch

import botocore.session
import pytest

from encrypted_workspaces.aws import types
from encrypted_workspaces.aws.provider_calls import (
    DATA_SOURCE_CALLS,
    NO_PERMISSION_NEEDED,
    PROVIDER_SETUP_CALLS,
    RESOURCE_CALLS,
)
from encrypted_workspaces.documents.deployer import RETAINED_ON_DELETE, deployer_policy
from tests.conftest import ACCOUNT_ID, REGION, deploy, valid_namespace

TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT_ID}:security-alerts"


def everything_on() -> dict:
    """Every option that registers or reads something: a created key and the default role, both kinds
    of bundle, IP groups, EBS default encryption, the key-state alarm, an adopted WorkSpace, and
    administrators of each kind (role, user, group)."""
    namespace = valid_namespace()
    namespace["administrators"]["principals"] = [
        f"arn:aws:iam::{ACCOUNT_ID}:role/WorkSpacesAdministrators",
        f"arn:aws:iam::{ACCOUNT_ID}:user/ops/carol",
        f"arn:aws:iam::{ACCOUNT_ID}:group/EndUserComputing",
    ]
    namespace["directory"]["createDefaultRole"] = True
    namespace["directory"]["ipGroups"] = {"vpn": {"rules": [{"source": "198.51.100.7/32"}]}}
    namespace["workspaces"]["users"] = {
        "alice": {"bundleName": "Standard with Windows 10 (Server 2019 based)"},
        "bob": {"bundleName": "golden-image", "bundleOwner": "ACCOUNT"},
        "carol": {"importId": "ws-0123456789"},
    }
    namespace["ebsDefaultEncryption"] = True
    namespace["alarms"] = {"topicArn": TOPIC}
    return namespace


def with_an_existing_key() -> dict:
    namespace = everything_on()
    namespace["key"] = {"existing": "alias/shared-workspaces"}
    return namespace


@pytest.fixture(scope="module")
def deployments():
    return [deploy(everything_on()), deploy(with_an_existing_key())]


def test_the_table_has_a_row_for_each_type_the_component_registers_and_no_other(deployments):
    registered = {r.type for d in deployments for r in d.resources if r.custom}
    assert registered == set(RESOURCE_CALLS)


def test_the_table_has_a_row_for_each_data_source_the_component_reads_and_no_other(deployments):
    read = {invoke.token for d in deployments for invoke in d.invokes}
    assert read == set(DATA_SOURCE_CALLS)


def test_exactly_the_types_retained_on_delete_are_spared_their_delete_calls(deployments):
    by_type: dict[str, set[bool]] = {}
    for registration in (r for d in deployments for r in d.resources if r.custom):
        by_type.setdefault(registration.type, set()).add(registration.options["retainOnDelete"])
    always_retained = {resource_type for resource_type, retained in by_type.items() if retained == {True}}
    assert always_retained == RETAINED_ON_DELETE


def _operations(service: str) -> set[str]:
    return set(botocore.session.get_session().get_service_model(service).operation_names)


def test_every_call_is_an_operation_of_its_service_in_botocore():
    tables = [*RESOURCE_CALLS.values(), *DATA_SOURCE_CALLS.values(), PROVIDER_SETUP_CALLS]
    calls = {call for table in tables for call in table.calls()}
    # botocore names EventBridge "events", as IAM does; the other prefixes are the service names too.
    not_operations = sorted(
        call for call in calls if call.split(":")[1] not in _operations(call.split(":")[0])
    )
    assert not_operations == []
    assert calls >= NO_PERMISSION_NEEDED


def test_every_table_row_names_its_source_files():
    for table in (*RESOURCE_CALLS.values(), *DATA_SOURCE_CALLS.values()):
        assert table.source and all(path.endswith(".go") for path in table.source)


# --- the policy's scopes cover what the component makes ----------------------------------------------


def _statement(sid: str) -> dict:
    (statement,) = [s for s in deployer_policy()["Statement"] if s["Sid"] == sid]
    return statement


def _resources(sid: str) -> list[str]:
    resources = _statement(sid)["Resource"]
    return [resources] if isinstance(resources, str) else resources


def _covered(arn: str, patterns: list[str]) -> bool:
    """IAM's matching: * is any run of characters, ? one character (fnmatch without its [] sets, which
    no ARN here contains)."""
    return any(fnmatch.fnmatchcase(arn, pattern) for pattern in patterns)


def _state_arns(deployments, resource_type: str) -> list[str]:
    arns = [r.state["arn"] for d in deployments for r in d.of_type(resource_type)]
    assert arns, f"no {resource_type} registered: the scope check would pass vacuously"
    return arns


@pytest.mark.parametrize(
    ("resource_type", "sid"),
    [
        (types.KMS_KEY, "KmsManageKeys"),
        (types.KMS_ALIAS, "KmsManageAliases"),
        (types.IAM_POLICY, "IamManageTheAdministratorPolicies"),
        (types.IAM_ROLE, "IamManageTheWorkSpacesDefaultRole"),
        (types.EVENT_RULE, "EventsManageTheKeyStateAlarm"),
    ],
)
def test_each_resource_the_component_makes_is_in_the_scope_of_its_statement(deployments, resource_type, sid):
    outside = [arn for arn in _state_arns(deployments, resource_type) if not _covered(arn, _resources(sid))]
    assert outside == []


def test_the_looked_up_key_is_in_the_scope_of_the_key_statements(deployments):
    (lookup,) = [i for i in deployments[1].invokes if i.token == types.GET_KMS_KEY]
    assert _covered(lookup.answer["arn"], _resources("KmsManageKeys"))
    assert _covered(lookup.answer["arn"], _resources("KmsCreateGrantsForWorkSpacesAndEbs"))


def test_every_attachment_attaches_an_allowed_policy_to_a_principal_in_scope(deployments):
    statement = _statement("IamAttachOnlyThesePoliciesToPrincipals")
    allowed_policies = statement["Condition"]["ArnLike"]["iam:PolicyARN"]
    attachments = [
        r
        for d in deployments
        for t in (
            types.IAM_ROLE_POLICY_ATTACHMENT,
            types.IAM_USER_POLICY_ATTACHMENT,
            types.IAM_GROUP_POLICY_ATTACHMENT,
        )
        for r in d.of_type(t)
    ]
    assert {r.type for r in attachments} == {
        types.IAM_ROLE_POLICY_ATTACHMENT,
        types.IAM_USER_POLICY_ATTACHMENT,
        types.IAM_GROUP_POLICY_ATTACHMENT,
    }
    assert [r.name for r in attachments if not _covered(r.inputs["policyArn"], allowed_policies)] == []
    # The principals, as IAM names them in the request (paths included): the administrators and the
    # default role.
    principals = [*everything_on()["administrators"]["principals"], *_state_arns(deployments, types.IAM_ROLE)]
    assert [arn for arn in principals if not _covered(arn, statement["Resource"])] == []
    # And no other policy: the condition refuses AdministratorAccess, say.
    assert not _covered("arn:aws:iam::aws:policy/AdministratorAccess", allowed_policies)
