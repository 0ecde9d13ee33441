"""Commands find the Pulumi project as the Pulumi CLI does (encrypted_workspaces/project.py): the nearest
project file at or above the current directory, its stack files in its stackConfigDir with its
extension, its program where ``main`` says; ``--project-dir`` names one exactly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from encrypted_workspaces.audit.stack import read_stack_expectation
from encrypted_workspaces.cli import main
from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.project import PROJECT_FILE_NAMES, find_project, find_project_file, read_project
from tests.packaging.team_project import TEAM_PROJECT, TEAM_STACK, write_team_project

MINIMAL = "name: p\nruntime: python\n"


def project_file(directory: Path, name: str = "Pulumi.yaml", body: str = MINIMAL) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(body)
    return directory / name


def no_project_above(path: Path) -> None:
    """The tests that expect no project would find one in a parent of the temporary directory."""
    found = [d / n for d in path.parents for n in PROJECT_FILE_NAMES if (d / n).is_file()]
    assert not found, f"a project file above the test's directory: {found}"


# --- finding the project file ----------------------------------------------------------------------


def test_the_nearest_project_file_at_or_above_the_start_is_found(tmp_path):
    outer = project_file(tmp_path / "outer")
    inner = project_file(tmp_path / "outer" / "inner")
    (tmp_path / "outer" / "inner" / "src" / "deep").mkdir(parents=True)
    (tmp_path / "outer" / "docs").mkdir()
    assert find_project_file(tmp_path / "outer" / "inner" / "src" / "deep") == inner
    assert find_project_file(tmp_path / "outer" / "inner") == inner
    assert find_project_file(tmp_path / "outer" / "docs") == outer


@pytest.mark.parametrize(
    ("present", "found"),
    [
        (["Pulumi.yml"], "Pulumi.yml"),
        (["Pulumi.yml", "Pulumi.yaml"], "Pulumi.yaml"),
        (["Pulumi.yaml", "Pulumi.json"], "Pulumi.json"),
    ],
)
def test_in_one_directory_json_then_yaml_then_yml_as_the_cli_tries_them(tmp_path, present, found):
    for name in present:
        project_file(tmp_path, name)
    assert find_project_file(tmp_path) == tmp_path / found


def test_a_directory_named_like_a_project_file_is_no_project(tmp_path):
    parent = project_file(tmp_path, "Pulumi.yml")
    (tmp_path / "sub" / "Pulumi.yaml").mkdir(parents=True)
    assert find_project_file(tmp_path / "sub") == parent


def test_no_project_is_one_line_naming_the_directory_searched_from(tmp_path):
    no_project_above(tmp_path)
    start = tmp_path / "a" / "b"
    start.mkdir(parents=True)
    with pytest.raises(ConfigError) as raised:
        find_project_file(start)
    assert raised.value.problems == [
        f"{start}: no Pulumi project here or in any directory above it (looked for Pulumi.json, "
        "Pulumi.yaml, Pulumi.yml); run from your project's directory, or give --project-dir"
    ]


def test_project_dir_names_the_project_exactly_it_does_not_search_upward(tmp_path):
    project_file(tmp_path)
    (tmp_path / "sub").mkdir()
    with pytest.raises(ConfigError) as raised:
        find_project(tmp_path / "sub")
    assert raised.value.problems == [
        f"--project-dir: {tmp_path / 'sub'} holds no Pulumi project file "
        "(Pulumi.json, Pulumi.yaml, Pulumi.yml)"
    ]
    with pytest.raises(ConfigError) as raised:
        find_project(tmp_path / "missing")
    assert raised.value.problems == [f"--project-dir: not a directory (got {str(tmp_path / 'missing')!r})"]
    assert find_project(tmp_path).file == tmp_path / "Pulumi.yaml"


# --- what the project file says ----------------------------------------------------------------------


def test_stack_files_are_in_stack_config_dir_with_the_project_files_extension(tmp_path):
    beside = read_project(project_file(tmp_path / "a", "Pulumi.yml"))
    assert beside.stack_file("dev") == tmp_path / "a" / "Pulumi.dev.yml"
    configured = read_project(project_file(tmp_path / "b", body="name: p\nstackConfigDir: config/stacks\n"))
    assert configured.stack_file("prod") == tmp_path / "b" / "config" / "stacks" / "Pulumi.prod.yaml"


def test_main_names_the_program_and_the_directory_it_runs_in(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "__main__.py").write_text("")
    (tmp_path / "app.py").write_text("")
    directory = read_project(project_file(tmp_path, body="name: p\nmain: src/\n"))
    assert (directory.program, directory.program_dir) == (tmp_path / "src" / "__main__.py", tmp_path / "src")
    single = read_project(project_file(tmp_path, body="name: p\nmain: app.py\n"))
    assert (single.program, single.program_dir) == (tmp_path / "app.py", tmp_path)
    default = read_project(project_file(tmp_path))
    assert (default.program, default.program_dir) == (tmp_path / "__main__.py", tmp_path)


@pytest.mark.parametrize(
    ("main_value", "problem"),
    [
        ("/srv/app", "main must be a path relative to the project (got '/srv/app')"),
        ("../elsewhere", "main must be inside the project directory (got '../elsewhere')"),
        ("missing", "main: no such file or directory (got 'missing')"),
        ("[src]", "main must be a path (got ['src'])"),
    ],
)
def test_a_main_pulumi_would_refuse_is_one_line_naming_the_project_file(tmp_path, main_value, problem):
    path = project_file(tmp_path, body=f"name: p\nmain: {main_value}\n")
    with pytest.raises(ConfigError) as raised:
        read_project(path)
    assert raised.value.problems == [f"{path}: {problem}"]


# --- the commands in a team's own project ------------------------------------------------------------


def test_plan_from_inside_a_teams_project_plans_that_project(tmp_path, capsys, monkeypatch):
    project = tmp_path / "euc-platform"
    write_team_project(project, stack_config_dir="stacks")
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "docs")
    code = main(["plan", "--stack", TEAM_STACK, "--out", str(tmp_path / "o")])
    assert code == 0, capsys.readouterr().err
    plan = json.loads((tmp_path / "o" / "plan.json").read_text())
    assert (plan["project"], plan["stack"]) == (TEAM_PROJECT, TEAM_STACK)
    assert sorted(plan["outputs"]["workspaceIds"]) == ["alice", "bob"]


CWD_PROGRAM = 'import os\nimport pulumi\n\npulumi.export("cwd", os.getcwd())\n'


def test_plan_runs_the_program_in_its_project_directory_and_comes_back(tmp_path, capsys, monkeypatch):
    project = tmp_path / "team"
    write_team_project(project, program=CWD_PROGRAM)
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "docs")
    assert main(["plan", "--stack", TEAM_STACK, "--out", str(tmp_path / "o")]) == 0, capsys.readouterr().err
    assert json.loads((tmp_path / "o" / "plan.json").read_text())["outputs"]["cwd"] == str(project)
    assert os.getcwd() == str(project / "docs")


def test_plan_reads_a_pulumi_yml_projects_stack_file_with_its_extension(tmp_path, capsys):
    project = tmp_path / "team"
    stack_file = write_team_project(project, project_file="Pulumi.yml")
    assert stack_file.name == f"Pulumi.{TEAM_STACK}.yml"
    args = ["plan", "--project-dir", str(project), "--stack", TEAM_STACK, "--out", str(tmp_path / "o")]
    assert main(args) == 0, capsys.readouterr().err


def test_plan_outside_any_project_exits_2_with_one_line_naming_the_directory(tmp_path, capsys, monkeypatch):
    no_project_above(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["plan", "--stack", "dev"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"{tmp_path}: no Pulumi project here or in any directory above it")
    assert len(captured.err.splitlines()) == 1
    assert not (tmp_path / "build").exists()


def test_plan_of_a_project_without_its_program_exits_2_naming_the_file(tmp_path, capsys):
    project = tmp_path / "team"
    write_team_project(project)
    (project / "__main__.py").unlink()
    code = main(["plan", "--project-dir", str(project), "--stack", TEAM_STACK, "--out", str(tmp_path / "o")])
    assert code == 2
    assert capsys.readouterr().err == (
        f"{project / '__main__.py'}: no such file: the Python program Pulumi runs for Pulumi.yaml\n"
    )


def test_audit_reads_the_stack_of_the_project_found_as_plan_finds_it(tmp_path, monkeypatch):
    project = tmp_path / "euc-platform"
    write_team_project(project, stack_config_dir="config")
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "docs")
    expectation = read_stack_expectation(None, TEAM_STACK, None)
    assert (expectation.stack, expectation.directory_id) == (TEAM_STACK, "d-1234567890")
    assert expectation.users == {"alice", "bob"}
    monkeypatch.chdir(tmp_path)
    assert read_stack_expectation(project, TEAM_STACK, None) == expectation


def test_audit_with_a_stack_outside_any_project_exits_2_naming_the_directory(tmp_path, capsys, monkeypatch):
    no_project_above(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["audit", "--stack", TEAM_STACK, "--region", "eu-west-1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path}: no Pulumi project here") and len(err.splitlines()) == 1
