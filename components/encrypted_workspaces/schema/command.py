"""``encrypted-workspaces schema``: print the JSON Schema of stack files, the provider's package schema,
the inputs table (docs/inputs.md) or the deployer's IAM policy; ``--write`` regenerates every committed
copy."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from encrypted_workspaces.exit_codes import EXIT_FAILURE, EXIT_OK

from .readme_table import BEGIN, END, OUTPUTS_BEGIN, OUTPUTS_END, inputs_table, outputs_table, replace_table
from .stack_file import SCHEMA_FILE_NAME, stack_file_schema

# The checkout: components/encrypted_workspaces/schema/command.py is three levels below it.
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def schema_json(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


# The IAM policy of the principal that runs `pulumi up`, `refresh` and `destroy` (docs/deploying.md).
DEPLOYER_POLICY_FILE_NAME = "deployer-policy.json"


def deployer_policy_json() -> str:
    from encrypted_workspaces.documents import deployer_policy

    return json.dumps(deployer_policy(), indent=2) + "\n"


# The reference pages that hold generated tables, each between its markers (docs/ is what a user reads;
# the README links to them): the inputs (from the config model), the outputs (outputs.OUTPUTS) and what
# the config refuses (the AWS limits, plan/refusals.py).
INPUTS_PAGE = Path("docs") / "inputs.md"
OUTPUTS_PAGE = Path("docs") / "outputs.md"
REFUSALS_PAGE = Path("docs") / "troubleshooting.md"


def _with_table(page: Path, table: str, begin: str, end: str) -> str:
    """The text of ``page`` with its generated table replaced by ``table``."""
    try:
        return replace_table(page.read_text(), table, begin, end)
    except ValueError as error:
        raise ValueError(f"{page}: {error}") from None


def generated_files(root: Path = PROJECT_ROOT) -> dict[Path, str]:
    """Every file generated from the model (and the deployer's policy, from the provider's calls), with
    the text it must have."""
    from encrypted_workspaces.plan.refusals import BEGIN as REFUSALS_BEGIN
    from encrypted_workspaces.plan.refusals import END as REFUSALS_END
    from encrypted_workspaces.plan.refusals import refusals_section
    from encrypted_workspaces.provider.codegen import args_module_source

    inputs_page, outputs_page, refusals_page = root / INPUTS_PAGE, root / OUTPUTS_PAGE, root / REFUSALS_PAGE
    return {
        root / "stacks" / SCHEMA_FILE_NAME: schema_json(stack_file_schema()),
        inputs_page: _with_table(inputs_page, inputs_table(), BEGIN, END),
        outputs_page: _with_table(outputs_page, outputs_table(), OUTPUTS_BEGIN, OUTPUTS_END),
        refusals_page: _with_table(refusals_page, refusals_section(), REFUSALS_BEGIN, REFUSALS_END),
        root / "components" / "encrypted_workspaces" / "provider" / "args.py": args_module_source(),
        root / "policies" / DEPLOYER_POLICY_FILE_NAME: deployer_policy_json(),
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--provider",
        action="store_true",
        help="the Pulumi package schema the component provider serves (encrypted-workspaces:index:...)",
    )
    what.add_argument(
        "--readme-table", action="store_true", help=f"the inputs table of {INPUTS_PAGE} (Markdown)"
    )
    what.add_argument(
        "--deployer-policy",
        action="store_true",
        help=f"the IAM policy that `pulumi up`, `refresh` and `destroy` of the stack need "
        f"(policies/{DEPLOYER_POLICY_FILE_NAME})",
    )
    what.add_argument(
        "--write",
        action="store_true",
        help=f"regenerate stacks/{SCHEMA_FILE_NAME}, the tables in docs/, provider/args.py and "
        f"policies/{DEPLOYER_POLICY_FILE_NAME}",
    )


def run(args: argparse.Namespace) -> int:
    if args.provider:
        from encrypted_workspaces.provider.host import package_schema

        sys.stdout.write(schema_json(package_schema()))
    elif args.readme_table:
        sys.stdout.write(inputs_table() + "\n")
    elif args.deployer_policy:
        sys.stdout.write(deployer_policy_json())
    elif args.write:
        if not (PROJECT_ROOT / "pyproject.toml").is_file():
            print(
                f"encrypted-workspaces schema: --write needs a checkout (no {PROJECT_ROOT}/pyproject.toml)",
                file=sys.stderr,
            )
            return EXIT_FAILURE
        for path, text in generated_files().items():
            if not path.is_file() or path.read_text() != text:
                path.write_text(text)
                print(f"wrote {path.relative_to(PROJECT_ROOT)}")
    else:
        sys.stdout.write(schema_json(stack_file_schema()))
    return EXIT_OK
