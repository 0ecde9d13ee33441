"""examples/ci/plan-on-pull-request.yml runs a plan our CLI accepts, against an export, as Markdown; it posts
that Markdown and keeps the job's pass or fail from plan's exit code."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from encrypted_workspaces.cli import _parser, main
from encrypted_workspaces.offline.runner import simulate
from encrypted_workspaces.plan.stackfile import read_stack_file
from tests.plan.stack_export import stack_export

PROJECT = Path(__file__).resolve().parents[2]
WORKFLOW = PROJECT / "examples" / "ci" / "plan-on-pull-request.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def steps(workflow: dict) -> list[dict]:
    return workflow["jobs"]["plan"]["steps"]


def step_named(workflow: dict, start: str) -> dict:
    [step] = [step for step in steps(workflow) if step.get("name", "").startswith(start)]
    return step


def plan_command(workflow: dict) -> str:
    """The line of the plan step that runs encrypted-workspaces (one line, no continuation)."""
    [line] = [
        line
        for line in step_named(workflow, "Plan")["run"].splitlines()
        if "encrypted-workspaces plan" in line
    ]
    return line.strip()


def argv_of(command: str, variables: dict[str, str]) -> list[str]:
    """The command's arguments as the shell gives them: variables expanded, redirections gone."""
    words = shlex.split(re.sub(r"\$(\w+)", lambda m: variables[m[1]], command))
    redirection = next(i for i, word in enumerate(words) if word in (">", "2>"))
    assert words[0] == "encrypted-workspaces"
    return words[1:redirection]


def test_the_workflow_runs_on_pull_requests_and_may_comment(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers["pull_request"]["types"]) >= {"opened", "synchronize", "labeled", "unlabeled"}
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_it_runs_a_valid_plan_against_the_export_as_markdown(workflow):
    variables = {**workflow["env"], "RUNNER_TEMP": "/runner/temp"}
    args = _parser().parse_args(argv_of(plan_command(workflow), variables))
    assert args.command == "plan"
    assert (args.stack, args.format, args.verbose) == (workflow["env"]["STACK"], "markdown", False)
    assert args.against == Path("/runner/temp/deployed.json")
    export = step_named(workflow, "Export")["run"]
    assert shlex.split(export.replace("$RUNNER_TEMP", "/runner/temp"))[-2:] == [
        "--file",
        "/runner/temp/deployed.json",
    ]
    assert (PROJECT / "stacks" / f"Pulumi.{args.stack}.yaml").is_file()


def test_the_command_plans_this_repositorys_stack_against_its_export(workflow, tmp_path, capsys, monkeypatch):
    stack = workflow["env"]["STACK"]
    stack_file = read_stack_file(PROJECT / "stacks" / f"Pulumi.{stack}.yaml", "encrypted-workspaces", stack)
    deployment = simulate(
        stack=stack, config=stack_file.config, account_id=stack_file.account_id, region=stack_file.region
    )
    (tmp_path / "deployed.json").write_text(json.dumps(stack_export(deployment)))
    monkeypatch.chdir(PROJECT)
    argv = argv_of(plan_command(workflow), {**workflow["env"], "RUNNER_TEMP": str(tmp_path)})
    assert main(argv) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith(f"## Plan of encrypted-workspaces/{stack} in ")
    assert "**Exit 0**: " in markdown and "### Changes against " in markdown
    assert (tmp_path / "plan" / "changes.json").is_file()


def test_it_posts_the_markdown_and_adds_it_to_the_job_summary(workflow):
    run = step_named(workflow, "Plan")["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in run and 'echo "exit-code=$code" >> "$GITHUB_OUTPUT"' in run
    comment = next(step for step in steps(workflow) if step.get("uses", "").startswith("marocchino/"))
    assert comment["with"]["path"].endswith("/comment.md")


@pytest.mark.parametrize(
    ("code", "labelled", "passes"),
    [
        ("0", "false", True),
        ("3", "true", False),
        ("4", "false", False),
        ("4", "true", True),
        ("2", "true", False),
    ],
)
def test_the_check_passes_or_fails_on_plans_exit_code(workflow, code, labelled, passes, tmp_path):
    """The gate step's script, run by bash with the exit code and the label as the workflow gives them."""
    gate = step_named(workflow, "Pass or fail")
    env = {**os.environ, "CODE": code, "ALLOWED": labelled, "ALLOW_LABEL": workflow["env"]["ALLOW_LABEL"]}
    result = subprocess.run(
        ["bash", "-e", "-c", gate["run"]], env=env, capture_output=True, text=True, check=False
    )
    assert (result.returncode == 0) == passes, result.stdout
    assert gate["env"]["CODE"] == "${{ steps.plan.outputs.exit-code }}"
    assert "github.event.pull_request.labels.*.name, env.ALLOW_LABEL" in gate["env"]["ALLOWED"]
