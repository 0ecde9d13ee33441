"""What the config and plan refuse: one row per rule, built from the limits themselves, with its source.

The "What the config refuses" section of docs/troubleshooting.md is this table, rendered by
``refusals_markdown()`` between ``BEGIN`` and ``END``; ``make generate`` rewrites it with the other
generated files, and the tests keep the two equal, so a changed limit changes the page or fails the tests.
"""

from __future__ import annotations

from encrypted_workspaces.aws import arns, limits, logon_names, partitions, tags
from encrypted_workspaces.aws.timeouts import ALLOWED as DURATION_ALLOWED
from encrypted_workspaces.config import NAMESPACE
from encrypted_workspaces.config.tags import OWNER_TAG

from .stack_yaml import MAX_DEPTH

BOTOCORE = "botocore"
BEGIN = "<!-- refusals:start -->"
END = "<!-- refusals:end -->"


def _range(bounds: tuple[int, int]) -> str:
    return f"{bounds[0]}..{bounds[1]}"


def refusal_rows() -> list[tuple[str, str, str]]:
    """(key, what is accepted, source) for each rule."""
    ws, kms, iam = tags.WORKSPACES_TAGS, tags.KMS_TAGS, tags.IAM_TAGS
    strictest_key = min(rule.key_max_length for rule in tags.TAG_RULES)
    strictest_value = min(rule.value_max_length for rule in tags.TAG_RULES)
    max_tags = min(rule.max_tags for rule in tags.TAG_RULES) - 1
    integer = f"an integer (true/false and 80.0 are not), {_range(limits.INT32_RANGE)}"
    return [
        (
            "`aws:region`",
            "a region botocore knows, where WorkSpaces has an endpoint: "
            + ", ".join(partitions.workspaces_regions()),
            f"{BOTOCORE} endpoints.json",
        ),
        (
            "`aws:allowedAccountIds`",
            "exactly one account id, a quoted string of 12 ASCII digits",
            f"{BOTOCORE} kms AccountIdType; plan needs the account",
        ),
        (
            "config keys",
            f"a namespace one typo away from `{NAMESPACE}:` (`encrypted-workspace:`, "
            "`encrypted_workspaces:`, `encryptedworkspaces:`) is refused, naming the key meant; an "
            "unknown key of ours names the key one typo away; other namespaces are other programs'",
            "Pulumi passes a key only to its namespace's owner",
        ),
        (
            "a `secure:` value",
            "planned with its placeholder where Pulumi passes the value on to AWS as it is (bundle, "
            "directory, subnet and security group ids, OU, compute type, device access, IP range, alias, "
            "alarm topic, bundle name, tag values, descriptions), the checks not made printed; anywhere "
            "else (principals, `key.existing`, `importId`, `runningMode`, timeouts, users) refused: "
            "give it in plain text",
            "plan cannot decrypt it",
        ),
        (
            "every ARN",
            "in the region's partition (" + ", ".join(partitions.PARTITIONS) + ")",
            f"{BOTOCORE} endpoints.json",
        ),
        ("`key.administrators`, `key.users`", "IAM role or user ARNs", "KMS key policy principals"),
        (
            "`administrators.principals`",
            "IAM role, user or group ARNs of the stack's own account (policies are attached by name)",
            "IAM Attach*Policy",
        ),
        (
            "IAM principal ARNs",
            f"names of {arns.IAM_NAME_CHARACTERS} (ASCII), role/user "
            f"1..{arns.IAM_NAME_MAX_LENGTH['role']}, group 1..{arns.IAM_NAME_MAX_LENGTH['group']}; "
            f"path `/` or `/…/` of ASCII `!`..`~`, at most {arns.IAM_PATH_MAX_LENGTH}; account "
            f"{arns.ACCOUNT_ID}; one ARN per role, user or group name (names are unique per account "
            "whatever the path, in any case)",
            f"{BOTOCORE} iam roleNameType, userNameType, groupNameType, pathType",
        ),
        (
            "`key.alias`",
            f"`{limits.ALIAS_PATTERN}` (at most {limits.ALIAS_MAX_LENGTH} characters), not "
            f"`{limits.RESERVED_ALIAS_PREFIX}…` in any case",
            f"{BOTOCORE} kms AliasNameType; CreateAlias",
        ),
        (
            "`key.rotationPeriodInDays`",
            _range(limits.ROTATION_PERIOD_DAYS),
            f"{BOTOCORE} kms RotationPeriodInDaysType",
        ),
        ("`key.deletionWindowInDays`", _range(limits.DELETION_WINDOW_DAYS), "KMS ScheduleKeyDeletion"),
        (
            "`key.description`",
            f"at most {limits.KEY_DESCRIPTION_MAX_LENGTH} characters",
            f"{BOTOCORE} kms DescriptionType",
        ),
        (
            "`tags`",
            f"at most {max_tags} (WorkSpaces allows {ws.max_tags} per resource; the component "
            f"adds `{OWNER_TAG}`), none named `{OWNER_TAG}`, no two keys equal but for case (IAM)",
            f"{BOTOCORE} workspaces CreateTags; iam tagListType",
        ),
        (
            "`tags.<key>`",
            f"1..{strictest_key} characters (WorkSpaces {ws.key_max_length}, IAM "
            f"{iam.key_max_length}, KMS {kms.key_max_length}) of {tags.TAG_CHARACTERS_ALLOWED}; not "
            f"`{tags.RESERVED_TAG_PREFIX}…` in any case",
            f"{BOTOCORE} workspaces TagKey, iam tagKeyType, kms TagKeyType",
        ),
        (
            "`tags.<key>` value",
            f"0..{strictest_value} characters (WorkSpaces {ws.value_max_length}, IAM "
            f"{iam.value_max_length}, KMS {kms.value_max_length}) of the same characters",
            f"{BOTOCORE} workspaces TagValue, iam tagValueType, kms TagValueType",
        ),
        ("`directory.directoryId`", f"`{limits.DIRECTORY_ID_PATTERN}`", f"{BOTOCORE} ds DirectoryId"),
        (
            "`directory.subnetIds`",
            f"exactly {limits.DIRECTORY_SUBNETS} different `{limits.SUBNET_ID_PATTERN}`",
            f"{BOTOCORE} workspaces SubnetIds, SubnetId",
        ),
        (
            "`directory.workspaceCreationProperties.customSecurityGroupId`",
            f"`{limits.SECURITY_GROUP_ID_PATTERN}`",
            f"{BOTOCORE} workspaces SecurityGroupId",
        ),
        (
            "`directory.workspaceCreationProperties.defaultOu`",
            f"`OU=…[,OU=…],DC=…,DC=…[,DC=…]`, at most {limits.DEFAULT_OU_LENGTH[1]} characters",
            f"{BOTOCORE} workspaces DefaultOu, ds OrganizationalUnitDN",
        ),
        (
            "`directory.workspaceAccessProperties.*`",
            " or ".join(limits.DEVICE_ACCESS),
            f"{BOTOCORE} workspaces AccessPropertyValue",
        ),
        (
            "`workspaces.defaults.bundleId`",
            f"`{limits.BUNDLE_ID_PATTERN}`",
            f"{BOTOCORE} workspaces BundleId",
        ),
        (
            "`workspaces.*.computeTypeName`",
            ", ".join(limits.COMPUTE_TYPE_NAMES),
            f"{BOTOCORE} workspaces Compute, as pulumi-aws 7.x accepts it",
        ),
        (
            "`workspaces.*.runningMode`",
            " or ".join(limits.RUNNING_MODES),
            f"{BOTOCORE} workspaces RunningMode (MANUAL is WorkSpaces Core)",
        ),
        (
            "`workspaces.*.runningModeAutoStopTimeoutInMinutes`",
            f"a positive multiple of "
            f"{limits.AUTO_STOP_INTERVAL_MINUTES}, at most {limits.INT32_RANGE[1]}; AUTO_STOP only",
            f"{BOTOCORE} workspaces RunningModeAutoStopTimeoutInMinutes",
        ),
        (
            "`workspaces.*.rootVolumeSizeGib`",
            f"{integer}; {limits.ROOT_VOLUME_SIZES_ALLOWED}",
            "WorkSpaces admin guide, Modify a WorkSpace",
        ),
        (
            "`workspaces.*.userVolumeSizeGib`",
            f"{integer}; {limits.USER_VOLUME_SIZES_ALLOWED}",
            "WorkSpaces admin guide, Modify a WorkSpace",
        ),
        (
            "root and user volume together",
            limits.VOLUME_SIZES_ALLOWED,
            "WorkSpaces admin guide, Modify a WorkSpace",
        ),
        (
            "`workspaces.users.<user>`",
            f"{_range(limits.USER_NAME_LENGTH)} characters (UTF-16, as AWS counts), "
            "any script, no control characters, none of "
            + " ".join(f"`{c}`".replace("|", "\\|") for c in logon_names.SAM_ACCOUNT_NAME_INVALID_CHARACTERS)
            + " (an Active Directory logon name: `ACME\\zoe` is `zoe`); case-insensitive. Longer than "
            f"{logon_names.SAM_ACCOUNT_NAME_EARLIER_CLIENTS_LENGTH} characters or ending in `.`: a warning, "
            "since it depends on the directory",
            f"{BOTOCORE} workspaces UserName; Microsoft SAM-Account-Name attribute, USER_INFO_0",
        ),
        (
            "`workspaces.createTimeout`",
            f"{DURATION_ALLOWED}: exactly Go's time.ParseDuration, not negative; "
            f"at least {limits.ENCRYPTED_ROOT_PROVISIONING_MINUTES}m while root volumes are encrypted",
            "Go time.ParseDuration; WorkSpaces admin guide, Encrypted WorkSpaces",
        ),
        ("booleans", 'true or false (not `yes`, `on`, `"true"` or 1)', "YAML 1.2 as Pulumi reads it"),
        (
            "the stack file",
            "UTF-8 (a BOM and CRLF are fine); no key given twice; string keys; no `!!binary`, "
            "`!!set`, `!!timestamp` or custom tags; no plain `yes`/`no`/`on`/`off`, `2:00` or dates "
            "where YAML 1.1 and Pulumi disagree (quote them); no alias bombs; nesting at most "
            f"{MAX_DEPTH} deep",
            "Pulumi's YAML reader (yaml.v3)",
        ),
        ("`--stack`, the stack file's name", f"`{limits.STACK_NAME_PATTERN}`", "Pulumi stack names"),
        ("`--out`", "a directory of plan's own: missing, empty or a previous plan", "plan"),
    ]


def refusals_markdown() -> str:
    lines = ["| key | what is accepted | source |", "| --- | --- | --- |"]
    lines += [f"| {key} | {rule} | {source} |" for key, rule, source in refusal_rows()]
    return "\n".join(lines) + "\n"


def refusals_section() -> str:
    """The table between its markers (in docs/troubleshooting.md)."""
    return f"{BEGIN}\n{refusals_markdown()}{END}"
