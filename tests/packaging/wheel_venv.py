"""The release as a user gets it: ``python -m build`` makes the sdist and the wheel from the working
tree, and the wheel is installed with its dependencies into a fresh venv of its own (no system site
packages, nothing of this checkout on its path).

Session-scoped fixtures, registered for every test in tests/conftest.py: ``release`` (the two files)
and ``wheel_venv`` (the venv with the wheel and its ``lint`` extra, which ``plan`` needs). Building and
installing take about half a minute: pip installs from its cache, without compiling every dependency
to bytecode (the interpreter compiles what a run imports).
"""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
DISTRIBUTION = "encrypted-workspaces"
COMMAND = "encrypted-workspaces"


@dataclass(frozen=True)
class Release:
    sdist: Path
    wheel: Path


@dataclass(frozen=True)
class WheelVenv:
    root: Path
    python: Path
    release: Release

    @property
    def bin(self) -> Path:
        return self.python.parent

    def environment(self, home: Path) -> dict[str, str]:
        """A user's shell with the venv activated: nothing of this checkout, no PYTHONPATH."""
        return {"PATH": f"{self.bin}:/usr/bin:/bin", "HOME": str(home), "VIRTUAL_ENV": str(self.root)}

    def run(self, *args: str, cwd: Path, home: Path, timeout: float = 600) -> subprocess.CompletedProcess:
        """``args[0]`` (a program in the venv's bin/, such as ``encrypted-workspaces``) run from ``cwd``."""
        return subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            cwd=cwd,
            env=self.environment(home),
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )


def _checked(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=900, **kwargs)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"
    return result


def source_tree(destination: Path) -> Path:
    """The working tree's files that git would commit (tracked, or new and not ignored), copied:
    the build sees what a clone would hold, and the checkout gets no build output."""
    listed = _checked(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=PROJECT
    ).stdout.split("\0")
    for name in filter(None, listed):
        if (PROJECT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, destination / name)
    return destination


def build_release(source: Path, out: Path) -> Release:
    """``python -m build``: the sdist, then the wheel built from it, as PyPA's build does."""
    _checked([sys.executable, "-m", "build", "--outdir", str(out), str(source)])
    (sdist,) = out.glob("encrypted_workspaces-*.tar.gz")
    (wheel,) = out.glob("encrypted_workspaces-*.whl")
    return Release(sdist=sdist, wheel=wheel)


def install_in_fresh_venv(release: Release, root: Path) -> WheelVenv:
    """A venv with no pip and no system site packages; this environment's pip installs the wheel into
    it (``--python``), its dependencies from pip's usual index and cache."""
    _checked([sys.executable, "-m", "venv", "--without-pip", str(root)])
    python = root / "bin" / "python"
    _checked(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-compile",
            f"{release.wheel}[lint]",
            # What a consumer tests their own program with (examples/python-consumer), at this
            # environment's version, so that pip takes it from its cache.
            f"pytest=={importlib.metadata.version('pytest')}",
        ]
    )
    return WheelVenv(root=root, python=python, release=release)


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    source = source_tree(tmp_path_factory.mktemp("source"))
    return build_release(source, tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def wheel_venv(release: Release, tmp_path_factory: pytest.TempPathFactory) -> WheelVenv:
    return install_in_fresh_venv(release, tmp_path_factory.mktemp("wheel-venv") / "venv")
