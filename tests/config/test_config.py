"""The config model: every bad input is one line that starts with its key path."""

from __future__ import annotations

import copy

import pytest

from encrypted_workspaces.aws.timeouts import duration_minutes
from encrypted_workspaces.config import ConfigError, EncryptedWorkspacesArgs, namespace_values, validate_args
from tests.conftest import delete_at, set_at, valid_namespace

NS = "encrypted-workspaces:"


_set, _delete = set_at, delete_at


GROUP = "arn:aws:iam::123456789012:group/Ops"

# (what is wrong, mutation, the key path the line must start with, a fragment that says what is allowed)
BAD_INPUTS = [
    (
        "unknown top-level key",
        _set("workspace", {}),
        "workspace",
        "unknown key; did you mean encrypted-workspaces:workspaces? (allowed: tags, key,",
    ),
    ("typo in key block", _set("key.enableKeyRotaton", True), "key.enableKeyRotaton", "enableKeyRotation"),
    (
        "typo in a user's block",
        _set("workspaces.users.bob.runingMode", "AUTO_STOP"),
        "workspaces.users.bob.runingMode",
        "unknown key; did you mean runningMode? (allowed: bundleId, bundleName, bundleOwner,",
    ),
    (
        "bad running mode",
        _set("workspaces.users.bob.runningMode", "SOMETIMES"),
        "workspaces.users.bob.runningMode",
        "must be AUTO_STOP or ALWAYS_ON (got 'SOMETIMES')",
    ),
    (
        "bad compute type",
        _set("workspaces.defaults.computeTypeName", "HUGE"),
        "workspaces.defaults.computeTypeName",
        "must be VALUE, STANDARD, PERFORMANCE",
    ),
    (
        "rotation period too short",
        _set("key.rotationPeriodInDays", 30),
        "key.rotationPeriodInDays",
        "greater than or equal to 90 (got 30)",
    ),
    (
        "rotation period too long",
        _set("key.rotationPeriodInDays", 3000),
        "key.rotationPeriodInDays",
        "less than or equal to 2560",
    ),
    (
        "deletion window too short",
        _set("key.deletionWindowInDays", 3),
        "key.deletionWindowInDays",
        "greater than or equal to 7",
    ),
    (
        "deletion window too long",
        _set("key.deletionWindowInDays", 31),
        "key.deletionWindowInDays",
        "less than or equal to 30",
    ),
    (
        "reserved alias",
        _set("key.alias", "alias/aws/workspaces"),
        "key.alias",
        "reserved for AWS managed keys",
    ),
    ("alias without prefix", _set("key.alias", "workspaces"), "key.alias", "must be 'alias/' followed by"),
    (
        "group as key administrator",
        _set("key.administrators", [GROUP]),
        "key.administrators.0",
        "cannot name groups",
    ),
    (
        "no key administrator",
        _set("key.administrators", []),
        "key.administrators",
        "needs at least 1 entries",
    ),
    ("group as key user", _set("key.users", [GROUP]), "key.users.0", "cannot name groups"),
    (
        "bad account id",
        _set("key.administrators", ["arn:aws:iam::12345:role/A"]),
        "key.administrators.0",
        "must be an IAM role or user ARN",
    ),
    (
        "not an IAM principal",
        _set("administrators.principals", ["arn:aws:s3:::bucket"]),
        "administrators.principals.0",
        "must be an IAM role, user or group ARN",
    ),
    (
        "no key user at all",
        _set("administrators.principals", [GROUP]),
        "administrators.principals",
        "needs at least one key user",
    ),
    (
        "bad directory id",
        _set("directory.directoryId", "dir-123"),
        "directory.directoryId",
        "d-1234567890 (got 'dir-123')",
    ),
    (
        "one subnet",
        _set("directory.subnetIds", ["subnet-0123456789abcdef0"]),
        "directory.subnetIds",
        "needs at least 2 entries (got 1)",
    ),
    (
        "bad subnet id",
        _set("directory.subnetIds", ["subnet-0123456789abcdef0", "sn-1"]),
        "directory.subnetIds.1",
        "subnet id such as",
    ),
    (
        "bad bundle id",
        _set("workspaces.defaults.bundleId", "bundle-1"),
        "workspaces.defaults.bundleId",
        "bundle id such as wsb-",
    ),
    (
        "missing bundle id",
        _delete("workspaces.defaults.bundleId"),
        "workspaces.defaults",
        "bundleId and bundleName: give exactly one of the two (got neither)",
    ),
    (
        "auto-stop not in 60-minute steps",
        _set("workspaces.defaults.runningModeAutoStopTimeoutInMinutes", 90),
        "workspaces.defaults.runningModeAutoStopTimeoutInMinutes",
        "multiple of 60 minutes (got 90)",
    ),
    (
        "auto-stop with ALWAYS_ON",
        _set("workspaces.users.bob.runningModeAutoStopTimeoutInMinutes", 120),
        "workspaces.users.bob.runningModeAutoStopTimeoutInMinutes",
        "applies to runningMode AUTO_STOP only",
    ),
    (
        "a user volume size no combination allows",
        _set("workspaces.users.alice.userVolumeSizeGib", 60),
        "workspaces.users.alice.userVolumeSizeGib",
        "must be 10, 50 or 100..2000 GiB (got 60)",
    ),
    (
        "a root volume size no combination allows",
        _set("workspaces.users.alice.rootVolumeSizeGib", 90),
        "workspaces.users.alice.rootVolumeSizeGib",
        "must be 80, 100 (graphics only) or 175..2000 GiB (got 90)",
    ),
    (
        "a volume pair wrong only together",
        _set("workspaces.users.alice.userVolumeSizeGib", 200),
        "workspaces.users.alice.rootVolumeSizeGib",
        "does not go with userVolumeSizeGib",
    ),
    (
        "bad default volume combination",
        _set("workspaces.defaults.rootVolumeSizeGib", 100),
        "workspaces.defaults.rootVolumeSizeGib",
        "got root 100, user 50",
    ),
    (
        "a control character in a user name",
        _set("workspaces.users", {"alice\tsmith": {}}),
        "workspaces.users.alice\\x09smith",  # escaped: one problem, one line
        "cannot contain control characters (got U+0009",
    ),
    (
        "a user name too long",
        _set("workspaces.users", {"x" * 64: {}}),
        "workspaces.users." + "x" * 64,
        "user names are 1 to 63 characters (got 64)",
    ),
    (
        "case-insensitive collision",
        _set("workspaces.users", {"alice": {}, "Alice": {}}),
        "workspaces.users.alice",
        "are the same user",
    ),
    (
        "no encrypted volume",
        _set(
            "workspaces.users.alice",
            {"rootVolumeEncryptionEnabled": False, "userVolumeEncryptionEnabled": False},
        ),
        "workspaces.users.alice",
        "encryption can never be added",
    ),
    (
        "unparseable timeout",
        _set("workspaces.createTimeout", "ninety minutes"),
        "workspaces.createTimeout",
        "duration such as '90m'",
    ),
    (
        "timeout too short for encrypted roots",
        _set("workspaces.createTimeout", "30m"),
        "workspaces.createTimeout",
        "at least 60m",
    ),
    (
        "not a boolean",
        _set("key.enableKeyRotation", "maybe"),
        "key.enableKeyRotation",
        "must be true or false (got 'maybe')",
    ),
    (
        "not a number",
        _set("key.rotationPeriodInDays", "often"),
        "key.rotationPeriodInDays",
        "must be a whole number",
    ),
    ("reserved tag key", _set("tags", {"aws:owner": "x"}), "tags.aws:owner", "cannot start with 'aws:'"),
    (
        "device access value",
        _set("directory.workspaceAccessProperties", {"deviceTypeWeb": "YES"}),
        "directory.workspaceAccessProperties.deviceTypeWeb",
        "must be ALLOW or DENY",
    ),
    (
        "bad security group",
        _set("directory.workspaceCreationProperties", {"customSecurityGroupId": "sg-x"}),
        "directory.workspaceCreationProperties.customSecurityGroupId",
        "security group id",
    ),
    ("users not a mapping", _set("workspaces.users", ["alice"]), "workspaces.users", "must be a mapping"),
    ("missing directory", _delete("directory"), "directory", "required"),
    (
        "unparseable update timeout",
        _set("workspaces.updateTimeout", "an hour"),
        "workspaces.updateTimeout",
        "duration such as '90m'",
    ),
    (
        "unparseable delete timeout",
        _set("workspaces.deleteTimeout", "soon"),
        "workspaces.deleteTimeout",
        "duration such as '90m'",
    ),
    ("replace not a list", _set("workspaces.replace", "alice"), "workspaces.replace", "list"),
]


