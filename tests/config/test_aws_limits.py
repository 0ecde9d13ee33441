"""The config refuses what AWS would refuse and accepts what AWS accepts, at the right key path.

Groups of issue 11: numbers, names and ids, partition and account, tags, checks over two keys,
directory settings, durations, secrets. Each has cases both ways.
"""

from __future__ import annotations

import pytest

from encrypted_workspaces.config import ConfigError, validate_args
from encrypted_workspaces.config.problems import SECRET_PLACEHOLDER
from encrypted_workspaces.config.target import StackTarget
from tests.conftest import ACCOUNT_ID, REGION, deploy, set_at, valid_namespace

NS = "encrypted-workspaces:"
CONTEXT = StackTarget(region=REGION, account_id=ACCOUNT_ID)
ROLE = "arn:aws:iam::123456789012:role/"


def problems_of(mutate, context: StackTarget = CONTEXT) -> list[str]:
    config = valid_namespace()
    mutate(config)
    try:
        validate_args(config, context)
    except ConfigError as error:
        assert all("\n" not in line and "Traceback" not in line for line in error.problems)
        return error.problems
    return []


REFUSED = [
    # numbers
    (
        "bool as integer",
        set_at("key.rotationPeriodInDays", True),
        "key.rotationPeriodInDays",
        "not true or false",
    ),
    (
        "float as integer",
        set_at("workspaces.defaults.rootVolumeSizeGib", 80.0),
        "workspaces.defaults.rootVolumeSizeGib",
        "whole number (got 80.0)",
    ),
    (
        "string as integer",
        set_at("workspaces.defaults.userVolumeSizeGib", "50"),
        "workspaces.defaults.userVolumeSizeGib",
        "whole number",
    ),
    (
        "past 32 bits",
        set_at("workspaces.defaults.rootVolumeSizeGib", 2**31),
        "workspaces.defaults.rootVolumeSizeGib",
        "less than or equal to 2147483647",
    ),
    (
        "auto-stop past 32 bits",
        set_at("workspaces.defaults.runningModeAutoStopTimeoutInMinutes", 60 * 2**26),
        "workspaces.defaults.runningModeAutoStopTimeoutInMinutes",
        "at most 2147483647",
    ),
    (
        "negative auto-stop",
        set_at("workspaces.defaults.runningModeAutoStopTimeoutInMinutes", -60),
        "workspaces.defaults.runningModeAutoStopTimeoutInMinutes",
        "positive multiple of 60",
    ),
    (
        "string as boolean",
        set_at("key.enableKeyRotation", "true"),
        "key.enableKeyRotation",
        "true or false (got 'true')",
    ),
    ("number as boolean", set_at("workspaces.protect", 1), "workspaces.protect", "true or false (got 1)"),
    # names and ids
    (
        "control character in a user name",
        set_at("workspaces.users", {"al\x07ice": {}}),
        "workspaces.users.al\\x07ice",  # escaped: one problem, one line
        "control characters",
    ),
    (
        "64-character user name",
        set_at("workspaces.users", {"é" * 64: {}}),
        "workspaces.users." + "é" * 64,
        "1 to 63",
    ),
    (
        "non-ASCII IAM name",
        set_at("key.administrators", [ROLE + "Jösé"]),
        "key.administrators.0",
        "must be an IAM role or user ARN",
    ),
    (
        "role name past 64",
        set_at("key.administrators", [ROLE + "r" * 65]),
        "key.administrators.0",
        "names are 1 to 64 characters (got 65)",
    ),
    (
        "group name past 128",
        set_at("administrators.principals", ["arn:aws:iam::123456789012:group/" + "g" * 129]),
        "administrators.principals.0",
        "1 to 128",
    ),
    (
        "path past 512",
        set_at("key.administrators", [ROLE + "/".join(["p" * 50] * 11) + "/R"]),
        "key.administrators.0",
        "paths are at most 512",
    ),
    (
        "non-ASCII account digits",
        set_at("key.administrators", ["arn:aws:iam::１２３４５６７８９０１２:role/R"]),
        "key.administrators.0",
        "must be an IAM role or user ARN",
    ),
    (
        "one role by two paths",
        set_at("key.users", [ROLE + "a/Ops", ROLE + "b/Ops"]),
        "key.users.1",
        "same IAM role",
    ),
    (
        "one role by two cases",
        set_at("key.users", [ROLE + "Ops", ROLE + "OPS"]),
        "key.users.1",
        "not distinguished by case",
    ),
    ("alias past 256", set_at("key.alias", "alias/" + "a" * 251), "key.alias", "must be 'alias/'"),
    ("alias with a colon", set_at("key.alias", "alias/a:b"), "key.alias", "must be 'alias/'"),
    ("reserved alias in any case", set_at("key.alias", "alias/AWS/x"), "key.alias", "reserved"),
    (
        "bundle id too short",
        set_at("workspaces.defaults.bundleId", "wsb-1234567"),
        "workspaces.defaults.bundleId",
        "bundle id",
    ),
    (
        "bundle id upper case",
        set_at("workspaces.defaults.bundleId", "wsb-BH8RSXT14"),
        "workspaces.defaults.bundleId",
        "bundle id",
    ),
    (
        "directory id of 8 digits",
        set_at("directory.directoryId", "d-12345678"),
        "directory.directoryId",
        "Directory Service id",
    ),
    (
        "subnet id of 9 digits",
        set_at("directory.subnetIds", ["subnet-012345678", "subnet-0fedcba987654321a"]),
        "directory.subnetIds.0",
        "subnet id",
    ),
    # partition and account
    (
        "principal in another partition",
        set_at("key.users", ["arn:aws-cn:iam::123456789012:role/R"]),
        "key.users.0",
        "partition aws-cn, but the stack's region eu-west-1 is in aws",
    ),
    (
        "attached principal of another account",
        set_at("administrators.principals", ["arn:aws:iam::210987654321:role/Admins"]),
        "administrators.principals.0",
        "own account 123456789012",
    ),
    (
        "unknown partition",
        set_at("key.users", ["arn:aws-mars:iam::123456789012:role/R"]),
        "key.users.0",
        "must be an IAM role or user ARN",
    ),
    # tags
    (
        "tag key past 127 (WorkSpaces)",
        set_at("tags", {"k" * 128: "v"}),
        "tags." + "k" * 128,
        "WorkSpaces tag keys are at most 127 characters (got 128)",
    ),
    (
        "tag value past 255 (WorkSpaces)",
        set_at("tags", {"k": "v" * 256}),
        "tags.k",
        "WorkSpaces tag values are at most 255",
    ),
    ("tag value counted in UTF-16", set_at("tags", {"k": "😀" * 128}), "tags.k", "(got 256)"),
    (
        "aws: prefix in any case",
        set_at("tags", {"AWS:team": "x"}),
        "tags.AWS:team",
        "cannot start with 'aws:'",
    ),
    ("tag character", set_at("tags", {"team": "a&b"}), "tags.team", "got '&'"),
    ("tag key character", set_at("tags", {"team!": "x"}), "tags.team!", "got '!'"),
    ("empty tag key", set_at("tags", {"": "x"}), "tags.", "cannot be empty"),
    (
        "tag the component overwrites",
        set_at("tags", {"Owner": "x"}),
        "tags.Owner",
        "sets Owner on each WorkSpace",
    ),
    ("tag keys equal but for case", set_at("tags", {"Team": "a", "team": "b"}), "tags.team", "only in case"),
    (
        "50 tags with Owner makes 51",
        set_at("tags", {f"k{i}": "v" for i in range(50)}),
        "tags",
        "at most 49 tags",
    ),
    ("tag value not a string", set_at("tags", {"cost-center": 4711}), "tags.cost-center", "quote it"),
    ("tag value null", set_at("tags", {"team": None}), "tags.team", "YAML reads ~"),
    # checks over two keys
    (
        "5 GiB user volume",
        set_at("workspaces.users.alice.userVolumeSizeGib", 5),
        "workspaces.users.alice.userVolumeSizeGib",
        "got 5",
    ),
    (
        "root 3000",
        set_at("workspaces.defaults.rootVolumeSizeGib", 3000),
        "workspaces.defaults.rootVolumeSizeGib",
        "175..2000 GiB (got 3000)",
    ),
    (
        "root 100 without graphics",
        set_at("workspaces.users.alice", {"rootVolumeSizeGib": 100, "userVolumeSizeGib": 100}),
        "workspaces.users.alice.rootVolumeSizeGib",
        "compute type STANDARD",
    ),
    (
        "auto-stop with ALWAYS_ON",
        set_at("workspaces.users.bob.runningModeAutoStopTimeoutInMinutes", 60),
        "workspaces.users.bob.runningModeAutoStopTimeoutInMinutes",
        "runningMode AUTO_STOP only",
    ),
    # directory
    (
        "three subnets",
        set_at(
            "directory.subnetIds", ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a", "subnet-01234567"]
        ),
        "directory.subnetIds",
        "at most 2 entries (got 3)",
    ),
    (
        "the same subnet twice",
        set_at("directory.subnetIds", ["subnet-0123456789abcdef0"] * 2),
        "directory.subnetIds",
        "twice",
    ),
    (
        "DefaultOu not a DN",
        set_at("directory.workspaceCreationProperties", {"defaultOu": "WorkSpaces"}),
        "directory.workspaceCreationProperties.defaultOu",
        "distinguished name",
    ),
    (
        "DefaultOu with one DC",
        set_at("directory.workspaceCreationProperties", {"defaultOu": "OU=W,DC=corp"}),
        "directory.workspaceCreationProperties.defaultOu",
        "2 or more DCs",
    ),
    (
        "DefaultOu without OU",
        set_at("directory.workspaceCreationProperties", {"defaultOu": "DC=corp,DC=com"}),
        "directory.workspaceCreationProperties.defaultOu",
        "distinguished name",
    ),
    (
        "DefaultOu CN",
        set_at("directory.workspaceCreationProperties", {"defaultOu": "CN=Computers,DC=corp,DC=com"}),
        "directory.workspaceCreationProperties.defaultOu",
        "distinguished name",
    ),
    (
        "DefaultOu unescaped plus",
        set_at("directory.workspaceCreationProperties", {"defaultOu": "OU=a+b,DC=corp,DC=com"}),
        "directory.workspaceCreationProperties.defaultOu",
        "escape , + ",
    ),
    (
        "access value lower case",
        set_at("directory.workspaceAccessProperties", {"deviceTypeWeb": "allow"}),
        "directory.workspaceAccessProperties.deviceTypeWeb",
        "ALLOW or DENY",
    ),
    (
        "self-service as ENABLED",
        set_at("directory.selfServicePermissions", {"rebuildWorkspace": "ENABLED"}),
        "directory.selfServicePermissions.rebuildWorkspace",
        "true or false",
    ),
    # durations
    (
        "Arabic-Indic digits",
        set_at("workspaces.createTimeout", "١٢٠m"),
        "workspaces.createTimeout",
        "Go duration",
    ),
    (
        "negative timeout",
        set_at("workspaces.createTimeout", "-90m"),
        "workspaces.createTimeout",
        "must not be negative",
    ),
    (
        "timeout past 2562047h",
        set_at("workspaces.createTimeout", "2562048h"),
        "workspaces.createTimeout",
        "too long",
    ),
    (
        "timeout without unit",
        set_at("workspaces.createTimeout", "90"),
        "workspaces.createTimeout",
        "needs a unit",
    ),
    # secrets where a typed value is needed
    (
        "secret integer",
        set_at("key.rotationPeriodInDays", SECRET_PLACEHOLDER),
        "key.rotationPeriodInDays",
        "secure value, which plan cannot decrypt",
    ),
    (
        "secret ARN",
        set_at("key.administrators", [SECRET_PLACEHOLDER]),
        "key.administrators.0",
        "secure value, which plan cannot decrypt",
    ),
    (
        "secret section",
        set_at("directory", SECRET_PLACEHOLDER),
        "directory",
        "needs a mapping of keys to values",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "path", "fragment"), REFUSED, ids=[c[0] for c in REFUSED])
