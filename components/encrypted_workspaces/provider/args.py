"""GENERATED from the config model by ``make generate``: do not edit.

The component as Pulumi's component analyzer reads it (provider/codegen.py): its inputs, one
TypedDict per config model and one Enum per set of allowed values, and the served class with its
outputs (outputs.OUTPUTS); each property's description is the docstring under it.
"""

import inspect
from enum import Enum
from typing import Any, NotRequired, TypedDict

import pulumi

from encrypted_workspaces import component
from encrypted_workspaces.config.paths import STACK_PATHS
from encrypted_workspaces.provider.component import served_args


class Key(TypedDict):
    """``encrypted-workspaces:key``: the customer managed key and its policy, or an existing key."""

    existing: NotRequired[pulumi.Input[str]]
    """An existing symmetric customer managed key to use instead of creating one: its key ARN, alias
    ARN, alias (alias/...) or key id (of this account and region). Defaults to none: the stack
    creates its own key, because then the documented key policy, rotation and deletion window are
    the stack's to keep. The key is looked up, and the WorkSpaces and the administrators'
    kms:CreateGrant use its full key ARN, never the alias; no key or alias is created. AWS managed
    keys (alias/aws/...) are refused. Every other key.* setting describes a key this stack creates,
    so none may be set beside it: the existing key's policy must already let the WorkSpaces
    administrators use it (Part 1 of the AWS guide).
    """

    alias: NotRequired[pulumi.Input[str]]
    """The key's alias. Defaults to alias/encrypted-workspaces-<stack>, because one key per stack needs
    one name per stack; the prefix alias/aws/ is reserved for AWS managed keys.
    """

    administrators: NotRequired[pulumi.Input[list[pulumi.Input[str]]]]
    """IAM role or user ARNs that manage (but do not use) the key: key policy statement 2. Required (at
    least one) unless key.existing is set, because the documented policy separates who manages the
    key from who uses it.
    """

    users: NotRequired[pulumi.Input[list[pulumi.Input[str]]]]
    """Extra key users (key policy statements 3 and 4), besides the WorkSpaces administrators' roles
    and users, which are always key users.
    """

    enable_key_rotation: NotRequired[pulumi.Input[bool]]
    """Automatic key rotation. Defaults to true, because customer managed keys are not rotated unless
    asked.
    """

    rotation_period_in_days: NotRequired[pulumi.Input[int]]
    """Days between automatic rotations. Defaults to 365, KMS's own default; KMS allows 90 to 2560."""

    deletion_window_in_days: NotRequired[pulumi.Input[int]]
    """Days KMS waits before deleting the key. Defaults to 30, the longest KMS allows, because that
    leaves the most time to cancel a deletion that would make every WorkSpace on the key unusable.
    """

    description: NotRequired[pulumi.Input[str]]
    """The key's description in KMS."""

    extra_statements: NotRequired[list[pulumi.Input[dict[str, Any]]]]
    """Statements appended to the key policy, after the documented four, written as in a policy
    document: Sid, Effect, Principal, Action or NotAction, Resource ("*": this key) and Condition.
    Only Allow statements of KMS actions that exist, with Sids of their own: they add to the
    documented statements and never take from them (a Deny could lock the account out of its key).
    Defaults to none.
    """


class Administrators(TypedDict):
    """``encrypted-workspaces:administrators``: the people who launch encrypted WorkSpaces (Part 2)."""

    principals: NotRequired[list[str]]
    """IAM role, user or group ARNs of the WorkSpaces administrators. Each gets both IAM policies
    (WorkSpaces access and grants on the key); roles and users also become key users. Plain ARNs,
    not Outputs: each names its policy attachments (<name>-workspaces-admin-role-<role name>); for a
    role the program creates, use roles.
    """

    roles: NotRequired[dict[str, pulumi.Input[str]]]
    """More administrator roles, label -> role ARN, for an ARN that is an Output of the program (a role
    it creates): the label, not the ARN, names the role's policy attachments, so it must be known
    when the program runs. Each role gets what principals get. Use the role's name as its label to
    keep the logical names it had under principals. Defaults to none.
    """

    console_access: NotRequired[pulumi.Input[bool]]
    """Adds kms:ListAliases and kms:ListKeys, which only console users need. Defaults to false, because
    "if your WorkSpaces administrators use only the Amazon WorkSpaces API (not the console), you can
    omit the kms:ListAliases and kms:ListKeys permissions".
    """


