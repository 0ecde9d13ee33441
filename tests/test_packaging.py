"""The package installs under one distinctive name: a consumer with its own components/ and policies/
packages still imports ours."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_consumer_with_its_own_components_and_policies_packages_imports_ours(tmp_path: Path):
    for package in ("components", "policies"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text(f"OWNER = 'consumer {package}'\n")
    program = (
        "import components, policies\n"
        "from encrypted_workspaces import EncryptedWorkspaces\n"
        "from encrypted_workspaces.documents import workspaces_key_policy\n"
        "assert components.OWNER == 'consumer components' and policies.OWNER == 'consumer policies'\n"
        "print(EncryptedWorkspaces.__module__, workspaces_key_policy.__module__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "encrypted_workspaces.component",
        "encrypted_workspaces.documents.key_policy",
    ]
