"""Tag rules, service by service: the same ``tags`` land on IAM, KMS and WorkSpaces resources, so a tag
must satisfy each service it reaches."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .limits import aws_length

# botocore iam tagKeyType/tagValueType pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]; the same set for KMS and
# WorkSpaces ("User-Defined Tag Restrictions", which KMS's Tag shape cites; WorkSpaces: "Tag your
# WorkSpaces resources").
# https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/allocation-tag-restrictions.html
# https://docs.aws.amazon.com/workspaces/latest/adminguide/tag-workspaces-resources.html
TAG_SPECIAL_CHARACTERS = "_.:/=+-@"
TAG_CHARACTERS_ALLOWED = f"letters, digits, spaces and {' '.join(TAG_SPECIAL_CHARACTERS)}"
# "The aws: prefix is reserved for AWS use", in any case.
RESERVED_TAG_PREFIX = "aws:"


@dataclass(frozen=True)
class TagRules:
    service: str
    key_max_length: int
    value_max_length: int
    max_tags: int  # per resource
    source: str


# botocore iam tagKeyType (1..128), tagValueType (0..256), tagListType (max 50)
IAM_TAGS = TagRules("IAM", 128, 256, 50, "botocore iam tagKeyType, tagValueType, tagListType")
# botocore kms TagKeyType (1..128), TagValueType (0..256); 50 tags per key:
# https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html
KMS_TAGS = TagRules("KMS", 128, 256, 50, "botocore kms TagKeyType, TagValueType; KMS quotas")
# botocore workspaces TagKey (1..127), TagValue (0..255); CreateTags: "Each WorkSpaces resource can
# have a maximum of 50 tags."
WORKSPACES_TAGS = TagRules("WorkSpaces", 127, 255, 50, "botocore workspaces TagKey, TagValue, CreateTags")
TAG_RULES: tuple[TagRules, ...] = (IAM_TAGS, KMS_TAGS, WORKSPACES_TAGS)


def _allowed_character(character: str) -> bool:
    return character in TAG_SPECIAL_CHARACTERS or unicodedata.category(character)[0] in "LZN"


# The same set as a JSON Schema pattern, ASCII only: JSON Schema patterns (and Python's re, which
# jsonschema uses) have no \p{L}. Every ASCII character the set refuses, refused; anything else passed.
TAG_SCHEMA_PATTERN = "^[^\\u0000-\\u001f\\u007f!\"#$%&'()*,;<>?\\[\\\\\\]^`{|}~]*$"


def _bad_character(text: str) -> str | None:
    return next((c for c in text if not _allowed_character(c)), None)


def tag_key_problems(key: str, rules: tuple[TagRules, ...] = TAG_RULES) -> list[str]:
    """What any service in ``rules`` would refuse in a tag key (the strictest decides the length)."""
    problems = []
    if key.lower().startswith(RESERVED_TAG_PREFIX):
        problems.append(f"tag keys cannot start with '{RESERVED_TAG_PREFIX}', in any case: it is AWS's")
    if (bad := _bad_character(key)) is not None:
        problems.append(f"tag keys may hold {TAG_CHARACTERS_ALLOWED} (got {bad!r} in {key!r})")
    length = aws_length(key)
    strictest = min(rules, key=lambda rule: rule.key_max_length)
    if length == 0:
        problems.append("tag keys cannot be empty")
    elif length > strictest.key_max_length:
        problems.append(
            f"{strictest.service} tag keys are at most {strictest.key_max_length} characters (got {length})"
        )
    return problems


def tag_value_problems(value: str, rules: tuple[TagRules, ...] = TAG_RULES) -> list[str]:
    """What any service in ``rules`` would refuse in a tag value (the strictest decides the length)."""
    problems = []
    if (bad := _bad_character(value)) is not None:
        problems.append(f"tag values may hold {TAG_CHARACTERS_ALLOWED} (got {bad!r} in {value!r})")
    length = aws_length(value)
    strictest = min(rules, key=lambda rule: rule.value_max_length)
    if length > strictest.value_max_length:
        problems.append(
            f"{strictest.service} tag values are at most {strictest.value_max_length} characters "
            f"(got {length})"
        )
    return problems
