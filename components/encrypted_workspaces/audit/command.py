"""``encrypted-workspaces audit``: read the account's WorkSpaces, keys and directories with boto3,
judge them, print the findings (docs/architecture.md, "Audit").

Exit codes: 0 no findings, 3 findings, 1 an AWS error (one line naming the call and, when denied, the
IAM action), 2 bad input (the stack file, the region).
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


def add_arguments(audit: argparse.ArgumentParser) -> None:
    source = audit.add_mutually_exclusive_group()
    source.add_argument(
        "--stack",
        help="also compare the account with this stack (<stackConfigDir>/Pulumi.<NAME>.yaml): its users, "
        "directory and key",
    )
    source.add_argument("--config", type=Path, help="also compare the account with a stack file anywhere")
    add_project_dir_argument(audit)
    audit.add_argument(
        "--region",
        help="the region to audit (default: the stack's aws:region, else AWS_REGION, AWS_DEFAULT_REGION "
        "or the profile's region, as the AWS CLI reads them)",
    )
    audit.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (default: text)"
    )
    audit.add_argument(
        "--print-policy",
        action="store_true",
        help="print the IAM policy the audit needs (policies/audit-policy.json) and exit",
    )


def run(args: argparse.Namespace) -> int:
    if args.print_policy:
        from encrypted_workspaces.documents import audit_policy

        print(json.dumps(audit_policy(), indent=2))
        return EXIT_OK
    if problem := boto3_missing("audit"):
        print(problem, file=sys.stderr)
        return EXIT_FAILURE
    from .checks import audit_findings
    from .reader import AccountReader, AwsCallError
    from .report import write_json, write_text
    from .snapshot import read_snapshot
    from .stack import read_stack_expectation

    try:
        stack = (
            read_stack_expectation(args.project_dir, args.stack, args.config)
            if args.stack or args.config
            else None
        )
        session = open_session(args.region, stack.region if stack else None)
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return EXIT_CONFIG
    reader = AccountReader(session)
    try:
        if stack:
            require_the_stacks_account(reader.account_id(), stack.stack, stack.account_id, "the audit")
        snapshot = read_snapshot(reader, stack)
    except AwsCallError as error:
        print(f"encrypted-workspaces audit: {error.line()}", file=sys.stderr)
        return EXIT_FAILURE
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return EXIT_CONFIG
    findings = audit_findings(snapshot, stack)
    if args.format == "json":
        write_json(sys.stdout, findings, snapshot.checked())
    else:
        write_text(sys.stdout, findings, snapshot.checked(), session.region_name)
    return EXIT_FINDINGS if findings else EXIT_OK
