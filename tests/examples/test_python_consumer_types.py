"""The typed consumer example type-checks against the exported arguments (mypy, strict), and the same
check catches a program that passes the wrong thing: the arguments' types are what a consumer's type
checker reads (pulumi.Input where a value is data, plain where it names resources)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLE = PROJECT / "examples" / "python-consumer"


def mypy(*paths: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(EXAMPLE / "mypy.ini"),
            "--cache-dir",
            str(cache),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One mypy cache for both checks: the second reads the package's analysis from the first."""
    return tmp_path_factory.mktemp("mypy-cache")


def test_the_python_consumer_example_type_checks(cache):
    result = mypy(EXAMPLE / "__main__.py", cache=cache)
    assert result.returncode == 0, result.stdout + result.stderr


WRONG = '''
import pulumi
from encrypted_workspaces import DirectoryArgs, KeyArgs, WorkspacePropertiesArgs, WorkspacesArgs

ids: list[str] = ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a"]
directory_id: pulumi.Output[str] = pulumi.Output.from_input("d-1234567890")
DirectoryArgs(directory_id=directory_id, subnet_ids=ids)  # an Output and a list[str]: both fine
DirectoryArgs(directory_id=1234567890, subnet_ids=ids)
KeyArgs(administrator=["arn:aws:iam::123456789012:role/KeyAdministrators"])
WorkspacePropertiesArgs(root_volume_size_gib="80")
WorkspacesArgs(defaults=WorkspacePropertiesArgs(), users={"alice": directory_id})
'''


def test_the_same_check_catches_wrong_arguments(tmp_path, cache):
    program = tmp_path / "wrong.py"
    program.write_text(WRONG)
    result = mypy(program, cache=cache)
    errors = [line.split(": error: ", 1)[1] for line in result.stdout.splitlines() if ": error: " in line]
    assert [error.split("  [")[0].split(";")[0] for error in errors] == [
        'Argument "directory_id" to "DirectoryArgs" has incompatible type "int"',
        'Unexpected keyword argument "administrator" for "KeyArgs"',
        'Argument "root_volume_size_gib" to "WorkspacePropertiesArgs" has incompatible type "str"',
        'Dict entry 0 has incompatible type "str": "Output[str]"',
    ], result.stdout
