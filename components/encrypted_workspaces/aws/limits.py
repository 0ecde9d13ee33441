"""What the AWS APIs accept: enums, ranges, lengths and patterns, each with where it comes from.

"botocore <service> <Shape>" means the shape of that name in botocore's service model
(``botocore/data/<service>/<version>/service-2.json``): ``tests/aws/test_botocore_limits.py`` loads the
model and checks each such constant against it, so they cannot drift. Rules the models do not encode
cite the API reference or guide page instead. Lengths are counted as AWS counts them, in UTF-16 code
units (``aws_length``): AWS's services are Java, and a character outside the BMP is two of them.
"""

from __future__ import annotations

import re
import unicodedata

from .logon_names import logon_name_problem

# An AWS API "Integer" is a signed 32-bit integer.
# https://smithy.io/2.0/spec/simple-types.html#integer
INT32_RANGE = (-(2**31), 2**31 - 1)


def aws_length(text: str) -> int:
    """The length of ``text`` as the AWS APIs count it: UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# --- WorkSpaces -------------------------------------------------------------------------------------

# botocore workspaces Compute, as far as pulumi-aws 7.x accepts it (its `computeTypeName` lists these;
# botocore also has the GRAPHICS_G7_* types, which the provider does not accept yet).
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
    "GRAPHICS_G6_XLARGE",
    "GRAPHICS_G6_2XLARGE",
    "GRAPHICS_G6_4XLARGE",
    "GRAPHICS_G6_8XLARGE",
    "GRAPHICS_G6_16XLARGE",
    "GRAPHICS_GR6_4XLARGE",
    "GRAPHICS_GR6_8XLARGE",
    "GRAPHICS_G6F_LARGE",
    "GRAPHICS_G6F_XLARGE",
    "GRAPHICS_G6F_2XLARGE",
    "GRAPHICS_G6F_4XLARGE",
    "GRAPHICS_GR6F_4XLARGE",
)
# The graphics bundles, which also allow a 100 GiB root with a 100 GiB user volume.
GRAPHICS_COMPUTE_TYPES = frozenset(name for name in COMPUTE_TYPE_NAMES if name.startswith("GRAPHICS"))
# botocore workspaces RunningMode, without MANUAL: "only supported by Amazon WorkSpaces Core"
# (allow-listed accounts), which this component does not manage.
RUNNING_MODES: tuple[str, ...] = ("AUTO_STOP", "ALWAYS_ON")
# The running mode whose auto-stop timeout means something: AWS bills ALWAYS_ON monthly and ignores it.
AUTO_STOP = "AUTO_STOP"
# botocore workspaces RunningModeAutoStopTimeoutInMinutes (Integer): "Configured in 60-minute intervals."
AUTO_STOP_INTERVAL_MINUTES = 60
# botocore workspaces AccessPropertyValue
DEVICE_ACCESS: tuple[str, ...] = ("ALLOW", "DENY")

# Root/user volume sizes AWS accepts, in GiB (botocore has Integer only; the rule is on "Modify a
# WorkSpace", volume sizes): https://docs.aws.amazon.com/workspaces/latest/adminguide/modify-workspaces.html
VOLUME_SIZES_ALLOWED = (
    "root 80 with user 10, 50 or 100; or root 175..2000 with user 100..2000 "
    "(graphics: also root 100 with user 100)"
)
ROOT_VOLUME_SIZES_ALLOWED = "80, 100 (graphics only) or 175..2000"
USER_VOLUME_SIZES_ALLOWED = "10, 50 or 100..2000"
VOLUME_SIZE_MAX_GIB = 2000
# Each volume's sizes on their own, whatever the other volume and the compute type: a few sizes, then
# a range (the stack-file schema says them per key; the pairs are checked with the compute type).
ROOT_VOLUME_SIZES: tuple[tuple[int, ...], tuple[int, int]] = ((80, 100), (175, VOLUME_SIZE_MAX_GIB))
USER_VOLUME_SIZES: tuple[tuple[int, ...], tuple[int, int]] = ((10, 50), (100, VOLUME_SIZE_MAX_GIB))


def _one_of(sizes: tuple[tuple[int, ...], tuple[int, int]], gib: int) -> bool:
    few, (low, high) = sizes
    return gib in few or low <= gib <= high


def root_volume_size_possible(root_gib: int) -> bool:
    """Some compute type and user volume go with this root volume size."""
    return _one_of(ROOT_VOLUME_SIZES, root_gib)


def user_volume_size_possible(user_gib: int) -> bool:
    """Some compute type and root volume go with this user volume size."""
    return _one_of(USER_VOLUME_SIZES, user_gib)


def volume_sizes_valid(root_gib: int, user_gib: int, compute_type_name: str) -> bool:
    if root_gib == 80 and user_gib in (10, 50, 100):
        return True
    if 175 <= root_gib <= VOLUME_SIZE_MAX_GIB and 100 <= user_gib <= VOLUME_SIZE_MAX_GIB:
        return True
    return compute_type_name in GRAPHICS_COMPUTE_TYPES and (root_gib, user_gib) == (100, 100)


# "WorkSpaces launched with root volume encryption enabled might take up to an hour to provision".
# https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
ENCRYPTED_ROOT_PROVISIONING_MINUTES = 60

# WorkSpaces reads its service role by this exact name: one per account.
# https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-access-control.html
DEFAULT_ROLE_NAME = "workspaces_DefaultRole"

# botocore workspaces UserName: 1..63, no pattern. Directory user names may use any script's letters;
# control characters cannot be typed into a directory, and the characters Active Directory refuses in
# a logon name (aws/logon_names.py) no directory holds.
USER_NAME_LENGTH = (1, 63)


def user_name_problem(user_name: str) -> str | None:
    """What AWS would refuse in a WorkSpaces user name, or None."""
    length = aws_length(user_name)
    if not USER_NAME_LENGTH[0] <= length <= USER_NAME_LENGTH[1]:
        return f"user names are {USER_NAME_LENGTH[0]} to {USER_NAME_LENGTH[1]} characters (got {length})"
    control = next((c for c in user_name if unicodedata.category(c) in ("Cc", "Cs")), None)
    if control is not None:
        return f"user names cannot contain control characters (got U+{ord(control):04X} in {user_name!r})"
    return logon_name_problem(user_name)


# Resource ids.
# botocore ds DirectoryId (RegisterWorkspaceDirectory takes a Directory Service directory; the
# workspaces DirectoryId shape also admits WorkSpaces Pools' wsd- ids, which are not registered).
DIRECTORY_ID_PATTERN = r"d-[0-9a-f]{10}"
# botocore workspaces SubnetId (min 15, max 24)
SUBNET_ID_PATTERN = r"subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})"
# botocore workspaces SecurityGroupId (min 11, max 20)
SECURITY_GROUP_ID_PATTERN = r"sg-(?:[0-9a-f]{8}|[0-9a-f]{17})"
# botocore workspaces BundleId
BUNDLE_ID_PATTERN = r"wsb-[0-9a-z]{8,63}"
# botocore kms AccountIdType
ACCOUNT_ID_PATTERN = r"[0-9]{12}"
# botocore workspaces SubnetIds (max 2); RegisterWorkspaceDirectory: "The subnets must also be in
# separate Availability Zones", so two distinct subnets.
DIRECTORY_SUBNETS = 2
# botocore ds OrganizationalUnitDN (1..2000); the form, from botocore workspaces DefaultOu's
# documentation: "OU=value,DC=value,DC=value ... the number of domain components (DCs) is two or more".
DEFAULT_OU_LENGTH = (1, 2000)

# --- KMS ----------------------------------------------------------------------------------------------

# botocore kms RotationPeriodInDaysType
ROTATION_PERIOD_DAYS = (90, 2560)
# KMS's own default rotation period.
# https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
DEFAULT_ROTATION_PERIOD_DAYS = 365
# The ScheduleKeyDeletion waiting period: "between 7 and 30 days" (the model's PendingWindowInDaysType
# says 1..365, the API refuses outside 7..30).
# https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
DELETION_WINDOW_DAYS = (7, 30)
# botocore kms DescriptionType
KEY_DESCRIPTION_MAX_LENGTH = 8192
# botocore kms AliasNameType (1..256, ^[a-zA-Z0-9:/_-]+$); CreateAlias: "alias/" followed by
# alphanumerics, '/', '_' and '-' (':' only appears in alias ARNs).
ALIAS_PATTERN = r"alias/[A-Za-z0-9/_-]{1,250}"
ALIAS_MAX_LENGTH = 256
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
# DescribeWorkspaceBundles takes at most 25 bundle ids a call (botocore workspaces BundleIdList, max 25).
DESCRIBE_BUNDLES_MAX_IDS = 25
# WorkSpaces on their way out (botocore workspaces service-2.json, shape WorkspaceState): listed for a
# while after TerminateWorkspaces, but no longer anyone's WorkSpace.
WORKSPACE_STATES_GONE = frozenset({"TERMINATING", "TERMINATED"})

# --- Pulumi -------------------------------------------------------------------------------------------

# Stack names: "may only contain alphanumeric, hyphens, underscores, or periods", at most 100.
# https://www.pulumi.com/docs/iac/concepts/stacks/ (and pkg/resource/stack/validate.go)
STACK_NAME_PATTERN = r"[A-Za-z0-9_.-]{1,100}"


# A distinguished name: attribute values hold anything but an unescaped , + " \ < > ; (RFC 4514,
# section 3, and the "Distinguished Names" page that botocore workspaces DefaultOu cites); one or more
# OUs, then two or more DCs, attribute names in any case.
_DN_VALUE = r'(?:[^,+"\\<>;=]|\\.)+'
DEFAULT_OU_PATTERN = rf"(?:[Oo][Uu]={_DN_VALUE},)+(?:[Dd][Cc]={_DN_VALUE},)+[Dd][Cc]={_DN_VALUE}"
DEFAULT_OU_SCHEMA_PATTERN = f"^{DEFAULT_OU_PATTERN}$"
_DEFAULT_OU = re.compile(DEFAULT_OU_PATTERN)


def default_ou_problem(value: str) -> str | None:
    """What is wrong with a DefaultOu (``OU=…[,OU=…],DC=…,DC=…[,DC=…]``), or None."""
    allowed = "a distinguished name such as OU=WorkSpaces,DC=corp,DC=example,DC=com (OUs, then 2 or more DCs)"
    length = aws_length(value)
    if not DEFAULT_OU_LENGTH[0] <= length <= DEFAULT_OU_LENGTH[1]:
        return f"must be {allowed}, at most {DEFAULT_OU_LENGTH[1]} characters (got {length})"
    if not _DEFAULT_OU.fullmatch(value):
        return f'must be {allowed}; escape , + " \\ < > ; = in values with a backslash (got {value!r})'
    return None


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