class DirectoryIpGroupsRules(TypedDict):
    """One trusted network: users may connect from addresses in ``source``."""

    source: pulumi.Input[str]
    """The public IPv4 range users connect from, in CIDR notation (203.0.113.0/24; one address is /32;
    host bits are accepted, as the provider accepts them). Behind a NAT gateway or VPN, its static
    public address. Required.
    """

    description: NotRequired[pulumi.Input[str]]
    """What the network is (an office, a VPN). Defaults to none."""


class DirectoryIpGroups(TypedDict):
    """An IP access control group: the networks users may connect from."""

    description: NotRequired[pulumi.Input[str]]
    """The group's description in WorkSpaces. Defaults to none. Changing it replaces the group."""

    rules: NotRequired[list[DirectoryIpGroupsRules]]
    """The trusted networks, at most 10 (the WorkSpaces quota, not adjustable). Defaults to none, which
    AWS accepts but warns about: an empty group attached to a directory can keep every user from
    connecting.
    """


class DirectorySelfServicePermissions(TypedDict):
    """What users may do to their own WorkSpace. Only restart is allowed by default, because every
    other self-service action changes cost, size or state.
    """

    change_compute_type: NotRequired[pulumi.Input[bool]]
    """Users may change their WorkSpace's compute type. Defaults to false (changes cost)."""

    increase_volume_size: NotRequired[pulumi.Input[bool]]
    """Users may grow their volumes. Defaults to false (changes cost)."""

    rebuild_workspace: NotRequired[pulumi.Input[bool]]
    """Users may rebuild their WorkSpace. Defaults to false (a rebuild restores the root volume)."""

    restart_workspace: NotRequired[pulumi.Input[bool]]
    """Users may restart their WorkSpace. Defaults to true: harmless and the usual fix."""

    switch_running_mode: NotRequired[pulumi.Input[bool]]
    """Users may switch between AUTO_STOP and ALWAYS_ON. Defaults to false (changes cost)."""


class DeviceAccess(Enum):
    """One of ALLOW, DENY."""

    ALLOW = "ALLOW"
    DENY = "DENY"


class DirectoryWorkspaceAccessProperties(TypedDict):
    """Which client devices may connect: ALLOW or DENY per device type. Unset device types keep AWS's
    defaults (web access is off unless allowed).
    """

    device_type_android: NotRequired[pulumi.Input[DeviceAccess]]
    """Android clients: ALLOW or DENY. Unset keeps AWS's default."""

    device_type_chromeos: NotRequired[pulumi.Input[DeviceAccess]]
    """ChromeOS clients: ALLOW or DENY. Unset keeps AWS's default."""

    device_type_ios: NotRequired[pulumi.Input[DeviceAccess]]
    """iOS clients: ALLOW or DENY. Unset keeps AWS's default."""

    device_type_linux: NotRequired[pulumi.Input[DeviceAccess]]
    """Linux clients: ALLOW or DENY. Unset keeps AWS's default."""

    device_type_osx: NotRequired[pulumi.Input[DeviceAccess]]
    """macOS clients: ALLOW or DENY. Unset keeps AWS's default."""

    device_type_web: NotRequired[pulumi.Input[DeviceAccess]]
    """Web access: ALLOW or DENY. Unset keeps AWS's default (off)."""

    device_type_windows: NotRequired[pulumi.Input[DeviceAccess]]
    """Windows clients: ALLOW or DENY. Unset keeps AWS's default."""

    device_type_zeroclient: NotRequired[pulumi.Input[DeviceAccess]]
    """Zero clients: ALLOW or DENY. Unset keeps AWS's default."""


