"""The package installs under one distinctive name: a consumer with its own components/ and policies/
packages still imports ours, from the editable install and from the wheel in a venv of its own."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pulumi
import pytest

PROJECT = Path(__file__).resolve().parents[1]


def test_consumer_with_its_own_components_and_policies_packages_imports_ours(tmp_path: Path):
    for package in ("components", "policies"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text(f"OWNER = 'consumer {package}'\n")
    program = (
        "import components, policies\n"
        "from encrypted_workspaces import EncryptedWorkspaces\n"
        "from encrypted_workspaces.documents import workspaces_key_policy\n"
        "assert components.OWNER == 'consumer components' and policies.OWNER == 'consumer policies'\n"
        "print(EncryptedWorkspaces.__module__, workspaces_key_policy.__module__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "encrypted_workspaces.component",
        "encrypted_workspaces.documents.key_policy",
    ]


# --- the wheel, as a consumer installs it ------------------------------------------------------------

CONSUMER_PROGRAM = '''
"""A consumer's Pulumi program with packages of its own named components and policies."""
import json
import sys

import components
import policies
import encrypted_workspaces
from encrypted_workspaces import ConfigError, EncryptedWorkspaces, EncryptedWorkspacesArgs
from encrypted_workspaces.offline.runner import simulate

ACCOUNT = "123456789012"


def program():
    euc = EncryptedWorkspaces(
        "euc",
        EncryptedWorkspacesArgs(
            key={"administrators": [f"arn:aws:iam::{ACCOUNT}:role/KeyAdministrators"]},
            administrators={"principals": [f"arn:aws:iam::{ACCOUNT}:role/WorkSpacesAdministrators"]},
            directory={
                "directory_id": "d-1234567890",
                "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a"],
            },
            workspaces={"defaults": {"bundle_id": "wsb-bh8rsxt14"}, "users": {"alice": {}}, "protect": False},
        ),
    )
    import pulumi

    pulumi.export("keyArn", euc.key_arn)
    pulumi.export("workspaceIds", euc.workspace_ids)


deployment = simulate(program, stack="consumer", config={}, account_id=ACCOUNT, region="eu-west-1")
print(json.dumps({
    "package": encrypted_workspaces.__file__,
    "own": [components.OWNER, policies.OWNER],
    "types": sorted({r.type for r in deployment.resources}),
    "outputs": deployment.outputs,
    "error": ConfigError.__module__,
}))
'''


def _pip(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args], capture_output=True, text=True, check=False, timeout=600
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """`pip wheel .` from the tracked files alone (a copy, so the checkout gets no build output)."""
    source = tmp_path_factory.mktemp("source")
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, tracked):
        if (PROJECT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    _pip("wheel", str(source), "--no-deps", "--quiet", "--wheel-dir", str(out))
    (built,) = out.glob("encrypted_workspaces-*.whl")
    return built


def test_the_wheels_only_top_level_name_is_encrypted_workspaces(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    version = wheel.name.split("-")[1]
    assert {name.split("/")[0] for name in names} == {
        "encrypted_workspaces",
        f"encrypted_workspaces-{version}.dist-info",
    }
    # Every module of the source root is in the wheel, at the same dotted path.
    sources = {
        str(path.relative_to(PROJECT / "components"))
        for path in (PROJECT / "components" / "encrypted_workspaces").rglob("*.py")
    }
    assert sources <= set(names)
    top_level = zipfile.ZipFile(wheel).read(f"encrypted_workspaces-{version}.dist-info/top_level.txt")
    assert top_level.decode().split() == ["encrypted_workspaces"]


def test_a_consumer_with_its_own_components_and_policies_uses_the_installed_wheel(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site_packages = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The wheel goes into the consumer's own venv; its dependencies (pulumi, pulumi-aws, pydantic, ...)
    # are borrowed from the project's environment as a plain path, so nothing is downloaded. A plain
    # path entry is not a site directory: the project's editable install (.pth) is not processed.
    project_site = Path(pulumi.__file__).parents[1]
    (site_packages / "project_dependencies.pth").write_text(f"{project_site}\n")
    _pip("--python", str(python), "install", "--no-deps", "--quiet", str(wheel))

    consumer = tmp_path / "consumer"
    for package in ("components", "policies"):
        (consumer / package).mkdir(parents=True)
        (consumer / package / "__init__.py").write_text(f"OWNER = 'consumer {package}'\n")
    (consumer / "__main__.py").write_text(CONSUMER_PROGRAM)
    result = subprocess.run(
        [str(python), "__main__.py"],
        cwd=consumer,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(report["package"]).is_relative_to(site_packages)
    assert report["own"] == ["consumer components", "consumer policies"]
    assert report["error"] == "encrypted_workspaces.errors"
    assert {
        "aws:kms/key:Key",
        "aws:kms/alias:Alias",
        "aws:workspaces/directory:Directory",
        "aws:workspaces/workspace:Workspace",
    } <= set(report["types"])
    assert report["outputs"]["keyArn"].startswith("arn:aws:kms:eu-west-1:123456789012:key/")
    assert list(report["outputs"]["workspaceIds"]) == ["alice"]
