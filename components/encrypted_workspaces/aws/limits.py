"""What the AWS APIs accept: enums, ranges and patterns, each with the page it comes from."""

from __future__ import annotations

# --- WorkSpaces -------------------------------------------------------------------------------------

# The WorkSpaces API's compute types for WorkSpaces Personal.
# https://docs.aws.amazon.com/workspaces/latest/api/API_ComputeType.html
COMPUTE_TYPE_NAMES: tuple[str, ...] = (
    "VALUE",
    "STANDARD",
    "PERFORMANCE",
    "POWER",
    "POWERPRO",
    "GENERALPURPOSE_4XLARGE",
    "GENERALPURPOSE_8XLARGE",
    "GRAPHICS",
    "GRAPHICSPRO",
    "GRAPHICS_G4DN",
    "GRAPHICSPRO_G4DN",
)
GRAPHICS_COMPUTE_TYPES = frozenset({"GRAPHICS", "GRAPHICSPRO", "GRAPHICS_G4DN", "GRAPHICSPRO_G4DN"})
# https://docs.aws.amazon.com/workspaces/latest/api/API_WorkspaceProperties.html
RUNNING_MODES: tuple[str, ...] = ("AUTO_STOP", "ALWAYS_ON")
# AUTO_STOP timeouts are whole hours ("in 60-minute intervals").
AUTO_STOP_INTERVAL_MINUTES = 60
# https://docs.aws.amazon.com/workspaces/latest/api/API_WorkspaceAccessProperties.html
DEVICE_ACCESS: tuple[str, ...] = ("ALLOW", "DENY")

# Root/user volume sizes AWS accepts, in GiB ("Modify a WorkSpace", volume sizes).
# https://docs.aws.amazon.com/workspaces/latest/adminguide/modify-workspaces.html
VOLUME_SIZES_ALLOWED = (
    "root 80 with user 10, 50 or 100; or root 175..2000 with user 100..2000 "
    "(graphics: also root 100 with user 100)"
)


def volume_sizes_valid(root_gib: int, user_gib: int, compute_type_name: str) -> bool:
    if root_gib == 80 and user_gib in (10, 50, 100):
        return True
    if 175 <= root_gib <= 2000 and 100 <= user_gib <= 2000:
        return True
    return compute_type_name in GRAPHICS_COMPUTE_TYPES and (root_gib, user_gib) == (100, 100)


# "WorkSpaces launched with root volume encryption enabled might take up to an hour to provision".
# https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
ENCRYPTED_ROOT_PROVISIONING_MINUTES = 60

# WorkSpaces reads its service role by this exact name: one per account.
# https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-access-control.html
DEFAULT_ROLE_NAME = "workspaces_DefaultRole"

# Directory user names as WorkSpaces accepts them (1..63 characters).
USER_NAME_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}"

# Resource ids.
DIRECTORY_ID_PATTERN = r"d-[0-9a-f]{10}"
SUBNET_ID_PATTERN = r"subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?"
SECURITY_GROUP_ID_PATTERN = r"sg-[0-9a-f]{8}(?:[0-9a-f]{9})?"
BUNDLE_ID_PATTERN = r"wsb-[0-9a-z]{9}"
ACCOUNT_ID_PATTERN = r"\d{12}"
# Region codes of every partition: eu-west-1, us-gov-west-1, cn-north-1, us-iso-east-1, us-isob-east-1.
# https://docs.aws.amazon.com/general/latest/gr/rande.html
REGION_PATTERN = r"[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d"
# WorkSpaces needs subnets in two Availability Zones.
DIRECTORY_MIN_SUBNETS = 2

# --- KMS ----------------------------------------------------------------------------------------------

# https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
ROTATION_PERIOD_DAYS = (90, 2560)
# KMS's own default rotation period.
DEFAULT_ROTATION_PERIOD_DAYS = 365
# https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
DELETION_WINDOW_DAYS = (7, 30)
# https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
KEY_DESCRIPTION_MAX_LENGTH = 8192
# https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
ALIAS_PATTERN = r"alias/[A-Za-z0-9/_-]{1,250}"
RESERVED_ALIAS_PREFIX = "alias/aws/"
# A key id as KMS writes it: a UUID, or mrk- and 32 hex digits for a multi-Region key ("Key
# identifiers (KeyId)": https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id).
KEY_ID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}"
# "Amazon WorkSpaces supports only symmetric KMS keys": the key spec and usage a WorkSpaces key has.
# https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
WORKSPACES_KEY_SPEC = "SYMMETRIC_DEFAULT"
WORKSPACES_KEY_USAGE = "ENCRYPT_DECRYPT"
# The KeyState values (botocore kms service-2.json, shape KeyState) in which KMS refuses to use a key:
# a WorkSpace on it cannot start or reboot. Creating and Updating are passing states, not findings.
# https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
KEY_STATE_ENABLED = "Enabled"
KEY_STATE_DISABLED = "Disabled"
KEY_STATES_PENDING_DELETION = frozenset({"PendingDeletion", "PendingReplicaDeletion"})
KEY_STATES_UNUSABLE = frozenset({"PendingImport", "Unavailable"})
# DescribeKey's KeyManager for keys AWS creates and manages for a service (aws/workspaces).
KEY_MANAGER_AWS = "AWS"

