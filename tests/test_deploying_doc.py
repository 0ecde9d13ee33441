"""docs/deploying.md says what is true of this checkout: the versions pyproject.toml requires, a stack
file with a secrets provider that the schema accepts, and a command that narrows the deployer's policy
and prints what the function makes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import yaml

from encrypted_workspaces.documents.deployer import DeployerScope, deployer_policy

PROJECT = Path(__file__).resolve().parents[1]
DOC = (PROJECT / "docs" / "deploying.md").read_text()
PYPROJECT = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]


def _required(name: str) -> str:
    (spec,) = [d for d in PYPROJECT["dependencies"] if re.match(rf"{re.escape(name)}\s*[<>=!~]", d)]
    return spec


def test_the_versions_table_states_the_requirements_of_pyproject():
    rows = {
        line.split("|")[1].strip(): line.split("|")[2].strip()
        for line in DOC.splitlines()
        if line.startswith("| ")
    }
    assert rows["Python"] == f"`{PYPROJECT['requires-python']}`"
    assert rows["Pulumi Python SDK (`pulumi`)"] == f"`{_required('pulumi')}`"
    assert rows["Pulumi AWS provider (`pulumi-aws`)"] == f"`{_required('pulumi-aws')}`"
    sdk_floor = re.search(r">=([\d.]+)", _required("pulumi")).group(1)
    assert rows["Pulumi CLI"] == f"{sdk_floor} or newer"


def test_a_stack_file_with_a_kms_secrets_provider_is_still_a_valid_stack_file():
    stack = yaml.safe_load((PROJECT / "stacks" / "Pulumi.prod.yaml").read_text())
    stack["secretsprovider"] = "awskms://alias/pulumi-secrets?region=eu-west-1"
    stack["encryptedkey"] = "AQICAHh..."
    schema = json.loads((PROJECT / "stacks" / "stack-config.schema.json").read_text())
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(stack)) == []


def test_the_command_that_narrows_the_policy_prints_the_policy_of_that_scope():
    (command,) = re.findall(r"\.venv/bin/python -c '(.*?)'\n", DOC, flags=re.DOTALL)
    printed = subprocess.run(
        [sys.executable, "-c", command], capture_output=True, text=True, check=True, cwd=PROJECT
    ).stdout
    assert json.loads(printed) == deployer_policy(DeployerScope("aws", "eu-west-1", "123456789012"))