class DirectoryWorkspaceCreationProperties(TypedDict):
    """Settings of new WorkSpaces in the directory."""

    custom_security_group_id: NotRequired[pulumi.Input[str]]
    """A security group to add to new WorkSpaces (sg-...)."""

    default_ou: NotRequired[pulumi.Input[str]]
    """The organizational unit for new WorkSpaces' computer accounts: a distinguished name of one or
    more OUs and two or more DCs (OU=WorkSpaces,DC=corp,DC=example,DC=com). Unset keeps the
    directory's default.
    """

    enable_internet_access: NotRequired[pulumi.Input[bool]]
    """Direct internet access for new WorkSpaces. Defaults to false: no direct internet unless asked."""

    enable_maintenance_mode: NotRequired[pulumi.Input[bool]]
    """Maintenance mode. Defaults to true, so WorkSpaces receive OS updates in their maintenance window."""

    user_enabled_as_local_administrator: NotRequired[pulumi.Input[bool]]
    """Users are local administrators of their WorkSpaces. Defaults to false."""


class Directory(TypedDict):
    """``encrypted-workspaces:directory``: registration of an existing Directory Service directory."""

    directory_id: pulumi.Input[str]
    """The existing Directory Service directory to register (d-...). Required."""

    subnet_ids: pulumi.Input[list[pulumi.Input[str]]]
    """Exactly two different subnets, in two Availability Zones, as RegisterWorkspaceDirectory
    requires. Required.
    """

    create_default_role: NotRequired[bool]
    """Create workspaces_DefaultRole. Defaults to false, because the role is one per account and exists
    in any account that has used WorkSpaces before; creating it twice fails. Plain: it decides
    whether the role exists.
    """

    ip_groups: NotRequired[dict[str, DirectoryIpGroups]]
    """IP access control groups, name -> {description, rules}: one group per entry, all attached to the
    directory, so users connect only from the networks listed. Defaults to none: the directory's
    default group, which allows every address. At most 25 per directory (the WorkSpaces quota). The
    names are plain: each names its group's resource.
    """

    self_service_permissions: NotRequired[DirectorySelfServicePermissions]
    """What users may do to their own WorkSpace (restart only, by default)."""

    workspace_access_properties: NotRequired[DirectoryWorkspaceAccessProperties]
    """Which client devices may connect (AWS's defaults unless set)."""

    workspace_creation_properties: NotRequired[DirectoryWorkspaceCreationProperties]
    """Settings of new WorkSpaces: no internet, no local administrator, maintenance on, by default."""


class BundleOwner(Enum):
    """One of AMAZON, ACCOUNT."""

    AMAZON = "AMAZON"
    ACCOUNT = "ACCOUNT"


class ComputeTypeName(Enum):
    """One of VALUE, STANDARD, PERFORMANCE, POWER, POWERPRO, GENERALPURPOSE_4XLARGE,
    GENERALPURPOSE_8XLARGE, GRAPHICS, GRAPHICSPRO, GRAPHICS_G4DN, GRAPHICSPRO_G4DN,
    GRAPHICS_G6_XLARGE, GRAPHICS_G6_2XLARGE, GRAPHICS_G6_4XLARGE, GRAPHICS_G6_8XLARGE,
    GRAPHICS_G6_16XLARGE, GRAPHICS_GR6_4XLARGE, GRAPHICS_GR6_8XLARGE, GRAPHICS_G6F_LARGE,
    GRAPHICS_G6F_XLARGE, GRAPHICS_G6F_2XLARGE, GRAPHICS_G6F_4XLARGE, GRAPHICS_GR6F_4XLARGE.
    """

    VALUE = "VALUE"
    STANDARD = "STANDARD"
    PERFORMANCE = "PERFORMANCE"
    POWER = "POWER"
    POWERPRO = "POWERPRO"
    GENERALPURPOSE_4XLARGE = "GENERALPURPOSE_4XLARGE"
    GENERALPURPOSE_8XLARGE = "GENERALPURPOSE_8XLARGE"
    GRAPHICS = "GRAPHICS"
    GRAPHICSPRO = "GRAPHICSPRO"
    GRAPHICS_G4DN = "GRAPHICS_G4DN"
    GRAPHICSPRO_G4DN = "GRAPHICSPRO_G4DN"
    GRAPHICS_G6_XLARGE = "GRAPHICS_G6_XLARGE"
    GRAPHICS_G6_2XLARGE = "GRAPHICS_G6_2XLARGE"
    GRAPHICS_G6_4XLARGE = "GRAPHICS_G6_4XLARGE"
    GRAPHICS_G6_8XLARGE = "GRAPHICS_G6_8XLARGE"
    GRAPHICS_G6_16XLARGE = "GRAPHICS_G6_16XLARGE"
    GRAPHICS_GR6_4XLARGE = "GRAPHICS_GR6_4XLARGE"
    GRAPHICS_GR6_8XLARGE = "GRAPHICS_GR6_8XLARGE"
    GRAPHICS_G6F_LARGE = "GRAPHICS_G6F_LARGE"
    GRAPHICS_G6F_XLARGE = "GRAPHICS_G6F_XLARGE"
    GRAPHICS_G6F_2XLARGE = "GRAPHICS_G6F_2XLARGE"
    GRAPHICS_G6F_4XLARGE = "GRAPHICS_G6F_4XLARGE"
    GRAPHICS_GR6F_4XLARGE = "GRAPHICS_GR6F_4XLARGE"