def test_an_unknown_user_under_replace_is_an_error_at_its_index():
    config = valid_namespace()
    config["workspaces"]["replace"] = ["alice", "dave"]
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    assert raised.value.problems == [
        f"{NS}workspaces.replace.1: not a user under workspaces.users (got 'dave'); the users are: alice, bob"
    ]


def test_users_under_replace_match_case_insensitively():
    config = valid_namespace()
    config["workspaces"]["replace"] = ["ALICE"]
    args = validate_args(config)
    assert args.workspaces.may_replace("alice") and not args.workspaces.may_replace("bob")


@pytest.mark.parametrize(("case", "mutate", "path", "fragment"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_is_one_line_naming_the_key_path(case, mutate, path, fragment):
    config = valid_namespace()
    mutate(config)
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    lines = raised.value.problems
    matching = [line for line in lines if line.startswith(f"{NS}{path}: ")]
    assert matching, f"no line starts with {NS}{path}: in {lines}"
    assert any(fragment in line for line in matching), f"{fragment!r} not in {matching}"
    assert all("\n" not in line and "Traceback" not in line for line in lines)


def test_the_contract_example_of_a_bad_running_mode_reads_exactly_as_documented():
    config = valid_namespace()
    config["workspaces"]["users"]["bob"]["runningMode"] = "SOMETIMES"
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    assert raised.value.problems == [
        "encrypted-workspaces:workspaces.users.bob.runningMode: must be AUTO_STOP or ALWAYS_ON (got 'SOMETIMES')"  # noqa: E501
    ]


def test_all_problems_are_reported_at_once():
    config = valid_namespace()
    config["key"]["rotationPeriodInDays"] = 1
    config["directory"]["directoryId"] = "nope"
    config["workspaces"]["users"]["bob"]["runningMode"] = "SOMETIMES"
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    paths = sorted(line.split(": ")[0] for line in raised.value.problems)
    assert paths == [
        f"{NS}directory.directoryId",
        f"{NS}key.rotationPeriodInDays",
        f"{NS}workspaces.users.bob.runningMode",
    ]


def test_a_bad_default_inherited_by_users_is_reported_once_at_the_default():
    config = valid_namespace()
    config["workspaces"]["defaults"]["userVolumeSizeGib"] = 60
    config["workspaces"]["users"]["bob"]["computeTypeName"] = "POWER"
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    assert [line.split(": ")[0] for line in raised.value.problems] == [
        f"{NS}workspaces.defaults.userVolumeSizeGib"
    ]


def test_a_user_whose_own_override_breaks_a_valid_default_is_reported():
    config = valid_namespace()
    config["workspaces"]["defaults"].update(
        {"computeTypeName": "GRAPHICS", "rootVolumeSizeGib": 100, "userVolumeSizeGib": 100}
    )
    config["workspaces"]["users"]["bob"] = {"computeTypeName": "STANDARD"}
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    assert [line.split(": ")[0] for line in raised.value.problems] == [
        f"{NS}workspaces.users.bob.rootVolumeSizeGib"
    ]


def test_valid_config_gets_the_secure_defaults():
    args = validate_args(valid_namespace())
    assert args.key.enable_key_rotation is True
    assert args.key.rotation_period_in_days == 365
    assert args.key.deletion_window_in_days == 30
    assert args.directory.create_default_role is False
    assert args.directory.self_service_permissions.model_dump() == {
        "change_compute_type": False,
        "increase_volume_size": False,
        "rebuild_workspace": False,
        "restart_workspace": True,
        "switch_running_mode": False,
    }
    creation = args.directory.workspace_creation_properties
    assert (creation.enable_internet_access, creation.user_enabled_as_local_administrator) == (False, False)
    assert args.workspaces.create_timeout == "90m"
    defaults = args.workspaces.defaults
    assert (defaults.root_volume_encryption_enabled, defaults.user_volume_encryption_enabled) == (True, True)


def test_protect_defaults_to_true_when_not_set():
    config = valid_namespace()
    del config["workspaces"]["protect"]
    assert validate_args(config).workspaces.protect is True


def test_console_access_defaults_to_false():
    config = valid_namespace()
    del config["administrators"]["consoleAccess"]
    assert validate_args(config).administrators.console_access is False


def test_per_user_overrides_apply_on_top_of_the_defaults():
    args = validate_args(valid_namespace())
    bob = args.workspaces.properties_for("bob")
    alice = args.workspaces.properties_for("alice")
    assert (bob.compute_type_name, bob.running_mode) == ("PERFORMANCE", "ALWAYS_ON")
    assert (alice.compute_type_name, alice.running_mode) == ("STANDARD", "AUTO_STOP")
    assert bob.bundle_id == alice.bundle_id == "wsb-bh8rsxt14"


def test_key_users_are_the_administrators_roles_and_users_plus_extra_users_never_groups():
    config = valid_namespace()
    config["administrators"]["principals"].append("arn:aws:iam::123456789012:group/Ops")
    config["key"]["users"] = ["arn:aws:iam::123456789012:user/pipeline"]
    args = validate_args(config)
    assert args.key_users == [
        "arn:aws:iam::123456789012:role/WorkSpacesAdministrators",
        "arn:aws:iam::123456789012:user/pipeline",
    ]


def test_python_callers_may_use_snake_case_and_models():
    args = EncryptedWorkspacesArgs(
        key={"administrators": ["arn:aws:iam::123456789012:role/KeyAdmins"], "enable_key_rotation": True},
        administrators={"principals": ["arn:aws:iam::123456789012:role/Admins"]},
        directory={"directory_id": "d-1234567890", "subnet_ids": ["subnet-01234567", "subnet-89abcdef"]},
        workspaces={"defaults": {"bundle_id": "wsb-bh8rsxt14"}, "users": {"carol": {}}},
    )
    assert validate_args(args) is args


@pytest.mark.parametrize("entry", [{}, None])
def test_a_user_entry_with_no_overrides_may_be_empty_or_blank(entry):
    config = valid_namespace()
    config["workspaces"]["users"]["carol"] = entry  # YAML `carol:` with nothing after it is None
    args = validate_args(config)
    assert args.workspaces.properties_for("carol") == args.workspaces.defaults


def test_namespace_values_decode_json_objects_and_ignore_other_namespaces():
    flat = {
        "aws:region": "eu-west-1",
        "encrypted-workspaces:key": '{"alias": "alias/x"}',
        "encrypted-workspaces:note": "plain text",
    }
    assert namespace_values(flat) == {"key": {"alias": "alias/x"}, "note": "plain text"}


@pytest.mark.parametrize(("text", "minutes"), [("90m", 90), ("1h30m", 90), ("5400s", 90), ("2h", 120)])
def test_durations_parse_like_pulumi_custom_timeouts(text, minutes):
    assert duration_minutes(text) == minutes


def test_config_is_not_mutated_by_validation():
    config = valid_namespace()
    before = copy.deepcopy(config)
    validate_args(config)
    assert config == before


def test_a_model_built_in_python_still_gets_the_checks_across_fields():
    config = valid_namespace()
    config["workspaces"]["users"] = {"alice": {}, "ALICE": {}}
    args = EncryptedWorkspacesArgs.model_validate(config)  # pydantic alone accepts it
    with pytest.raises(ConfigError, match="are the same user"):
        validate_args(args)
    ok = EncryptedWorkspacesArgs.model_validate(valid_namespace())
    assert validate_args(ok) is ok
    assert validate_args(ok) is ok  # checked once, then returned as it is