# --- WorkSpaces API -----------------------------------------------------------------------------------

# DescribeWorkspaces returns at most 25 WorkSpaces a page (botocore workspaces service-2.json, shape
# Limit: max 25); the audit asks for full pages.
DESCRIBE_WORKSPACES_PAGE_SIZE = 25
# WorkSpaces on their way out (botocore workspaces service-2.json, shape WorkspaceState): listed for a
# while after TerminateWorkspaces, but no longer anyone's WorkSpace.
WORKSPACE_STATES_GONE = frozenset({"TERMINATING", "TERMINATED"})

# --- tags -----------------------------------------------------------------------------------------------

# https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html
TAG_KEY_MAX_LENGTH = 128
TAG_VALUE_MAX_LENGTH = 256
RESERVED_TAG_PREFIX = "aws:"

# --- breadth: existing keys, bundles by name, IP access control, alarms, adoption -------------------

# A WorkSpace id, for adopting an existing WorkSpace (``import``). botocore workspaces 2015-04-08
# service-2.json, shape WorkspaceId: "^ws-[0-9a-z]{8,63}$".
WORKSPACE_ID_PATTERN = r"ws-[0-9a-z]{8,63}"
# A bundle's name as get_bundle matches it: the Name that DescribeWorkspaceBundles returns, botocore
# workspaces service-2.json WorkspaceBundle.Name, shape NonEmptyString (min 1, no pattern). Not the
# stricter WorkspaceBundleName of CreateWorkspaceBundle (1..64, "^[a-zA-Z0-9_./()\\-]+$"): AWS's
# public bundles have spaces in their names ("Standard with Windows 10 (Server 2019 based)").
BUNDLE_NAME_MIN_LENGTH = 1
# Whose bundles get_bundle searches. botocore workspaces service-2.json, DescribeWorkspaceBundlesRequest
# Owner: "To describe the bundles provided by Amazon Web Services, specify AMAZON. To describe the
# bundles that belong to your account, don't specify a value." ACCOUNT is our name for "don't specify".
AMAZON_BUNDLE_OWNER = "AMAZON"
ACCOUNT_BUNDLE_OWNER = "ACCOUNT"
BUNDLE_OWNERS: tuple[str, ...] = (AMAZON_BUNDLE_OWNER, ACCOUNT_BUNDLE_OWNER)

# IP access control groups. "Amazon WorkSpaces quotas", none adjustable:
# https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-limits.html
#   "Rules per IP access control group: 10", "IP access control groups per directory: 25",
#   (and "IP access control groups: 100" per account and Region, more than one directory can use).
IP_GROUP_MAX_RULES = 10
IP_GROUPS_PER_DIRECTORY = 25
# botocore's IpGroupName, IpGroupDesc and IpRuleDesc shapes are plain strings (no length or
# pattern), and the API reference (CreateIpGroup) lists none: we add no limit of our own. The rule
# source is "the IP address range, in CIDR notation" (IpRuleItem.ipRule), IPv4 only ("IP access
# control groups for WorkSpaces Personal"); the provider checks it with Go's net.ParseCIDR, which
# wants a prefix length and accepts host bits.
# https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html
IP_RULE_MAX_PREFIX = 32

# An SNS topic's name. botocore sns 2010-03-31 service-2.json, CreateTopicInput.Name: "uppercase and
# lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256
# characters long. For a FIFO topic, the name must end with the .fifo suffix."
SNS_TOPIC_NAME_PATTERN = r"[A-Za-z0-9_-]{1,256}(?:\.fifo)?"

# The EventBridge rule that watches the key. botocore events 2015-10-07 service-2.json:
# RuleDescription max 512, EventPattern max 4096 characters (the rule's name is Pulumi's auto-name).
EVENT_RULE_DESCRIPTION_MAX_LENGTH = 512
EVENT_PATTERN_MAX_LENGTH = 4096