class RunningMode(Enum):
    """One of AUTO_STOP, ALWAYS_ON."""

    AUTO_STOP = "AUTO_STOP"
    ALWAYS_ON = "ALWAYS_ON"


class WorkspacesDefaults(TypedDict):
    """``encrypted-workspaces:workspaces.defaults``: what every WorkSpace gets unless a user overrides it."""

    bundle_id: NotRequired[pulumi.Input[str]]
    """The bundle (image and hardware) WorkSpaces launch from (wsb-...). Exactly one of bundleId and
    bundleName is required.
    """

    bundle_name: NotRequired[pulumi.Input[str]]
    """The bundle by its name, as the console shows it (such as Standard with Windows 10 (Server 2019
    based)), instead of bundleId: looked up on every deployment; a name that no longer exists fails
    it, and a name that resolves to another id is a bundle change (which replaces WorkSpaces).
    Exactly one of bundleId and bundleName is required.
    """

    bundle_owner: NotRequired[BundleOwner]
    """Whose bundles bundleName names: AMAZON (AWS's public bundles) or ACCOUNT (this account's own
    custom bundles). Defaults to AMAZON, the owner AWS's API names for public bundles. With
    bundleName only.
    """

    compute_type_name: NotRequired[pulumi.Input[ComputeTypeName]]
    """The compute type. Defaults to STANDARD."""

    running_mode: NotRequired[pulumi.Input[RunningMode]]
    """AUTO_STOP (billed by the hour) or ALWAYS_ON (billed monthly). Defaults to AUTO_STOP."""

    running_mode_auto_stop_timeout_in_minutes: NotRequired[pulumi.Input[int]]
    """Minutes of inactivity before an AUTO_STOP WorkSpace stops, in multiples of 60. Defaults to 60.
    AUTO_STOP only: AWS bills ALWAYS_ON monthly and ignores it.
    """

    root_volume_size_gib: NotRequired[pulumi.Input[int]]
    """Root volume size in GiB. Defaults to 80. AWS takes root 80 with user 10, 50 or 100; or root
    175..2000 with user 100..2000 (graphics: also root 100 with user 100).
    """

    user_volume_size_gib: NotRequired[pulumi.Input[int]]
    """User volume size in GiB. Defaults to 50 (see rootVolumeSizeGib for the sizes AWS takes)."""

    root_volume_encryption_enabled: NotRequired[pulumi.Input[bool]]
    """Encrypt the root volume with the key. Defaults to true, because encryption can never be added to
    an existing WorkSpace.
    """

    user_volume_encryption_enabled: NotRequired[pulumi.Input[bool]]
    """Encrypt the user volume with the key. Defaults to true, because encryption can never be added to
    an existing WorkSpace. At least one of the two volumes must be encrypted.
    """


