"""The package installs under one distinctive name, and the release is one a user can install: the
sdist and wheel carry the README, the licence and the metadata, twine accepts them, and the wheel in a
venv of its own runs the command and the component with no checkout of ours."""

from __future__ import annotations

import email
import json
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

from tests.packaging.team_project import TEAM_PROJECT, TEAM_STACK, write_team_project

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLES = PROJECT / "examples"
PYPROJECT = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]


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


# --- the release: sdist and wheel ---------------------------------------------------------------------


def _wheel_metadata(wheel: Path) -> email.message.Message:
    version = wheel.name.split("-")[1]
    return email.message_from_string(
        zipfile.ZipFile(wheel).read(f"encrypted_workspaces-{version}.dist-info/METADATA").decode()
    )


def test_the_wheels_only_top_level_name_is_encrypted_workspaces(release):
    names = zipfile.ZipFile(release.wheel).namelist()
    version = release.wheel.name.split("-")[1]
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
    top_level = zipfile.ZipFile(release.wheel).read(f"encrypted_workspaces-{version}.dist-info/top_level.txt")
    assert top_level.decode().split() == ["encrypted_workspaces"]


def test_the_wheel_carries_the_licence_the_readme_and_the_metadata(release):
    metadata = _wheel_metadata(release.wheel)
    assert (metadata["Name"], metadata["Version"]) == (PYPROJECT["name"], PYPROJECT["version"])
    # PEP 639: an SPDX expression and the licence file itself, in the wheel's dist-info/licenses/.
    assert metadata["License-Expression"] == "Apache-2.0"
    assert metadata.get_all("License-File") == ["LICENSE"]
    dist_info = f"encrypted_workspaces-{PYPROJECT['version']}.dist-info"
    licence = zipfile.ZipFile(release.wheel).read(f"{dist_info}/licenses/LICENSE")
    assert licence == (PROJECT / "LICENSE").read_bytes()
    specifiers = set(metadata["Requires-Python"].split(","))
    assert specifiers == set(PYPROJECT["requires-python"].split(",")) and ">=3.11" in specifiers
    classifiers = metadata.get_all("Classifier")
    for minor in (11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")]  # PEP 639: the expression instead
    urls = dict(line.split(", ", 1) for line in metadata.get_all("Project-URL"))
    assert urls == PYPROJECT["urls"] and all(url.startswith("https://") for url in urls.values())
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata.get_payload() == (PROJECT / "README.md").read_text()


def test_the_sdist_carries_the_licence_readme_and_changelog_and_no_partial_test_suite(release):
    root = release.sdist.name.removesuffix(".tar.gz")
    with tarfile.open(release.sdist) as sdist:
        names = set(sdist.getnames())
        for name in ("LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml"):
            assert f"{root}/{name}" in names
            assert sdist.extractfile(f"{root}/{name}").read() == (PROJECT / name).read_bytes()
        pkg_info = email.message_from_bytes(sdist.extractfile(f"{root}/PKG-INFO").read())
    assert pkg_info["License-Expression"] == "Apache-2.0"
    # The tests need the whole checkout (stacks, policies, the project's own program): none are shipped.
    assert not [name for name in names if name.startswith(f"{root}/tests")]


def test_the_sdist_carries_the_docs_the_readme_links_to(release):
    root = release.sdist.name.removesuffix(".tar.gz")
    pages = sorted((PROJECT / "docs").glob("*.md"))
    assert pages  # the README links every page (tests/test_docs_links.py)
    with tarfile.open(release.sdist) as sdist:
        for page in [*pages, PROJECT / "docs" / "rollout.png"]:
            name = f"{root}/{page.relative_to(PROJECT).as_posix()}"
            assert sdist.extractfile(name).read() == page.read_bytes(), name


def test_twine_check_passes_on_the_sdist_and_the_wheel(release):
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(release.sdist), str(release.wheel)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


# --- the wheel in a venv of its own ---------------------------------------------------------------------


def test_the_installed_command_prints_the_packages_version(wheel_venv, tmp_path):
    result = wheel_venv.run("encrypted-workspaces", "--version", cwd=tmp_path, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"encrypted-workspaces {PYPROJECT['version']}\n"


def test_the_installed_command_plans_a_teams_own_project_from_its_directory(wheel_venv, tmp_path):
    project = tmp_path / "euc-platform"
    write_team_project(project)
    result = wheel_venv.run("encrypted-workspaces", "plan", "--stack", TEAM_STACK, cwd=project, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    plan = json.loads((project / "build" / "plan" / TEAM_STACK / "plan.json").read_text())
    assert (plan["project"], plan["stack"]) == (TEAM_PROJECT, TEAM_STACK)
    assert sorted(plan["outputs"]["workspaceIds"]) == ["alice", "bob"]
    workspaces = [r for r in plan["resources"] if r["type"] == "aws:workspaces/workspace:Workspace"]
    assert sorted(r["inputs"]["userName"] for r in workspaces) == ["alice", "bob"]
    assert all(r["urn"].startswith(f"urn:pulumi:{TEAM_STACK}::{TEAM_PROJECT}::") for r in plan["resources"])


def test_the_installed_command_prints_a_teams_plan_as_markdown(wheel_venv, tmp_path):
    project = tmp_path / "euc-platform"
    write_team_project(project)
    markdown = ("plan", "--stack", TEAM_STACK, "--format", "markdown")
    result = wheel_venv.run("encrypted-workspaces", *markdown, cwd=project, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"## Plan of {TEAM_PROJECT}/{TEAM_STACK} in eu-west-1, account 123456789012"
    header = next(i for i, line in enumerate(lines) if line.startswith("| USER | BUNDLE |"))
    assert lines[header + 1].startswith("| --- |")
    assert [line.split(" | ")[0] for line in lines[header + 2 : header + 4]] == ["| alice", "| bob"]
    assert "\x1b" not in result.stdout


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


def test_a_consumer_with_its_own_components_and_policies_uses_the_installed_wheel(wheel_venv, tmp_path):
    consumer = tmp_path / "consumer"
    for package in ("components", "policies"):
        (consumer / package).mkdir(parents=True)
        (consumer / package / "__init__.py").write_text(f"OWNER = 'consumer {package}'\n")
    (consumer / "__main__.py").write_text(CONSUMER_PROGRAM)
    result = wheel_venv.run("python", "__main__.py", cwd=consumer, home=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(report["package"]).is_relative_to(wheel_venv.root)
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


def test_the_python_consumer_example_passes_its_own_tests_against_the_installed_wheel(wheel_venv, tmp_path):
    """examples/python-consumer, copied out of the checkout, tested as its team would: its program passes
    the Outputs of the directory, subnets, roles and topic it creates (known, unknown in a preview, and
    a bad directory id), against the wheel in a venv of its own."""
    example = tmp_path / "python-consumer"
    shutil.copytree(EXAMPLES / "python-consumer", example)
    pytest = ("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_program.py")
    result = wheel_venv.run(*pytest, cwd=example, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout.strip().splitlines()[-1]
