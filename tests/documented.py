"""The AWS documentation's sample policies, verbatim (shared/seeds/), and our stated corrections.

test_documented_samples_match_the_seeds checks these transcriptions against the seed files.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

# "Encrypted WorkSpaces", sample key policy (seeds 000 and 001).
KEY_POLICY_SAMPLE = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": "kms:*",
            "Resource": "*",
        },
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:user/Alice"},
            "Action": [
                "kms:Create*",
                "kms:Describe*",
                "kms:Enable*",
                "kms:List*",
                "kms:Put*",
                "kms:Update*",
                "kms:Revoke*",
                "kms:Disable*",
                "kms:Get*",
                "kms:Delete*",
            ],
            "Resource": "*",
        },
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:user/Alice"},
            "Action": [
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncrypt",
                "kms:GenerateDataKey*",
                "kms:DescribeKey",
            ],
            "Resource": "*",
        },
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:user/Alice"},
            "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
            "Resource": "*",
            "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}},
        },
    ],
}

# "Encrypted WorkSpaces", Part 2, IAM policy for WorkSpaces access (seed 001, current edition).
WORKSPACES_IAM_SAMPLE = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ds:*",
                "ds:DescribeDirectories",
                "workspaces:*",
                "workspaces:DescribeWorkspaceBundles",
                "workspaces:CreateWorkspaces",
                "workspaces:DescribeWorkspaceBundles",
                "workspaces:DescribeWorkspaceDirectories",
                "workspaces:DescribeWorkspaces",
                "workspaces:RebootWorkspaces",
                "workspaces:RebuildWorkspaces",
            ],
            "Resource": "*",
        }
    ],
}

# "How Amazon WorkSpaces uses AWS KMS", Part 2, key-scoped IAM policy (seeds 001 and 002).
KEY_SCOPED_IAM_SAMPLE = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "kms:CreateGrant",
            "Resource": "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
        {"Effect": "Allow", "Action": ["kms:ListAliases", "kms:ListKeys"], "Resource": "*"},
    ],
}
SAMPLE_KEY_ARN = KEY_SCOPED_IAM_SAMPLE["Statement"][0]["Resource"]


# The KMS default key policy's statement for key administrators ("Allows key administrators to
# administer the KMS key", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html)
# grants these beyond the WorkSpaces sample, in this order; our key policy adds them (stated
# correction in documents/actions.py).
DEFAULT_KEY_POLICY_ADMINISTRATOR_EXTRAS = [
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
]


# --- the corrections we state (documents/actions.py), applied to a copy of a sample --------------


def with_actions_appended(document: dict, statement_index: int, extra: list[str]) -> dict:
    corrected = copy.deepcopy(document)
    statement = corrected["Statement"][statement_index]
    statement["Action"] = [*statement["Action"], *extra]
    return corrected


def with_sids(document: dict, sids: list[str]) -> dict:
    corrected = copy.deepcopy(document)
    for statement, sid in zip(corrected["Statement"], sids, strict=True):
        items = list(statement.items())
        statement.clear()
        statement.update({"Sid": sid, **dict(items)})
    return corrected


def replace_action(document: dict, old: str, new: str) -> dict:
    corrected = copy.deepcopy(document)
    for statement in corrected["Statement"]:
        actions = statement["Action"]
        if isinstance(actions, list):
            statement["Action"] = [new if action == old else action for action in actions]
    return corrected


def without_redundant_actions(document: dict) -> dict:
    """Drop actions that a wildcard of the same service in the same statement already grants, and repeats."""
    corrected = copy.deepcopy(document)
    for statement in corrected["Statement"]:
        actions = statement["Action"]
        wildcards = {action.split(":")[0] for action in actions if action.endswith(":*")}
        kept: list[str] = []
        for action in actions:
            covered = not action.endswith(":*") and action.split(":")[0] in wildcards
            if not covered and action not in kept:
                kept.append(action)
        statement["Action"] = kept
    return corrected


def with_principal(document: dict, statement_indexes: range, principal) -> dict:
    corrected = copy.deepcopy(document)
    for index in statement_indexes:
        corrected["Statement"][index]["Principal"] = {"AWS": principal}
    return corrected


# --- reading the samples from the seeds ----------------------------------------------------------


def find_seeds() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


def documents_in_seed(path: Path) -> list[dict]:
    """Every JSON policy document printed in a seed page, in order."""
    text = path.read_text()
    # The HTML-extracted pages break lines inside ARNs ("arn:aws:iam::\n123456789012\n:root").
    flat = re.sub(r"\s*\n\s*", "", text)
    decoder = json.JSONDecoder()
    documents, index = [], 0
    while (start := flat.find('"Version"', index)) >= 0:
        brace = flat.rfind("{", 0, start)
        try:
            document, length = decoder.raw_decode(flat[brace:])
        except ValueError:
            index = start + 1
            continue
        documents.append(document)
        index = brace + length
    return documents
