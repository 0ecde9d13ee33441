"""The stack-file schema refuses what plan refuses wherever one key decides: the cases come from the
"What the config refuses" table of docs/troubleshooting.md (plan/refusals.py, ``refusal_rows``), row
by row, with values made from the same limits the row is written from. Each is refused by plan (read
as plan reads a stack file) and by the committed schema, and every schema error is on the key at
fault, saying what is wrong there (never a bare "not valid under any of the given schemas").

A row, or the part of a row, that no single key decides or that JSON Schema cannot say is listed in
``NOT_ONE_KEY`` with the reason; a new row of the table fails here until it is in one or the other.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from encrypted_workspaces.aws import arns, limits, tags
from encrypted_workspaces.aws.partitions import PARTITIONS, workspaces_regions
from encrypted_workspaces.config.tags import OWNER_TAG
from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.plan.refusals import refusal_rows
from encrypted_workspaces.plan.stackfile import read_stack_file
from encrypted_workspaces.schema.command import PROJECT_ROOT
from encrypted_workspaces.schema.stack_file import SCHEMA_FILE_NAME

NS = "encrypted-workspaces"
STACKS = PROJECT_ROOT / "stacks"
VALIDATOR = jsonschema.Draft202012Validator(json.loads((STACKS / SCHEMA_FILE_NAME).read_text()))
DEV = yaml.safe_load((STACKS / "Pulumi.dev.yaml").read_text())
ROWS = [key for key, _, _ in refusal_rows()]

ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/"
ADMINS = f"{ROLE}WorkSpacesAdministrators"  # dev's principal, also its only key user
INT32_MAX = limits.INT32_RANGE[1]
STRICTEST_TAG_KEY = min(rule.key_max_length for rule in tags.TAG_RULES)
STRICTEST_TAG_VALUE = min(rule.value_max_length for rule in tags.TAG_RULES)
MAX_TAGS = min(rule.max_tags for rule in tags.TAG_RULES) - 1  # the component adds Owner
ROOT_FEW, (ROOT_LOW, ROOT_HIGH) = limits.ROOT_VOLUME_SIZES
USER_FEW, (USER_LOW, USER_HIGH) = limits.USER_VOLUME_SIZES
NOT_A_WORKSPACES_REGION = "eu-north-1"
assert NOT_A_WORKSPACES_REGION not in workspaces_regions()

# Row (as the table writes its key) -> (config path, a value plan refuses on that key alone). Paths are
# the stack file's: "aws:..." as they are, anything else under the project's namespace.
ONE_KEY: dict[str, list[tuple[str, Any]]] = {
    "`aws:region`": [("aws:region", NOT_A_WORKSPACES_REGION), ("aws:region", "us-east1")],
    "`aws:allowedAccountIds`": [
        ("aws:allowedAccountIds", [ACCOUNT, "210987654321"]),
        ("aws:allowedAccountIds", [int(ACCOUNT)]),  # not quoted: YAML reads a number
        ("aws:allowedAccountIds", [ACCOUNT + "0"]),
        ("aws:allowedAccountIds", []),
    ],
    "every ARN": [("key.administrators", [f"arn:aws-moon:iam::{ACCOUNT}:role/A"])],
    "`key.administrators`, `key.users`": [
        ("key.administrators", [f"arn:aws:iam::{ACCOUNT}:group/KeyAdministrators"]),
        ("key.users", [f"arn:aws:iam::{ACCOUNT}:group/Pipelines"]),
        ("key.users", [f"arn:aws:iam::{ACCOUNT}:root"]),
        ("key.administrators", []),
    ],
    "`administrators.principals`": [
        ("administrators.principals", [f"arn:aws:iam::{ACCOUNT}:policy/WorkSpacesAdministrators"]),
        ("administrators.principals", ["WorkSpacesAdministrators"]),
    ],
    "IAM principal ARNs": [
        ("key.administrators", [ROLE + "r" * (arns.IAM_NAME_MAX_LENGTH["role"] + 1)]),
        (
            "administrators.principals",
            [ADMINS, f"arn:aws:iam::{ACCOUNT}:group/" + "g" * (arns.IAM_NAME_MAX_LENGTH["group"] + 1)],
        ),
        ("key.administrators", [ROLE + "p/" * (arns.IAM_PATH_MAX_LENGTH // 2) + "Admins"]),
        ("key.administrators", [ROLE + "Key#Admins"]),
        ("key.administrators", [ROLE + "José"]),
        ("key.administrators", [ROLE + "with space/Admins"]),
        ("key.administrators", [f"arn:aws:iam::{ACCOUNT[:-1]}:role/Admins"]),
    ],
    "`key.alias`": [
        ("key.alias", "alias/" + "a" * (limits.ALIAS_MAX_LENGTH - len("alias/") + 1)),
        ("key.alias", "alias/with space"),
        ("key.alias", limits.RESERVED_ALIAS_PREFIX.upper() + "workspaces"),
        ("key.alias", "workspaces"),
    ],
    "`key.rotationPeriodInDays`": [
        ("key.rotationPeriodInDays", limits.ROTATION_PERIOD_DAYS[0] - 1),
        ("key.rotationPeriodInDays", limits.ROTATION_PERIOD_DAYS[1] + 1),
    ],
    "`key.deletionWindowInDays`": [
        ("key.deletionWindowInDays", limits.DELETION_WINDOW_DAYS[0] - 1),
        ("key.deletionWindowInDays", limits.DELETION_WINDOW_DAYS[1] + 1),
    ],
    "`key.description`": [("key.description", "d" * (limits.KEY_DESCRIPTION_MAX_LENGTH + 1))],
    "`tags`": [
        ("tags", {f"tag{number}": "v" for number in range(MAX_TAGS + 1)}),
        ("tags", {OWNER_TAG: "someone"}),
    ],
    "`tags.<key>`": [
        ("tags", {"k" * (STRICTEST_TAG_KEY + 1): "v"}),
        ("tags", {tags.RESERVED_TAG_PREFIX + "team": "v"}),
        ("tags", {tags.RESERVED_TAG_PREFIX.upper() + "team": "v"}),
        ("tags", {"team&co": "v"}),
        ("tags", {"": "v"}),
    ],
    "`tags.<key>` value": [
        ("tags.team", "v" * (STRICTEST_TAG_VALUE + 1)),
        ("tags.team", "end-user & computing"),
        ("tags.team", "end-user\tcomputing"),
    ],
    "`directory.directoryId`": [
        ("directory.directoryId", "d-123"),
        ("directory.directoryId", "wsd-123456789"),
    ],
    "`directory.subnetIds`": [
        ("directory.subnetIds", ["subnet-0123456789abcdef0"]),
        ("directory.subnetIds", ["subnet-0123456789abcdef0"] * 2),
        ("directory.subnetIds", ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a", "subnet-01234567"]),
        ("directory.subnetIds", ["subnet-0123456789abcdef0", "subnet-xyz"]),
    ],
    "`directory.workspaceCreationProperties.customSecurityGroupId`": [
        ("directory.workspaceCreationProperties.customSecurityGroupId", "sg-1"),
    ],
    "`directory.workspaceCreationProperties.defaultOu`": [
        ("directory.workspaceCreationProperties.defaultOu", "WorkSpaces"),
        ("directory.workspaceCreationProperties.defaultOu", "OU=WorkSpaces,DC=corp"),
        (
            "directory.workspaceCreationProperties.defaultOu",
            "OU=" + "w" * limits.DEFAULT_OU_LENGTH[1] + ",DC=corp,DC=com",
        ),
    ],
    "`directory.workspaceAccessProperties.*`": [
        ("directory.workspaceAccessProperties.deviceTypeWeb", "MAYBE"),
        ("directory.workspaceAccessProperties.deviceTypeOsx", "allow"),
    ],
    "`workspaces.defaults.bundleId`": [("workspaces.defaults.bundleId", "wsb-1234567")],
    "`workspaces.*.computeTypeName`": [
        ("workspaces.defaults.computeTypeName", "HUGE"),
        ("workspaces.users.bob.computeTypeName", "standard"),
    ],
    "`workspaces.*.runningMode`": [
        ("workspaces.defaults.runningMode", "MANUAL"),
        ("workspaces.users.bob.runningMode", "auto_stop"),
    ],
    "`workspaces.*.runningModeAutoStopTimeoutInMinutes`": [
        ("workspaces.defaults.runningModeAutoStopTimeoutInMinutes", limits.AUTO_STOP_INTERVAL_MINUTES + 30),
        ("workspaces.defaults.runningModeAutoStopTimeoutInMinutes", 0),
        ("workspaces.defaults.runningModeAutoStopTimeoutInMinutes", -limits.AUTO_STOP_INTERVAL_MINUTES),
        (
            "workspaces.users.alice.runningModeAutoStopTimeoutInMinutes",
            (INT32_MAX // limits.AUTO_STOP_INTERVAL_MINUTES + 1) * limits.AUTO_STOP_INTERVAL_MINUTES,
        ),
    ],
    "`workspaces.*.rootVolumeSizeGib`": [
        ("workspaces.defaults.rootVolumeSizeGib", ROOT_FEW[0] + 10),
        ("workspaces.defaults.rootVolumeSizeGib", ROOT_LOW - 1),
        ("workspaces.defaults.rootVolumeSizeGib", ROOT_HIGH + 1),
        ("workspaces.defaults.rootVolumeSizeGib", 0),
        ("workspaces.users.alice.rootVolumeSizeGib", ROOT_FEW[0] - 1),
        ("workspaces.users.alice.rootVolumeSizeGib", True),
    ],
    "`workspaces.*.userVolumeSizeGib`": [
        ("workspaces.defaults.userVolumeSizeGib", USER_FEW[0] + 10),
        ("workspaces.defaults.userVolumeSizeGib", USER_LOW - 1),
        ("workspaces.defaults.userVolumeSizeGib", USER_HIGH + 1),
        ("workspaces.defaults.userVolumeSizeGib", -USER_FEW[1]),
        ("workspaces.users.alice.userVolumeSizeGib", USER_FEW[1] + 10),
    ],
    "`workspaces.users.<user>`": [
        ("workspaces.users", {"b" * (limits.USER_NAME_LENGTH[1] + 1): {}}),
        ("workspaces.users", {"": {}}),
        ("workspaces.users", {"bob\tsmith": {}}),
        ("workspaces.users", {"bob\u0085smith": {}}),
    ],
    "`workspaces.createTimeout`": [
        ("workspaces.createTimeout", "90 minutes"),
        ("workspaces.createTimeout", "-90m"),
        ("workspaces.createTimeout", "1.5.h"),
        ("workspaces.createTimeout", "90"),
    ],
    "booleans": [
        ("workspaces.protect", "yes"),
        ("workspaces.protect", 1),
        ("key.enableKeyRotation", "true"),
        ("workspaces.defaults.rootVolumeEncryptionEnabled", "on"),
    ],
}

# Row -> why (the rest of) it is not one key's, or not JSON Schema's to say. These stay the model's.
NOT_ONE_KEY: dict[str, str] = {
    "every ARN": "that the partition is the region's ("
    + ", ".join(PARTITIONS)
    + ") is decided by aws:region and the ARN together",
    "`administrators.principals`": "the account must be aws:allowedAccountIds's: two keys",
    "IAM principal ARNs": "one ARN per name in any case and whatever the path: JSON Schema's uniqueItems "
    "compares whole values, exactly",
    "`tags`": "keys equal but for case: JSON Schema cannot compare property names",
    "`tags.<key>`": "non-ASCII symbols such as '€': JSON Schema patterns have no Unicode classes",
    "`tags.<key>` value": "non-ASCII symbols such as '€': JSON Schema patterns have no Unicode classes",
    "`workspaces.*.runningModeAutoStopTimeoutInMinutes`": "AUTO_STOP only: decided by runningMode too",
    "`workspaces.*.rootVolumeSizeGib`": "100 only with a graphics compute type; 80.0 is an integer to "
    "JSON Schema, not to the model",
    "`workspaces.*.userVolumeSizeGib`": "80.0 is an integer to JSON Schema, not to the model",
    "root and user volume together": "two keys, and the compute type",
    "`workspaces.users.<user>`": "the length in UTF-16 code units (JSON Schema counts code points) and "
    "names equal but for case",
    "`workspaces.createTimeout`": "at least 60m while root volumes are encrypted: decided by the "
    "encryption flags too",
    "the stack file": "the YAML itself, before there is any key: plan/stack_yaml.py",
    "`--stack`, the stack file's name": "a flag and a file name, not the config",
    "`--out`": "a flag, not the config",
    "config keys": "a near miss of the namespace is up to two edits away in any case (config/near_miss.py): "
    "a pattern of every such name would be thousands of alternatives, so the schema takes it as "
    "another program's namespace and plan refuses it",
    "a `secure:` value": "what plan does with a secret depends on the key it is under; the schema takes "
    "`{secure: ...}` only where plan plans with it (SECRET_ALLOWED_KEYWORD)",
}


def test_every_row_of_the_table_has_one_key_cases_or_says_why_not():
    assert set(ONE_KEY) | set(NOT_ONE_KEY) == set(ROWS)
    assert not (set(ONE_KEY) | set(NOT_ONE_KEY)) - set(ROWS), "a case for a row the table no longer has"


def _location(path: str) -> list[str]:
    """Where in the stack file ``path`` is: config, the namespaced key, the keys below it."""
    if path.startswith("aws:"):
        return ["config", path]
    first, *rest = path.split(".")
    return ["config", f"{NS}:{first}", *rest]


def _with(path: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(DEV)
    *parents, last = _location(path)
    holder = document
    for part in parents:
        if holder.get(part) is None:
            holder[part] = {}
        holder = holder[part]
    holder[last] = value
    return document


CASES = [(row, path, value) for row, cases in ONE_KEY.items() for path, value in cases]


@pytest.mark.parametrize(
    ("row", "path", "value"), CASES, ids=[f"{path}={str(value)[:30]!r}" for _, path, value in CASES]
)
def test_the_schema_refuses_on_the_key_what_plan_refuses(row, path, value, tmp_path: Path):
    document = _with(path, value)
    stack = tmp_path / "Pulumi.case.yaml"
    stack.write_text(yaml.safe_dump(document))
    with pytest.raises(ConfigError):
        read_stack_file(stack, NS, stopping=True)
    errors = list(VALIDATOR.iter_errors(document))
    assert errors, f"{row}: the schema accepts {path} = {value!r}"
    for error in errors:
        # On the key at fault (or inside it), saying what is wrong there.
        assert list(error.absolute_path)[: len(_location(path))] == _location(path), error.message
        assert error.validator not in ("anyOf", "oneOf"), error.message
