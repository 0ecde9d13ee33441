"""The stack-file JSON Schema against the model: the committed stack files validate, and broken stack
files are invalid under the schema AND refused by plan (exit 2): the two never disagree."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from encrypted_workspaces.cli import main
from encrypted_workspaces.config.planning import planning
from encrypted_workspaces.exit_codes import EXIT_CONFIG
from encrypted_workspaces.plan.stackfile import read_stack_file
from encrypted_workspaces.schema.command import PROJECT_ROOT
from encrypted_workspaces.schema.stack_file import SCHEMA_FILE_NAME

STACKS = PROJECT_ROOT / "stacks"
SCHEMA = json.loads((STACKS / SCHEMA_FILE_NAME).read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
HEADER = f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}\n"
STACK_FILES = sorted(STACKS.glob("Pulumi.*.yaml"))
DEV = yaml.safe_load((STACKS / "Pulumi.dev.yaml").read_text())
NS = "encrypted-workspaces"


def test_schema_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", STACK_FILES, ids=lambda path: path.name)
def test_every_stack_file_names_the_schema_and_validates(path):
    text = path.read_text()
    assert text.startswith(HEADER)
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))) == []


def test_there_are_stack_files_to_check():
    assert {path.name for path in STACK_FILES} >= {"Pulumi.dev.yaml", "Pulumi.prod.yaml"}


def _stack(edit) -> dict[str, Any]:
    document = copy.deepcopy(DEV)
    edit(document["config"])
    return document


def _set(path: str, value: Any):
    """An edit that sets ``config[<namespace>:<first>]...<last>`` to value (None: removes it)."""

    def edit(config: dict[str, Any]) -> None:
        key, *rest = path.split(".")
        holder, name = config, key
        for part in rest:
            holder, name = holder.setdefault(name, {}), part
        if value is None:
            holder.pop(name)
        else:
            holder[name] = value

    return edit


BROKEN = {
    "unknown namespaced key": _set(f"{NS}:keys", {"alias": "alias/x"}),
    "unknown bare key": _set("tag", {"team": "x"}),
    "unknown nested key": _set(f"{NS}:key.enableRotation", True),
    "unknown key in a user's block": _set(f"{NS}:workspaces.users.bob.runMode", "ALWAYS_ON"),
    "bad enum": _set(f"{NS}:workspaces.defaults.runningMode", "SOMETIMES"),
    "bad enum in a user's block": _set(f"{NS}:workspaces.users.bob.computeTypeName", "HUGE"),
    "bad device access": _set(f"{NS}:directory.workspaceAccessProperties", {"deviceTypeWeb": "MAYBE"}),
    "rotation period below range": _set(f"{NS}:key.rotationPeriodInDays", 30),
    "deletion window above range": _set(f"{NS}:key.deletionWindowInDays", 31),
    "auto-stop not a multiple of 60": _set(
        f"{NS}:workspaces.defaults.runningModeAutoStopTimeoutInMinutes", 90
    ),
    "bad directory id": _set(f"{NS}:directory.directoryId", "d-123"),
    "bad subnet id": _set(f"{NS}:directory.subnetIds", ["subnet-0123456789abcdef0", "subnet-xyz"]),
    "one subnet": _set(f"{NS}:directory.subnetIds", ["subnet-0123456789abcdef0"]),
    "bad bundle id": _set(f"{NS}:workspaces.defaults.bundleId", "bundle-1"),
    "bad security group": _set(
        f"{NS}:directory.workspaceCreationProperties", {"customSecurityGroupId": "sg-1"}
    ),
    "reserved alias": _set(f"{NS}:key.alias", "alias/aws/workspaces"),
    "reserved alias in another case": _set(f"{NS}:key.alias", "Alias/AWS/workspaces"),
    "alias without its prefix": _set(f"{NS}:key.alias", "workspaces-dev"),
    "a group administers the key": _set(
        f"{NS}:key.administrators", ["arn:aws:iam::123456789012:group/Admins"]
    ),
    "not an ARN": _set(f"{NS}:administrators.principals", ["WorkSpacesAdministrators"]),
    "no key administrator": _set(f"{NS}:key.administrators", []),
    "reserved tag key": _set(f"{NS}:tags", {"aws:team": "x"}),
    "tag value too long": _set(f"{NS}:tags", {"team": "x" * 257}),
    "bad duration": _set(f"{NS}:workspaces.createTimeout", "90 minutes"),
    "bad user name": _set(f"{NS}:workspaces.users", {"bob\tsmith": {}}),
    "bad user name to replace": _set(f"{NS}:workspaces.replace", ["bob\tsmith"]),
    "user name too long": _set(f"{NS}:workspaces.users", {"b" * 64: {}}),
    "a domain prefix in a user name": _set(f"{NS}:workspaces.users", {"ACME\\zoe": {}}),
    "the same subnet twice": _set(f"{NS}:directory.subnetIds", ["subnet-0123456789abcdef0"] * 2),
    "three subnets": _set(
        f"{NS}:directory.subnetIds",
        ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a", "subnet-01234567"],
    ),
    "DefaultOu not a DN": _set(f"{NS}:directory.workspaceCreationProperties", {"defaultOu": "WorkSpaces"}),
    "tag key too long for WorkSpaces": _set(f"{NS}:tags", {"k" * 128: "x"}),
    "the component's own tag": _set(f"{NS}:tags", {"Owner": "x"}),
    "a tag character": _set(f"{NS}:tags", {"team&co": "x"}),
    "a negative timeout": _set(f"{NS}:workspaces.createTimeout", "-90m"),
    "a boolean for a number": _set(f"{NS}:key.rotationPeriodInDays", True),
    "a region without WorkSpaces": _set("aws:region", "eu-north-1"),
    "wrong type: a string for a list": _set(f"{NS}:key.administrators", "arn:aws:iam::123456789012:role/A"),
    "wrong type: a list for a boolean": _set(f"{NS}:workspaces.protect", [True]),
    "wrong type: a string for a number": _set(f"{NS}:key.rotationPeriodInDays", "a year"),
    "wrong type: a list for a section": _set(f"{NS}:directory", ["d-1234567890"]),
    "missing required section": _set(f"{NS}:directory", None),
    "missing required key": _set(f"{NS}:workspaces.defaults.bundleId", None),
    "a secret where plan needs plain text": _set(f"{NS}:administrators.principals", [{"secure": "v1:abc"}]),
    "bad region": _set("aws:region", "europe"),
    "two accounts": _set("aws:allowedAccountIds", ["123456789012", "210987654321"]),
    "a short account id": _set("aws:allowedAccountIds", ["12345"]),
    "a bundle named both ways": _set(f"{NS}:workspaces.defaults.bundleName", "Standard with Windows 10"),
    "a bundle named both ways in a user's block": _set(
        f"{NS}:workspaces.users.bob", {"bundleId": "wsb-bh8rsxt14", "bundleName": "Standard with Windows 10"}
    ),
    "an existing key beside a created key's setting": _set(
        f"{NS}:key", {"existing": "alias/shared-workspaces", "alias": "alias/workspaces-dev"}
    ),
    "an AWS managed key as the existing key": _set(f"{NS}:key", {"existing": "alias/aws/workspaces"}),
    "an IP rule that is not a CIDR": _set(
        f"{NS}:directory.ipGroups", {"office": {"rules": [{"source": "203.0.113.0/33"}]}}
    ),
}

VALID = {
    "the dev stack": lambda config: None,
    "a secret tag value": _set(f"{NS}:tags", {"team": {"secure": "v1:abc"}}),
    "a secret key description": _set(f"{NS}:key.description", {"secure": "v1:abc"}),
    # Pulumi passes it on to AWS as it is: plan plans it with its placeholder (config/secrets.py).
    "a secret directory id": _set(f"{NS}:directory.directoryId", {"secure": "v1:abc"}),
    "another provider's key": _set("aws:profile", "workspaces-admin"),
    "bare project keys": lambda config: config.update(
        {key.removeprefix(f"{NS}:"): config.pop(key) for key in list(config) if key.startswith(f"{NS}:")}
    ),
    "a blank user entry": _set(f"{NS}:workspaces.users", {"alice": None, "bob": {}}),
    "user names in any script": _set(f"{NS}:workspaces.users", {"José": {}, "bob smith": {}, "李雷": None}),
    "a fractional Go duration": _set(f"{NS}:workspaces.createTimeout", "1.5h"),
    "nested OUs": _set(
        f"{NS}:directory.workspaceCreationProperties",
        {"defaultOu": "OU=W,OU=Computers,DC=corp,DC=example,DC=com"},
    ),
    "a user's overrides": _set(
        f"{NS}:workspaces.users.bob", {"rootVolumeSizeGib": 175, "userVolumeSizeGib": 100}
    ),
    "an existing key": _set(f"{NS}:key", {"existing": "alias/shared-workspaces"}),
    "a bundle by name": lambda config: (
        _set(f"{NS}:workspaces.defaults.bundleId", None)(config),
        _set(f"{NS}:workspaces.defaults.bundleName", "Standard with Windows 10 (Server 2019 based)")(config),
    ),
    "an IP group": _set(
        f"{NS}:directory.ipGroups", {"office": {"rules": [{"source": "203.0.113.0/24", "description": "HQ"}]}}
    ),
}


def _write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "Pulumi.broken.yaml"
    path.write_text(HEADER + yaml.safe_dump(document, sort_keys=False))
    return path


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_stack_file_is_invalid_under_the_schema_and_refused_by_plan(case, tmp_path, capsys):
    document = _stack(BROKEN[case])
    assert list(VALIDATOR.iter_errors(document)), f"the schema accepts {case}"
    path = _write(tmp_path, document)
    assert main(["plan", "--config", str(path), "--out", str(tmp_path / "out")]) == EXIT_CONFIG
    assert capsys.readouterr().err.strip(), "plan refuses with a message"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", list(VALID))
def test_stack_file_valid_under_the_schema_is_accepted_by_the_model(case, tmp_path):
    document = _stack(VALID[case])
    assert list(VALIDATOR.iter_errors(document)) == []
    with planning():  # as plan reads it: a secret is its placeholder
        read_stack_file(_write(tmp_path, document), NS, stopping=True)  # validates the whole namespace
