"""``encrypted-workspaces plan``: run the stack program offline, write plan.json and policies/, lint
the documents, run the guardrails, compare with what is deployed (``--against``: changes.json), print
the summary (docs/architecture.md, "Plan")."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from pathlib import Path

from encrypted_workspaces.config.planning import planning
from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.exit_codes import EXIT_CONFIG
from encrypted_workspaces.offline.runner import simulate, stack_program
from encrypted_workspaces.project import (
    PulumiProject,
    add_project_dir_argument,
    find_project,
    stack_file_path,
)

from .grouping import GROUPED_ABOVE
from .inputs import load_inputs
from .output_dir import (
    CHANGES_FILE,
    PLAN_FILE,
    POLICIES_DIR,
    holds,
    out_dir_problem,
    remove_plan,
    write_atomically,
)
from .stackfile import stack_name_of, stack_name_problem

# Lint findings at or above this severity fail the plan (exit 3).
BLOCKING_SEVERITY = "MEDIUM"
# How the summary is printed; text, the default, because plan is first run in a terminal.
FORMATS = ("text", "markdown")


def add_arguments(plan: argparse.ArgumentParser) -> None:
    source = plan.add_mutually_exclusive_group()
    source.add_argument(
        "--stack", help="stack name: reads <stackConfigDir>/Pulumi.<NAME>.yaml (default: dev)"
    )
    source.add_argument("--config", type=Path, help="a stack file anywhere")
    plan.add_argument(
        "--out",
        help="output directory, plan's own: missing, empty or a previous plan (default: build/plan/<stack>)",
    )
    plan.add_argument(
        "--policy-config",
        type=Path,
        help="guardrail settings: the JSON file given to `pulumi preview --policy-pack-config`",
    )
    plan.add_argument(
        "--against",
        type=Path,
        metavar="PATH",
        help="compare with what is deployed: a previous plan.json, its directory, or the JSON of "
        "`pulumi stack export`; writes DIR/changes.json and exits 4 on a destructive change",
    )
    plan.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for a terminal (default), or markdown for a pull-request comment or $GITHUB_STEP_SUMMARY",
    )
    plan.add_argument(
        "--verbose",
        action="store_true",
        help="print every resource, WorkSpace and output; by default, more than "
        f"{GROUPED_ABOVE} that are the same but for their name are counted on one line",
    )
    add_project_dir_argument(plan)


def _where(args: argparse.Namespace) -> tuple[PulumiProject, Path, str, Path]:
    """(project, stack file, stack, output directory) from the flags; ConfigError naming the flag."""
    if args.stack is not None and (problem := stack_name_problem(args.stack)):
        raise ConfigError([f"--stack: {problem}"])
    project = find_project(args.project_dir)
    if not project.program.is_file():
        raise ConfigError(
            [f"{project.program}: no such file: the Python program Pulumi runs for {project.file.name}"]
        )
    # --config is read (and its problems named) with the stack file; --stack's file must exist here.
    stack_path = args.config or stack_file_path(project, args.stack, None)
    stack = args.stack or stack_name_of(stack_path)
    if problem := stack_name_problem(stack):
        raise ConfigError([f"--config: the file name {stack_path.name!r} gives the stack name: {problem}"])
    out = args.out if args.out is not None else str(Path("build/plan") / stack)
    if problem := out_dir_problem(out):
        raise ConfigError([f"--out: {problem}"])
    return project, stack_path, stack, Path(out)


def run(args: argparse.Namespace) -> int:
    try:
        project, stack_path, stack, out_dir = _where(args)
    except ConfigError as error:  # nothing is touched: not even a previous plan in DIR
        print(str(error), file=sys.stderr)
        return EXIT_CONFIG
    # A failed run removes the previous plan from DIR, unless it is the baseline (`--against DIR`):
    # that is read whole before anything is written, and a failed run leaves it byte for byte.
    keeps_baseline = args.against is not None and holds(out_dir, args.against)
    try:
        print_summary = _plan(args, project, stack_path, stack, out_dir)
    except ConfigError as error:
        if not keeps_baseline:
            remove_plan(out_dir)
        print(str(error), file=sys.stderr)
        return EXIT_CONFIG
    except BaseException:
        if not keeps_baseline:
            remove_plan(out_dir)
        raise
    # The plan is written: a reader that stops reading the summary (`plan | head`) is no failure of it.
    return print_summary()


def _plan(
    args: argparse.Namespace, project: PulumiProject, stack_path: Path, stack: str, out_dir: Path
) -> Callable[[], int]:
    """Run and write the plan; return what prints its summary and gives the exit code."""
    with planning() as config_notes:
        guardrails_config, stack_file, deployed = load_inputs(
            args.policy_config, stack_path, project.name, stack, args.against
        )
        deployment = simulate(
            stack_program(project.program, project.program_dir),
            project=project.name,
            stack=stack,
            config=stack_file.config,
            account_id=stack_file.account_id,
            region=stack_file.region,
        )
    # The deployment lives until the process ends: freeze it, so that the collections the linters'
    # databases trigger scan only new objects, not the whole deployment again and again.
    gc.freeze()

    from encrypted_workspaces.aws.types import WORKSPACE
    from encrypted_workspaces.rollout import rollout_summary
    from encrypted_workspaces.rules import evaluate

    from .documents import lint_documents, policy_documents
    from .guardrails import allowing_named_keys, guardrail_findings, views_from_registrations
    from .outcome import plan_outcome
    from .render import resource_entries, write_plan_json, write_policy_files
    from .summary import plan_report

    documents = policy_documents(deployment.resources)
    lint = lint_documents(documents)
    guardrails_config, allowances = allowing_named_keys(guardrails_config, deployment.invokes)
    violations = evaluate(views_from_registrations(deployment.resources), guardrails_config)
    guardrails = guardrail_findings(violations, deployment.resources)
    entries = resource_entries(deployment)
    grouped = not args.verbose
    changes = changes_shown = None
    if deployed is not None:
        from .changes import compare
        from .changes_report import changes_section, write_changes_json

        changes = compare(deployed.resources, entries)
        changes_shown = changes_section(changes, deployed, grouped=grouped)
    # The WorkSpaces this update creates: with --against, the new and the replaced ones (a held change
    # creates nothing); without, every WorkSpace of the plan (a first `pulumi up`).
    if changes is None:
        creates = sum(resource.type == WORKSPACE for resource in deployment.resources)
    else:
        creates = changes.created(WORKSPACE)
    policy_files: list[str] = []

    def write(staging: Path) -> None:
        write_plan_json(deployment, staging / PLAN_FILE, entries, rollout_summary(creates))
        policy_files.extend(write_policy_files(documents, staging / POLICIES_DIR))
        if changes is not None:
            write_changes_json(changes, staging / CHANGES_FILE)

    write_atomically(out_dir, write)
    written = [out_dir / PLAN_FILE, *(out_dir / POLICIES_DIR / name for name in policy_files)]
    if changes is not None:
        written.append(out_dir / CHANGES_FILE)
    outcome = plan_outcome(
        blocking_findings=len(lint.blocking(BLOCKING_SEVERITY)),
        blocking_severity=BLOCKING_SEVERITY,
        guardrails=guardrails,
        destructive=None if changes is None else len(changes.destructive),
        lint_skipped=lint.skipped is not None,
    )
    report = plan_report(
        deployment=deployment,
        region=stack_file.region,
        account_id=stack_file.account_id,
        lint=lint,
        blocking_severity=BLOCKING_SEVERITY,
        config_notes=config_notes,
        guardrails=guardrails,
        allowances=allowances,
        changes=changes_shown,
        creates=creates,
        written=written,
        outcome=outcome,
        grouped=grouped,
    )

    def print_summary() -> int:
        if args.format == "markdown":
            from .markdown import markdown

            sys.stdout.write(markdown(report))
        else:
            from .text import write_text

            write_text(report, sys.stdout)
        return outcome.code

    return print_summary