def test_what_aws_would_refuse_is_refused_at_its_key(case, mutate, path, fragment):
    lines = problems_of(mutate)
    matching = [line for line in lines if line.startswith(f"{NS}{path}: ")]
    assert matching, f"no line starts with {NS}{path}: in {lines}"
    assert any(fragment in line for line in matching), f"{fragment!r} not in {matching}"


ACCEPTED = [
    (
        "user names in any script",
        set_at("workspaces.users", {"José": {}, "李雷": {}, "Zoë.Ω": {}, "o'brien": {}}),
    ),
    ("a 63-character user name", set_at("workspaces.users", {"u" * 63: {}})),
    ("a user name with a space", set_at("workspaces.users", {"alice smith": {}})),
    ("a long bundle id", set_at("workspaces.defaults.bundleId", "wsb-" + "a1" * 20)),
    ("an 8-digit bundle id", set_at("workspaces.defaults.bundleId", "wsb-12345678")),
    ("short subnet ids", set_at("directory.subnetIds", ["subnet-01234567", "subnet-89abcdef"])),
    (
        "IAM names with every allowed character",
        set_at("key.users", [ROLE + "path/with:odd~chars/A_b+c=d,e.f@g-h"]),
    ),
    ("a 64-character role name", set_at("key.users", [ROLE + "r" * 64])),
    (
        "a 128-character group name",
        set_at(
            "administrators.principals", [ROLE + "Admins", "arn:aws:iam::123456789012:group/" + "g" * 128]
        ),
    ),
    ("key users of another account", set_at("key.users", ["arn:aws:iam::210987654321:role/Pipeline"])),
    ("one ARN in two lists", set_at("key.users", [ROLE + "WorkSpacesAdministrators"])),
    ("a 256-character alias", set_at("key.alias", "alias/" + "a" * 250)),
    ("alias/aws alone", set_at("key.alias", "alias/awsome")),
    ("a tag of every allowed character", set_at("tags", {"Cost Center_.:/=+-@": "Ünïcödé 123 _.:/=+-@"})),
    ("127/255 tag", set_at("tags", {"k" * 127: "v" * 255})),
    ("an empty tag value", set_at("tags", {"empty": ""})),
    ("owner in lower case (WorkSpaces keys are case-sensitive)", set_at("tags", {"owner": "x"})),
    ("49 tags", set_at("tags", {f"k{i}": "v" for i in range(49)})),
    (
        "graphics 100/100",
        set_at(
            "workspaces.users.alice",
            {"computeTypeName": "GRAPHICS_G6_XLARGE", "rootVolumeSizeGib": 100, "userVolumeSizeGib": 100},
        ),
    ),
    (
        "root 2000 user 2000",
        set_at("workspaces.users.alice", {"rootVolumeSizeGib": 2000, "userVolumeSizeGib": 2000}),
    ),
    (
        "nested OUs",
        set_at(
            "directory.workspaceCreationProperties",
            {"defaultOu": "OU=WorkSpaces,OU=Computers,DC=corp,DC=example,DC=com"},
        ),
    ),
    (
        "escaped comma in an OU",
        set_at("directory.workspaceCreationProperties", {"defaultOu": "OU=Sales\\, EMEA,dc=corp,dc=com"}),
    ),
    ("fractional hours", set_at("workspaces.createTimeout", "1.5h")),
    ("Go's composite durations", set_at("workspaces.createTimeout", "1h0m30.5s")),
    ("auto-stop 48 hours", set_at("workspaces.defaults.runningModeAutoStopTimeoutInMinutes", 2880)),
    ("a secret tag value", set_at("tags", {"ticket": SECRET_PLACEHOLDER})),
]


