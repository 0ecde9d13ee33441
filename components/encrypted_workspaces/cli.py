"""The ``encrypted-workspaces`` command: parses the arguments and dispatches to a command module.

``encrypted-workspaces plan [--stack NAME | --config FILE] [--out DIR] [--against PATH]``
renders a stack's whole deployment offline (docs/architecture.md, "Plan"); ``encrypted-workspaces
schema [--provider]`` prints the JSON Schema of stack files or the provider's package schema
(docs/architecture.md, "Schemas"). Exit codes (``exit_codes``): 0 all is well; 1 any other failure
(one line); 2 invalid config or ``--against`` file (one line per problem, nothing left in DIR but an
``--against`` baseline there, kept byte for byte); 3 a policy finding of MEDIUM or higher, or a
violation of a mandatory guardrail (the CrossGuard pack's rules); 4 with ``--against PATH``, a
destructive change. Precedence: 2, 1, 4, 3.

``encrypted-workspaces audit [--stack NAME | --config FILE] [--region R] [--format text|json]`` checks a
live account (docs/architecture.md, "Audit"): 0 clean, 3 findings, 1 an AWS error, 2 bad input.
``encrypted-workspaces preflight [--stack NAME | --config FILE] [--region R] [--format text|json]`` checks
whether a stack's first `pulumi up` can succeed (docs/preflight.md): 0 ready, 3 a blocker, 1 an AWS
error, 2 bad input.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from encrypted_workspaces.audit import command as audit_command
from encrypted_workspaces.exit_codes import EXIT_FAILURE, EXIT_OUTPUT_CLOSED
from encrypted_workspaces.plan import command as plan_command
from encrypted_workspaces.preflight import command as preflight_command
from encrypted_workspaces.schema import command as schema_command

# The distribution (pyproject.toml's project.name), whose metadata gives --version; also the program name.
DISTRIBUTION = "encrypted-workspaces"
COMMANDS = {
    "plan": plan_command,
    "schema": schema_command,
    "audit": audit_command,
    "preflight": preflight_command,
}
HELP = {
    "plan": "render a stack's whole deployment offline, for review",
    "schema": "print the JSON Schema of stack files (or of the provider)",
    "audit": "check a live account's WorkSpaces, keys and directories",
    "preflight": "check that the account is ready for a stack's next `pulumi up`",
}


DESCRIPTION = """\
Review and check Amazon WorkSpaces encrypted with a customer managed KMS key, as the
Pulumi component EncryptedWorkspaces deploys them. Run it in your Pulumi project's
directory (or give --project-dir)."""
# Exit codes in brief (docs/plan-details.md; exit_codes.py); each command's --help gives its details.
EXIT_CODES = """exit codes:
  0  all is well
  1  an unexpected failure or an AWS error (one line on stderr)
  2  invalid input: config, flags or files (one line per problem, naming its key path or file)
  3  findings: a policy or guardrail finding (plan), a non-compliant resource (audit), a blocker (preflight)
  4  plan --against: a destructive change (a WorkSpace, the key or the directory replaced or deleted)

`encrypted-workspaces COMMAND --help` describes a command's options."""


class _VersionAction(argparse.Action):
    """``--version``: the installed distribution's version, read only when asked (the metadata scan
    costs ~0.1 s, which every other run would pay)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            text = version(DISTRIBUTION)
        except PackageNotFoundError:  # imported from a source tree that was never installed
            text = "unknown (not installed: no package metadata)"
        print(f"{parser.prog} {text}")
        parser.exit()


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """The commands listed as the options are, one line each, without argparse's line for the
    COMMAND placeholder itself."""

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(command) for command in action._get_subactions())
        return super()._format_action(action)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=DISTRIBUTION,
        description=DESCRIPTION,
        epilog=EXIT_CODES,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction, help="print the package's version and exit")
    commands = parser.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.add_arguments(commands.add_parser(name, help=HELP[name]))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code = COMMANDS[args.command].run(args)
        sys.stdout.flush()  # here, where a closed pipe can still be handled, not at interpreter exit
        return code
    except BrokenPipeError:
        # The reader went away (`plan | head`): stop quietly, as a program killed by SIGPIPE does, and
        # point stdout at /dev/null so that the interpreter's last flush does not complain either.
        _silence_stdout()
        return EXIT_OUTPUT_CLOSED
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as error:  # noqa: BLE001 - the contract: any other failure is one clear line
        print(
            f"encrypted-workspaces {args.command}: {type(error).__name__}: {error}".splitlines()[0],
            file=sys.stderr,
        )
        return EXIT_FAILURE


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a file descriptor (captured in tests): nothing to flush
        pass


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
