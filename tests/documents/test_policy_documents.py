"""Each policy document, compared as a whole with the documented one plus our stated corrections."""

from __future__ import annotations

import pytest

from encrypted_workspaces.aws.arns import aws_managed_policy_arn
from encrypted_workspaces.aws.partitions import partition_for_region
from encrypted_workspaces.documents import (
    key_grant_policy,
    workspaces_administrator_policy,
    workspaces_default_role_trust_policy,
    workspaces_key_policy,
)
from tests import documented

ALICE = "arn:aws:iam::123456789012:user/Alice"
KEY_POLICY_SIDS = [
    "EnableIAMPoliciesForTheAccount",
    "AllowKeyAdministrators",
    "AllowKeyUsers",
    "AllowKeyUsersGrantsForAWSResources",
]


def corrected_key_policy_sample() -> dict:
    """The documented key policy with our two corrections and Sids: kms:ReEncrypt -> kms:ReEncrypt*,
    and the key administrators get what the KMS default key policy gives them (tag, untag, schedule
    and cancel deletion)."""
    fixed = documented.replace_action(documented.KEY_POLICY_SAMPLE, "kms:ReEncrypt", "kms:ReEncrypt*")
    fixed = documented.with_actions_appended(fixed, 1, documented.DEFAULT_KEY_POLICY_ADMINISTRATOR_EXTRAS)
    return documented.with_sids(fixed, KEY_POLICY_SIDS)


def test_documented_samples_match_the_seeds():
    seeds = documented.find_seeds()
    if seeds is None:
        pytest.skip("shared/seeds is not beside this checkout")
    current = documented.documents_in_seed(next(seeds.glob("001_*.txt")))
    kms_guide = documented.documents_in_seed(next(seeds.glob("002_*.txt")))
    assert current[0] == documented.KEY_POLICY_SAMPLE
    assert current[1] == documented.WORKSPACES_IAM_SAMPLE
    assert current[3] == documented.KEY_SCOPED_IAM_SAMPLE
    assert kms_guide[0] == documented.KEY_SCOPED_IAM_SAMPLE


def test_key_policy_is_the_documented_one_for_one_administrator_and_user():
    policy = workspaces_key_policy(
        partition="aws", account_id="123456789012", key_administrators=[ALICE], key_users=[ALICE]
    )
    assert policy == corrected_key_policy_sample()


def test_key_policy_never_names_the_nonexistent_kms_reencrypt_action():
    policy = workspaces_key_policy(
        partition="aws", account_id="123456789012", key_administrators=[ALICE], key_users=[ALICE]
    )
    actions = [
        a
        for s in policy["Statement"]
        for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])
    ]
    assert "kms:ReEncrypt" not in actions
    assert "kms:ReEncrypt*" in actions


def test_key_policy_for_several_administrators_and_users_lists_them_sorted_and_once():
    admins = ["arn:aws:iam::123456789012:role/Zed", "arn:aws:iam::123456789012:role/KeyAdmins"]
    users = [
        "arn:aws:iam::123456789012:role/WorkSpacesAdministrators",
        "arn:aws:iam::123456789012:user/bob",
        "arn:aws:iam::123456789012:role/WorkSpacesAdministrators",
    ]
    policy = workspaces_key_policy(
        partition="aws", account_id="123456789012", key_administrators=admins, key_users=users
    )
    expected = documented.with_principal(corrected_key_policy_sample(), range(1, 2), sorted(admins))
    expected = documented.with_principal(
        expected,
        range(2, 4),
        ["arn:aws:iam::123456789012:role/WorkSpacesAdministrators", "arn:aws:iam::123456789012:user/bob"],
    )
    assert policy == expected


@pytest.mark.parametrize(
    ("region", "root"),
    [
        ("eu-west-1", "arn:aws:iam::123456789012:root"),
        ("cn-northwest-1", "arn:aws-cn:iam::123456789012:root"),
        ("us-gov-west-1", "arn:aws-us-gov:iam::123456789012:root"),
    ],
)
def test_key_policy_root_statement_is_partition_aware(region, root):
    partition = partition_for_region(region)
    user = f"arn:{partition}:iam::123456789012:role/Admins"
    policy = workspaces_key_policy(
        partition=partition, account_id="123456789012", key_administrators=[user], key_users=[user]
    )
    assert policy["Statement"][0]["Principal"] == {"AWS": root}


@pytest.mark.parametrize(
    ("administrators", "users", "message"),
    [
        ([], [ALICE], "at least one key administrators"),
        ([ALICE], [], "at least one key users"),
        (["arn:aws:iam::123456789012:group/Admins"], [ALICE], "cannot name groups"),
        ([ALICE], ["arn:aws:iam::123456789012:group/Ops"], "cannot name groups"),
    ],
)
def test_key_policy_refuses_principals_a_key_policy_cannot_hold(administrators, users, message):
    with pytest.raises(ValueError, match=message):
        workspaces_key_policy(
            partition="aws", account_id="123456789012", key_administrators=administrators, key_users=users
        )


def test_workspaces_administrator_policy_is_the_documented_one_without_duplicates():
    expected = documented.with_sids(
        documented.without_redundant_actions(documented.WORKSPACES_IAM_SAMPLE),
        ["WorkSpacesAndDirectoryServiceAccess"],
    )
    assert expected["Statement"][0]["Action"] == ["ds:*", "workspaces:*"]
    assert workspaces_administrator_policy() == expected


def _key_scoped_sample_with_condition() -> dict:
    expected = documented.with_sids(
        documented.KEY_SCOPED_IAM_SAMPLE,
        ["CreateGrantsOnTheWorkSpacesKeyForAWSResources", "ListKeysAndAliasesInTheConsole"],
    )
    expected["Statement"][0]["Condition"] = {"Bool": {"kms:GrantIsForAWSResource": "true"}}
    return expected


def test_key_grant_policy_for_console_administrators_is_the_documented_key_scoped_one():
    policy = key_grant_policy(key_arn=documented.SAMPLE_KEY_ARN, console_access=True)
    assert policy == _key_scoped_sample_with_condition()


def test_key_grant_policy_for_api_only_administrators_omits_the_listing_statement():
    expected = _key_scoped_sample_with_condition()
    expected["Statement"] = expected["Statement"][:1]
    assert key_grant_policy(key_arn=documented.SAMPLE_KEY_ARN, console_access=False) == expected


@pytest.mark.parametrize("not_a_key_arn", ["alias/workspaces", "1234abcd-12ab-34cd-56ef-1234567890ab", ""])
def test_key_grant_policy_refuses_anything_but_a_key_arn(not_a_key_arn):
    with pytest.raises(ValueError, match="must be a KMS key ARN"):
        key_grant_policy(key_arn=not_a_key_arn, console_access=True)


def test_default_role_trust_policy_lets_workspaces_assume_the_role():
    assert workspaces_default_role_trust_policy() == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "workspaces.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }


def test_managed_policy_arns_are_partition_aware():
    assert aws_managed_policy_arn("aws-us-gov", "AmazonWorkSpacesServiceAccess") == (
        "arn:aws-us-gov:iam::aws:policy/AmazonWorkSpacesServiceAccess"
    )
