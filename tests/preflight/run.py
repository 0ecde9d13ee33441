"""Running preflight in the tests: through the command line as a user does, or through its parts with
some clients stubbed (botocore's Stubber, for the calls moto does not emulate)."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import boto3
from botocore.stub import Stubber

from encrypted_workspaces.cli import main
from encrypted_workspaces.preflight.checks import Verdict, preflight_verdict
from encrypted_workspaces.preflight.reader import PreflightReader
from encrypted_workspaces.preflight.readings import read_account
from encrypted_workspaces.preflight.report import report_document
from encrypted_workspaces.preflight.stack import read_preflight_stack
from tests.preflight.seed import REGION

# The checkout: its Pulumi project, whose stack files the tests write beside or read.
CHECKOUT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> tuple[int, str, str]:
    """``encrypted-workspaces ARGS``: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def run_preflight(*args: str) -> tuple[int, str, str]:
    return run_cli("preflight", *args)


def json_report(stack_file: Path) -> tuple[int, dict]:
    code, out, err = run_preflight("--config", str(stack_file), "--format", "json")
    assert err == "", err
    return code, json.loads(out)


def verdict_with(
    stack_file: Path,
    prepare: Callable[[PreflightReader], None] | None = None,
    session: boto3.Session | None = None,
) -> Verdict:
    """Preflight's verdict, ``prepare`` having stubbed the reader's clients it needs to (``stubbed``):
    every stubbed answer must have been asked for, and the stubs are removed afterwards."""
    stack = read_preflight_stack(CHECKOUT, None, stack_file)
    reader = PreflightReader(session or boto3.Session(region_name=REGION))
    stubbers: list[Stubber] = []
    reader.stubbers = stubbers  # type: ignore[attr-defined]  # where ``stubbed`` puts them
    if prepare is not None:
        prepare(reader)
    try:
        verdict = preflight_verdict(stack, read_account(reader, stack, reader.account_id()))
        for stubber in stubbers:
            stubber.assert_no_pending_responses()
    finally:
        for stubber in stubbers:
            stubber.deactivate()
    return verdict


def document(verdict: Verdict) -> dict:
    return report_document(verdict)


def found(report: dict) -> dict[str, set[str]]:
    """check id -> the resources it found."""
    by_check: dict[str, set[str]] = {}
    for finding in report["findings"]:
        by_check.setdefault(finding["check"], set()).add(finding["resource"])
    return by_check


def unchecked(report: dict) -> dict[str, str]:
    return {entry["check"]: entry["reason"] for entry in report["unchecked"]}