@pytest.mark.parametrize(("case", "mutate"), ACCEPTED, ids=[c[0] for c in ACCEPTED])
def test_what_aws_accepts_is_accepted(case, mutate):
    assert problems_of(mutate) == []


def test_a_pair_wrong_only_together_names_both_keys_on_one_line():
    (line,) = problems_of(
        set_at("workspaces.users.alice", {"rootVolumeSizeGib": 80, "userVolumeSizeGib": 200})
    )
    assert line.startswith(f"{NS}workspaces.users.alice.rootVolumeSizeGib: ")
    assert "does not go with userVolumeSizeGib" in line
    assert "got root 80, user 200" in line


def test_a_value_no_combination_allows_is_reported_only_at_its_own_key():
    lines = problems_of(set_at("workspaces.users.alice.userVolumeSizeGib", 5))
    assert [line.split(": ")[0] for line in lines] == [f"{NS}workspaces.users.alice.userVolumeSizeGib"]


def test_without_a_stack_partition_and_account_are_not_guessed():
    mutate = set_at("administrators.principals", ["arn:aws-cn:iam::210987654321:role/Admins"])
    assert problems_of(mutate, StackTarget()) == []
    assert len(problems_of(mutate)) == 2


def test_the_region_must_offer_workspaces():
    lines = problems_of(lambda c: None, StackTarget(region="eu-north-1", account_id=ACCOUNT_ID))
    assert lines[0].startswith("aws:region: Amazon WorkSpaces is not offered in eu-north-1")


def test_a_non_ascii_user_gets_a_urn_safe_workspace_under_the_engine(namespace):
    namespace["workspaces"]["users"] = {"José": {}, "alice": {}}
    deployment = deploy(namespace)
    names = sorted(r.name for r in deployment.of_type("aws:workspaces/workspace:Workspace"))
    assert names[0] == "workspaces-workspace-alice"
    assert names[1].startswith("workspaces-workspace-jos-") and names[1].isascii()
    jose = deployment.by_name(names[1])
    assert (jose.inputs["userName"], jose.inputs["tags"]["Owner"]) == ("José", "José")
    assert sorted(deployment.outputs["workspaceIds"]) == ["José", "alice"]