class WorkspacesUsers(TypedDict):
    """``encrypted-workspaces:workspaces.users.<user>``: per-user changes to the defaults."""

    bundle_id: NotRequired[pulumi.Input[str]]
    """This user's bundle, instead of the default (bundleId or bundleName)."""

    bundle_name: NotRequired[pulumi.Input[str]]
    """This user's bundle by name, instead of the default (bundleId or bundleName)."""

    bundle_owner: NotRequired[BundleOwner]
    """Whose bundles this user's bundleName names (AMAZON or ACCOUNT), instead of the default."""

    compute_type_name: NotRequired[pulumi.Input[ComputeTypeName]]
    """This user's compute type, instead of the default."""

    running_mode: NotRequired[pulumi.Input[RunningMode]]
    """This user's running mode, instead of the default."""

    running_mode_auto_stop_timeout_in_minutes: NotRequired[pulumi.Input[int]]
    """This user's auto-stop timeout, instead of the default (AUTO_STOP only)."""

    root_volume_size_gib: NotRequired[pulumi.Input[int]]
    """This user's root volume size, instead of the default."""

    user_volume_size_gib: NotRequired[pulumi.Input[int]]
    """This user's user volume size, instead of the default."""

    root_volume_encryption_enabled: NotRequired[pulumi.Input[bool]]
    """Whether this user's root volume is encrypted, instead of the default."""

    user_volume_encryption_enabled: NotRequired[pulumi.Input[bool]]
    """Whether this user's user volume is encrypted, instead of the default."""

    import_id: NotRequired[str]
    """Adopt this user's existing WorkSpace (ws-...) instead of launching a new one: the first pulumi
    up imports it as it is (no replacement), if the settings here match it exactly; then remove the
    key. Defaults to none: a new WorkSpace is launched. Plain: it is a resource option (import),
    which Pulumi needs before it registers the WorkSpace.
    """

    wave: NotRequired[int]
    """The rollout wave of this user's WorkSpace: the stack deploys it once workspaces.wave is this
    wave or higher. Defaults to 1, the first (pilot) wave, because a stack that names no waves
    deploys every user. Until the user's wave comes, importId and a listing under replace wait with
    it. Plain: it decides whether the user's WorkSpace exists.
    """


class Workspaces(TypedDict):
    """``encrypted-workspaces:workspaces``: one WorkSpace per directory user. The user names, the
    waves, replace, the timeouts and protect are plain values: they decide which resources exist,
    name them or are resource options.
    """

    defaults: WorkspacesDefaults
    """What every WorkSpace gets unless its user overrides it."""

    users: NotRequired[dict[str, WorkspacesUsers]]
    """One WorkSpace per directory user: user name -> overrides of the defaults (empty for none). User
    names are case-insensitive; a WorkSpace's logical name comes from its user's name, so the names
    are plain values.
    """

    wave: NotRequired[int]
    """The highest rollout wave to deploy: the stack creates the WorkSpaces of the users whose wave is
    at most this one. Raising it creates the next wave's WorkSpaces and changes no other; lowering
    it deletes the WorkSpaces of the waves above it (plan --against reports that as destructive).
    Defaults to every wave, because a stack that names no waves deploys every user. Plain: it
    decides which WorkSpaces exist.
    """

    create_timeout: NotRequired[str]
    """How long to wait for a WorkSpace to be created, as a Go duration (90m, 1h30m, 1.5h). Defaults to
    90m, because "WorkSpaces launched with root volume encryption enabled might take up to an hour
    to provision"; at least 60m while root volumes are encrypted.
    """

    update_timeout: NotRequired[str]
    """How long to wait for each change to a WorkSpace's properties. Defaults to 60m, because the
    provider's 10m is too short for a compute-type change or a volume resize, which restart the
    WorkSpace, and a timed-out update leaves the stack to be refreshed by hand.
    """

    delete_timeout: NotRequired[str]
    """How long to wait for a WorkSpace to be terminated. Defaults to 30m (the provider's default is
    10m), because a replacement deletes first and creates after: a timed-out termination stops the
    update with the user left without a WorkSpace.
    """

    replace: NotRequired[list[str]]
    """Users whose WorkSpace this update may replace. Defaults to none, because a replaced WorkSpace
    loses its user volume: a change that would replace a WorkSpace (bundleId, userName, directory,
    encryption, key) is otherwise held back (ignoreChanges). A listed user's WorkSpace is deleted
    first, then created (AWS allows one WorkSpace per user per directory); remove the name after the
    update.
    """

    protect: NotRequired[bool]
    """Protect the WorkSpaces and the key from deletion. Defaults to true, because a replaced or
    deleted WorkSpace loses its user volume; dev stacks that churn users set it to false.
    """


