"""`plan` where the `lint` extra is not installed (a component install): it plans, says in one line that
the policy lint was skipped and how to install it, and exits as usual. The extra's modules are made
unimportable in the plan's own process (a sitecustomize on PYTHONPATH), not uninstalled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from encrypted_workspaces.documents.lint import LINT_INSTALL, LINT_MODULES

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("encrypted-workspaces")
FINDINGS = "Policy findings (parliament, policy_sentry)\n"


def plan_without_lint(tmp_path: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    shim = tmp_path / "without-lint"
    shim.mkdir(exist_ok=True)
    # `import parliament` then fails as it does where it is not installed (ModuleNotFoundError).
    (shim / "sitecustomize.py").write_text(
        "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in LINT_MODULES)
    )
    path = os.pathsep.join(filter(None, [str(shim), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [str(SCRIPT), "plan", *args, "--out", str(out)],
        env={**os.environ, "PYTHONPATH": path},
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def findings_section(stdout: str) -> list[str]:
    return stdout.split(FINDINGS, 1)[1].split("\n\n", 1)[0].splitlines()


def test_plan_without_the_lint_extra_plans_says_so_in_one_line_and_exits_0(tmp_path):
    result = plan_without_lint(tmp_path, tmp_path / "dev", "--stack", "dev")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    [line] = findings_section(result.stdout)
    assert line.startswith("  skipped: parliament cannot be imported (")
    assert line.endswith(f"to lint them: {LINT_INSTALL}")
    assert result.stdout.rstrip().splitlines()[-1].startswith("Exit 0: policy lint skipped, ")
    # Everything else is planned as with the extra: the same files, byte for byte.
    with_lint = tmp_path / "with-lint"
    subprocess.run(
        [str(SCRIPT), "plan", "--stack", "dev", "--out", str(with_lint)],
        cwd=PROJECT,
        capture_output=True,
        check=True,
        timeout=300,
    )
    written = sorted(p.relative_to(with_lint) for p in with_lint.rglob("*") if p.is_file())
    assert written == sorted(
        p.relative_to(tmp_path / "dev") for p in (tmp_path / "dev").rglob("*") if p.is_file()
    )
    for name in written:
        assert (tmp_path / "dev" / name).read_bytes() == (with_lint / name).read_bytes(), name


def test_without_the_lint_extra_the_guardrails_still_decide_the_exit_code(tmp_path):
    stack = (PROJECT / "stacks" / "Pulumi.dev.yaml").read_text()
    rotation_off = tmp_path / "Pulumi.norotation.yaml"
    rotation_off.write_text(
        stack.replace("enableKeyRotation: true", "enableKeyRotation: false").replace(
            "    rotationPeriodInDays: 365\n", ""
        )
    )
    result = plan_without_lint(tmp_path, tmp_path / "out", "--config", str(rotation_off))
    assert result.returncode == 3, result.stderr
    assert len(findings_section(result.stdout)) == 1
    assert "Exit 3: 1 mandatory guardrail violation (workspaces-kms-key-compliant on all 2 WorkSpaces)" in (
        result.stdout
    )
