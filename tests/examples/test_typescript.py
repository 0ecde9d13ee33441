"""examples/typescript: the SDK-shaped declarations its check uses agree with the provider's schema, and
(when its node_modules is installed) index.ts type-checks against them, @pulumi/pulumi and @pulumi/aws."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from encrypted_workspaces.provider.host import package_schema

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "typescript"
SHAPES = EXAMPLE / "sdk-shapes" / "encrypted-workspaces.d.ts"
TYPE_TOKEN = "encrypted-workspaces:index:EncryptedWorkspaces"


def _declared() -> dict[str, dict[str, bool]]:
    """interface name -> property -> whether it is a pulumi.Input (inherited properties included)."""
    interfaces: dict[str, dict[str, bool]] = {}
    pattern = re.compile(r"interface (\w+)(?: extends (\w+))? \{(.*?)\n *\}", re.DOTALL)
    for name, parent, body in pattern.findall(SHAPES.read_text()):
        properties = dict(interfaces.get(parent, {})) if parent else {}
        for prop, declared in re.findall(r"^\s+(\w+)\??: (.+);$", body, re.MULTILINE):
            properties[prop] = declared.startswith("pulumi.Input<") and not declared.endswith("[]")
        interfaces[name] = properties
    return interfaces


def _schema_types() -> dict[str, dict[str, bool]]:
    """The same from the schema: each object type's (and the resource's) properties, Input or plain."""
    schema = package_schema()
    found = {
        token.rsplit(":", 1)[1] + "Args": {p: not d.get("plain") for p, d in t["properties"].items()}
        for token, t in schema["types"].items()
        if "properties" in t
    }
    resource = schema["resources"][TYPE_TOKEN]
    found["EncryptedWorkspacesArgs"] = {p: not d.get("plain") for p, d in resource["inputProperties"].items()}
    return found


def test_the_sdk_shapes_have_every_property_of_the_schema_input_or_plain_as_it_says():
    declared = _declared()
    for name, properties in _schema_types().items():
        # A map or list of Inputs is a plain container in the schema; the declaration says the same.
        assert {p: is_input for p, is_input in declared[name].items()} == properties, name


def test_index_ts_type_checks_against_pulumi_and_the_sdk_shapes():
    tsc = EXAMPLE / "node_modules" / ".bin" / "tsc"
    if not tsc.exists():
        pytest.skip("no examples/typescript/node_modules: cd examples/typescript && npm install")
    result = subprocess.run([str(tsc), "--noEmit", "-p", str(EXAMPLE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
