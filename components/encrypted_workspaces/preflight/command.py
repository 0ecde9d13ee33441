"""``encrypted-workspaces preflight``: read what the stack needs from the account with boto3, judge
whether its first `pulumi up` (or its next wave) can succeed, print the verdict (docs/preflight.md).

Exit codes: 0 ready (warnings and unchecked allowed), 3 at least one blocker, 1 an AWS error that stops
the run (one line naming the call and, when denied, the IAM action), 2 bad input (the stack file, the
region, credentials for another account than the stack's).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.exit_codes import EXIT_CONFIG, EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK
from encrypted_workspaces.live.account import require_the_stacks_account
from encrypted_workspaces.live.session import boto3_missing, open_session
from encrypted_workspaces.project import add_project_dir_argument


def add_arguments(preflight: argparse.ArgumentParser) -> None:
    source = preflight.add_mutually_exclusive_group()
    source.add_argument(
        "--stack", help="the stack to check for (<stackConfigDir>/Pulumi.<NAME>.yaml; default: dev)"
    )
    source.add_argument("--config", type=Path, help="the stack file to check for, anywhere")
    add_project_dir_argument(preflight)
    preflight.add_argument(
        "--region",
        help="the region to check (default: the stack's aws:region; if given, it must be that region)",
    )
    preflight.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (default: text)"
    )
    preflight.add_argument(
        "--print-policy",
        action="store_true",
        help="print the IAM policy preflight needs (policies/preflight-policy.json) and exit",
    )


def run(args: argparse.Namespace) -> int:
    if args.print_policy:
        from encrypted_workspaces.documents import preflight_policy

        print(json.dumps(preflight_policy(), indent=2))
        return EXIT_OK
    if problem := boto3_missing("preflight"):
        print(problem, file=sys.stderr)
        return EXIT_FAILURE
    from encrypted_workspaces.live.calls import AwsCallError

    from .checks import preflight_verdict
    from .reader import PreflightReader
    from .readings import read_account
    from .report import write_json, write_text
    from .stack import read_preflight_stack

    try:
        stack = read_preflight_stack(args.project_dir, args.stack, args.config)
        session = open_session(args.region, stack.region)
        reader = PreflightReader(session)
        account_id = reader.account_id()
        require_the_stacks_account(account_id, stack.stack, stack.account_id, "preflight")
        readings = read_account(reader, stack, account_id)
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return EXIT_CONFIG
    except AwsCallError as error:
        print(f"encrypted-workspaces preflight: {error.line()}", file=sys.stderr)
        return EXIT_FAILURE
    verdict = preflight_verdict(stack, readings)
    if args.format == "json":
        write_json(sys.stdout, verdict)
    else:
        write_text(sys.stdout, stack, verdict)
    return EXIT_FINDINGS if verdict.blockers else EXIT_OK