class Alarms(TypedDict):
    """``encrypted-workspaces:alarms``: an EventBridge rule on the key's state changes, sent to SNS."""

    topic_arn: NotRequired[pulumi.Input[str]]
    """The SNS topic (in the stack's partition, region and account) that hears of every DisableKey and
    ScheduleKeyDeletion call on the key, as CloudTrail records it: every encrypted WorkSpace stops
    working at its next reboot once its key is disabled. Defaults to none (no alarm). The topic's
    access policy must let events.amazonaws.com publish, and CloudTrail must be logging management
    events (EventBridge receives API calls through CloudTrail).
    """


class EncryptedWorkspacesInputs(TypedDict):
    """Everything the component needs: the ``encrypted-workspaces:*`` config namespace."""

    tags: NotRequired[dict[str, pulumi.Input[str]]]
    """Tags on every taggable resource; WorkSpaces also get Owner: <user>."""

    key: Key
    """The customer managed key that encrypts the WorkSpaces, and its policy."""

    administrators: NotRequired[Administrators]
    """The WorkSpaces administrators and the IAM policies they get."""

    directory: Directory
    """The Directory Service directory to register with WorkSpaces."""

    workspaces: Workspaces
    """One WorkSpace per directory user."""

    ebs_default_encryption: NotRequired[bool]
    """Turn on the account's EBS encryption by default in this region, with this stack's key as the
    default key. Account-wide: every new EBS volume and snapshot copy in the region, of every team,
    is then encrypted with this key, and both settings are kept (retained) when the stack is
    destroyed. Defaults to false, because a stack should not change the whole account unless asked.
    Plain: it decides whether the two account settings exist.
    """

    alarms: NotRequired[Alarms]
    """An alarm when the key is disabled or scheduled for deletion (none by default)."""


class EncryptedWorkspaces(component.EncryptedWorkspaces):
    """Amazon WorkSpaces encrypted with a customer managed KMS key, as the AWS documentation describes
    them: the key and its policy, the WorkSpaces administrators' IAM policies, the directory
    registration and one encrypted WorkSpace per user. Data inputs (ids, ARNs, lists of ids, sizes,
    flags, tag values) accept outputs of other resources, unknown during a preview; the user names,
    which optional parts are on and the administrator principals that name policy attachments are
    plain values. Invalid inputs fail with one line per problem, naming the input.
    """

    # Problems name the camelCase inputs the program wrote, as a stack file's keys are named.
    _key_paths = STACK_PATHS

    key_arn: pulumi.Output[str]
    """The ARN of the customer managed key that encrypts the WorkSpaces (with key.existing, the
    looked-up key's).
    """

    key_id: pulumi.Output[str]
    """The id of the key."""

    alias_name: pulumi.Output[str | None]
    """The key's alias (alias/...); with key.existing, the alias the stack names it by, and none for a
    key ARN or id.
    """

    admin_policy_arns: pulumi.Output[dict[str, str]]
    """The ARNs of the two IAM policies attached to each WorkSpaces administrator: workspaces, kms."""

    directory_registration_id: pulumi.Output[str]
    """The id of the directory's WorkSpaces registration."""

    workspace_ids: pulumi.Output[dict[str, str]]
    """Each user's WorkSpace id, by user name."""

    def __init__(
        self, name: str, args: EncryptedWorkspacesInputs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(name, served_args(args), opts)


# The analyzer takes ``__doc__`` as the description of the component, indentation and all.
EncryptedWorkspaces.__doc__ = inspect.cleandoc(EncryptedWorkspaces.__doc__)
