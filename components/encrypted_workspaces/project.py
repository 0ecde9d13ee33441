"""The Pulumi project a command works on, found as the Pulumi CLI finds it: the nearest project file at
or above the current directory (or exactly in ``--project-dir``), its stack files in its
``stackConfigDir``, its program where ``main`` says.

The rules, from the Pulumi CLI's source (github.com/pulumi/pulumi, sdk/go/common):

- ``workspace.DetectProjectPathFrom`` walks up from the working directory (``fsutil.WalkUpDirs``, to
  the filesystem root) and stops at the first directory holding ``Pulumi.json``, ``Pulumi.yaml`` or
  ``Pulumi.yml``, tried in that order (``encoding.Exts``; "``.yml`` is not a sanctioned YAML
  extension, [but] it is used quite broadly; so we will support it"). Only a file counts, not a
  directory of that name. A directory it may not read ends the search: no project.
- ``workspace.ProjectStackPath``: a stack's file is ``Pulumi.<stack><ext>``, ``<ext>`` the project
  file's own extension, in ``<project dir>/<stackConfigDir>`` (``filepath.Join``), else beside the
  project file.
- ``pkg/engine`` ``getPwdMain``: ``main`` is relative and inside the project directory; a directory
  is run from that directory, a file from its own; without ``main``, the project directory. The Python
  host runs it as ``runpy.run_path`` does: a directory's ``__main__.py``, or the file.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.plan.stack_yaml import load_yaml

# The project file names the Pulumi CLI tries in each directory, in its order (encoding.Exts).
PROJECT_FILE_NAMES = ("Pulumi.json", "Pulumi.yaml", "Pulumi.yml")
# Stack files are read for stack "dev" when no --stack is given, because `make plan` and the README's
# quick start use that stack.
DEFAULT_STACK = "dev"


@dataclass(frozen=True)
class PulumiProject:
    file: Path  # the project file, absolute
    name: str
    stack_config_dir: Path  # where its stack files are, absolute
    program_dir: Path  # where Pulumi runs the program: its working directory
    program: Path  # the Python file Pulumi runs: main's file, else <program_dir>/__main__.py

    @property
    def directory(self) -> Path:
        return self.file.parent

    def stack_file(self, stack: str) -> Path:
        """Where Pulumi keeps the stack's config: ``<stackConfigDir>/Pulumi.<stack><ext>``."""
        return self.stack_config_dir / f"Pulumi.{stack}{self.file.suffix}"

    def stack_files(self) -> list[str]:
        """The names of the stack files there are, sorted."""
        return sorted(path.name for path in self.stack_config_dir.glob(f"Pulumi.*{self.file.suffix}"))


def add_project_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project-dir",
        type=Path,
        help="the Pulumi project (the directory of its Pulumi.yaml) to use (default: the nearest "
        "Pulumi.yaml at or above the current directory, as the Pulumi CLI finds it)",
    )


def _project_file_in(directory: Path) -> Path | None:
    for name in PROJECT_FILE_NAMES:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    return None


def find_project_file(start: Path) -> Path:
    """The nearest project file at or above ``start``; ConfigError naming ``start`` when there is none."""
    start = Path(os.path.abspath(start))
    for directory in (start, *start.parents):
        try:
            found = _project_file_in(directory)
        except PermissionError:  # as the Pulumi CLI: an unreadable directory ends the search
            break
        if found is not None:
            return found
    raise ConfigError(
        [
            f"{start}: no Pulumi project here or in any directory above it (looked for "
            f"{', '.join(PROJECT_FILE_NAMES)}); run from your project's directory, or give --project-dir"
        ]
    )


def _project_file_at(project_dir: Path) -> Path:
    """The project file of ``--project-dir``, exactly there (the flag names the project)."""
    if not project_dir.is_dir():
        raise ConfigError([f"--project-dir: not a directory (got {str(project_dir)!r})"])
    found = _project_file_in(Path(os.path.abspath(project_dir)))
    if found is None:
        raise ConfigError(
            [f"--project-dir: {project_dir} holds no Pulumi project file ({', '.join(PROJECT_FILE_NAMES)})"]
        )
    return found


def _under(directory: Path, relative: str) -> Path:
    """``filepath.Join(directory, relative)``: lexical, and a leading ``/`` joins too."""
    return Path(os.path.normpath(f"{directory}/{relative}"))


def read_project(project_file: Path) -> PulumiProject:
    """The project described by ``project_file``; ConfigError naming the file and its bad key."""
    document = load_yaml(project_file)
    if not isinstance(document, dict) or not isinstance(document.get("name"), str) or not document["name"]:
        raise ConfigError([f"{project_file}: a Pulumi project file is a mapping with a 'name:'"])
    directory = project_file.parent
    config_dir = document.get("stackConfigDir")
    if config_dir is not None and not isinstance(config_dir, str):
        raise ConfigError([f"{project_file}: stackConfigDir must be a path (got {config_dir!r})"])
    program_dir, program = _program(project_file, document.get("main"))
    return PulumiProject(
        file=project_file,
        name=document["name"],
        stack_config_dir=_under(directory, config_dir) if config_dir else directory,
        program_dir=program_dir,
        program=program,
    )


def _program(project_file: Path, main: object) -> tuple[Path, Path]:
    """(working directory, Python file) of the program, as getPwdMain and the Python host find them."""
    directory = project_file.parent
    if main is None or main == "":
        return directory, directory / "__main__.py"
    if not isinstance(main, str):
        raise ConfigError([f"{project_file}: main must be a path (got {main!r})"])
    if os.path.isabs(main):
        raise ConfigError([f"{project_file}: main must be a path relative to the project (got {main!r})"])
    target = _under(directory, main)
    if not target.is_relative_to(directory):
        raise ConfigError([f"{project_file}: main must be inside the project directory (got {main!r})"])
    if target.is_dir():
        return target, target / "__main__.py"
    if target.is_file():
        return target.parent, target
    raise ConfigError([f"{project_file}: main: no such file or directory (got {main!r})"])


def find_project(project_dir: Path | None) -> PulumiProject:
    """``--project-dir``'s project, else the nearest one at or above the current directory. Raises
    ConfigError (exit 2), one line naming the directory or file."""
    if project_dir is not None:
        return read_project(_project_file_at(project_dir))
    return read_project(find_project_file(Path.cwd()))


def stack_file_path(project: PulumiProject, stack: str | None, config: Path | None) -> Path:
    """``--config`` as given, else the stack's file in the project (stack ``DEFAULT_STACK``).

    Raises ConfigError when there is no such file, naming the stack files there are.
    """
    if config is not None:
        path = config
        known = sorted(p.name for p in path.parent.glob("Pulumi.*.yaml"))
    else:
        path = project.stack_file(stack or DEFAULT_STACK)
        known = project.stack_files()
    if not path.is_file():
        raise ConfigError([f"{path}: no stack file there (found: {', '.join(known) or 'none'})"])
    return path
