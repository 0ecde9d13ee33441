"""The command's own surface: ``--version`` from the package metadata, a top-level ``--help`` written for
its users (each command in one line, the exit codes), and plan's line when the linters are missing."""

from __future__ import annotations

import importlib.metadata
import sys

import pytest

from encrypted_workspaces.cli import COMMANDS, HELP, main


def test_version_is_the_installed_packages(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    version = importlib.metadata.version("encrypted-workspaces")
    assert capsys.readouterr().out == f"encrypted-workspaces {version}\n"


def test_version_without_package_metadata_says_so(capsys, monkeypatch):
    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == "encrypted-workspaces unknown (not installed: no package metadata)\n"


def test_help_lists_each_command_on_one_line_and_the_exit_codes(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # an ordinary terminal
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    commands = text.split("\ncommands:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split()[0] for line in commands] == list(COMMANDS)
    assert [line.split(None, 1)[1] for line in commands] == [HELP[name] for name in COMMANDS]
    codes = text.split("\nexit codes:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split()[0] for line in codes] == ["0", "1", "2", "3", "4"]
    assert "dispatches" not in text  # the module's docstring is for its readers, not the command's users


@pytest.mark.parametrize("command", ["audit", "preflight"])
def test_a_live_command_without_boto3_says_what_to_install(command, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "boto3", None)  # `import boto3` raises ImportError
    assert main([command, "--region", "eu-west-1"]) == 1
    assert capsys.readouterr().err == (
        f"encrypted-workspaces {command}: boto3 is not installed: pip install 'encrypted-workspaces[audit]'\n"
    )
