"""The ``encrypted-workspaces`` command.

``encrypted-workspaces plan [--stack NAME | --config FILE] [--out DIR]`` renders a stack's whole
deployment offline (DESIGN.md, "Plan contract"). Exit codes: 0 all is well; 1 any other failure (one
line); 2 invalid config (one line per problem, nothing left in DIR); 3 a policy finding of MEDIUM or
higher, or a violation of a mandatory guardrail (the CrossGuard pack's rules).
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_CONFIG, EXIT_FINDINGS = 0, 1, 2, 3
BLOCKING_SEVERITY = "MEDIUM"
PLAN_FILE, POLICIES_DIR = "plan.json", "policies"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="encrypted-workspaces", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    plan = commands.add_parser("plan", help="render a stack's whole deployment offline, for review")
    source = plan.add_mutually_exclusive_group()
    source.add_argument(
        "--stack", help="stack name: reads <stackConfigDir>/Pulumi.<NAME>.yaml (default: dev)"
    )
    source.add_argument("--config", type=Path, help="a stack file anywhere")
    plan.add_argument("--out", type=Path, help="output directory (default: build/plan/<stack>)")
    plan.add_argument(
        "--policy-config",
        type=Path,
        help="guardrail settings: the JSON file given to `pulumi preview --policy-pack-config`",
    )
    plan.add_argument(
        "--project-dir",
        type=Path,
        help="the Pulumi project whose __main__.py and Pulumi.yaml to use (default: this project)",
    )
    return parser


def _remove_plan_outputs(directory: Path, *, keep_directory: bool = False) -> None:
    """A failed plan leaves nothing in DIR: no stale plan that a reviewer could take for this one."""
    (directory / PLAN_FILE).unlink(missing_ok=True)
    shutil.rmtree(directory / POLICIES_DIR, ignore_errors=True)
    if not keep_directory and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()


def _install(staging: Path, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    _remove_plan_outputs(directory, keep_directory=True)
    (staging / PLAN_FILE).replace(directory / PLAN_FILE)
    (staging / POLICIES_DIR).replace(directory / POLICIES_DIR)


def _guardrails_config(path: Path | None):
    """The guardrails' settings from a pack-config file; problems raise ConfigError, keyed by the file."""
    import json

    from encrypted_workspaces.components.config import ConfigError
    from encrypted_workspaces.policies.guardrails import PackConfig, PackConfigError

    if path is None:
        return PackConfig.parse()
    try:
        raw = json.loads(path.read_text())
        if not isinstance(raw, dict):
            raise ConfigError([f"{path}: a policy pack config is a JSON object of rule names"])
        return PackConfig.parse(raw)
    except OSError as error:
        raise ConfigError([f"{path}: cannot read ({error.strerror})"]) from None
    except ValueError as error:
        if isinstance(error, PackConfigError):
            raise ConfigError([f"{path}: {problem}" for problem in error.problems]) from None
        raise ConfigError([f"{path}: not valid JSON ({error})"]) from None


def _load_inputs(policy_config: Path | None, stack_path: Path, project: str, stack: str):
    """The guardrails' config and the stack file, with every problem of both in one ConfigError."""
    from encrypted_workspaces.components.config import ConfigError
    from encrypted_workspaces.plan.stackfile import read_stack_file

    problems: list[str] = []
    guardrails_config = stack_file = None
    try:
        guardrails_config = _guardrails_config(policy_config)
    except ConfigError as error:
        problems += error.problems
    try:
        stack_file = read_stack_file(stack_path, project, stack, stopping=bool(problems))
    except ConfigError as error:
        problems += error.problems
    if problems:
        raise ConfigError(problems)
    return guardrails_config, stack_file


def plan(args: argparse.Namespace) -> int:
    from encrypted_workspaces.components.config import ConfigError
    from encrypted_workspaces.offline.runner import PROJECT_ROOT, simulate, stack_program
    from encrypted_workspaces.plan.stackfile import read_project, stack_name_of

    project_dir = args.project_dir or PROJECT_ROOT
    project, stack_config_dir = read_project(project_dir / "Pulumi.yaml")
    stack_path = args.config or project_dir / stack_config_dir / f"Pulumi.{args.stack or 'dev'}.yaml"
    if not stack_path.is_file():
        known = sorted(p.name for p in stack_path.parent.glob("Pulumi.*.yaml"))
        print(
            f"encrypted-workspaces plan: no stack file {stack_path} (found: {', '.join(known) or 'none'})",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    stack = args.stack or stack_name_of(stack_path)
    out_dir = args.out or Path("build/plan") / stack

    try:
        guardrails_config, stack_file = _load_inputs(args.policy_config, stack_path, project, stack)
        deployment = simulate(
            stack_program(project_dir / "__main__.py"),
            project=project,
            stack=stack,
            config=stack_file.config,
            account_id=stack_file.account_id,
            region=stack_file.region,
        )
    except ConfigError as error:
        _remove_plan_outputs(out_dir)
        print(str(error), file=sys.stderr)
        return EXIT_CONFIG
    # The deployment lives until the process ends: freeze it, so that the collections the linters'
    # databases trigger scan only new objects, not the whole deployment again and again.
    gc.freeze()

    from encrypted_workspaces.plan.documents import lint_documents, policy_documents
    from encrypted_workspaces.plan.render import (
        guardrail_lines,
        write_plan_json,
        write_policy_files,
        write_summary,
    )
    from encrypted_workspaces.policies.guardrails import MANDATORY, evaluate, views_from_registrations

    documents = policy_documents(deployment.resources)
    findings = lint_documents(documents)
    violations = evaluate(views_from_registrations(deployment.resources), guardrails_config)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir.parent, prefix=f".{out_dir.name}.") as staging_name:
        staging = Path(staging_name)
        write_plan_json(deployment, staging / PLAN_FILE)
        policy_files = write_policy_files(documents, staging / POLICIES_DIR)
        _install(staging, out_dir)
    written = [out_dir / PLAN_FILE, *(out_dir / POLICIES_DIR / name for name in policy_files)]
    write_summary(
        sys.stdout,
        deployment=deployment,
        region=stack_file.region,
        account_id=stack_file.account_id,
        findings=findings,
        blocking_severity=BLOCKING_SEVERITY,
        written=written,
        extra_sections=[("Guardrails (policies/workspaces-guardrails)", guardrail_lines(violations))],
    )
    blocking = [f for f in findings if not f.accepted and f.at_least(BLOCKING_SEVERITY)]
    blocking_violations = [v for v in violations if v.enforcement == MANDATORY]
    return EXIT_FINDINGS if blocking or blocking_violations else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return plan(args)
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as error:  # noqa: BLE001 - the contract: any other failure is one clear line
        print(
            f"encrypted-workspaces {args.command}: {type(error).__name__}: {error}".splitlines()[0],
            file=sys.stderr,
        )
        return EXIT_FAILURE


def console_main() -> None:
    """The console script: ``main``, then exit without a final collection over the whole deployment.

    The interpreter's shutdown collection rescans every object the run created (2.5 s at 5,000
    WorkSpaces); frozen objects are skipped. Output is flushed and atexit handlers run as usual.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    console_main()
