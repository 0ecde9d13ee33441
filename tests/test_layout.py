"""The layout cannot drift back (docs/architecture.md, "Layout"): every first-party import is a file at its
dotted path under the one source root, and the layers import one way only."""

from __future__ import annotations

import ast
import gc
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SOURCE_ROOT = PROJECT / "components"
PACKAGE = "encrypted_workspaces"

# What each part of the package may import of ours: AWS facts at the bottom, then the pure documents
# and rules, the config model, the component, and the commands on top. A part not listed here is a
# command (plan, offline, cli, ...): it may import anything, and nothing below it may import it.
MAY_IMPORT: dict[str, set[str]] = {
    "aws": set(),
    "errors": set(),
    "exit_codes": set(),
    "settings": set(),
    "documents": {"aws"},
    "rules": {"aws", "errors", "settings", "documents"},
    "naming": {"aws"},
    "config": {"aws", "errors", "settings", "naming", "documents"},
    "outputs": set(),
    # The component's parts (parts/: the key, bundles, IP groups, account settings, alarms), one
    # layer with the component that assembles them.
    "parts": {"aws", "errors", "documents", "config", "naming"},
    "component": {"aws", "errors", "documents", "config", "naming", "outputs", "parts"},
    "__init__": {"component", "config", "errors"},
    # The rollout model: pure arithmetic over the AWS and provider facts, for plan and the docs.
    "rollout": {"aws"},
}



def _python_files() -> list[Path]:
    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [PROJECT / name for name in tracked if (PROJECT / name).is_file()]


def _parsed(path: Path) -> ast.Module:
    """The file's syntax tree, parsed with the cyclic garbage collector paused: on Python 3.11, a finalizer
    that runs during a parse and logs a traceback (an asyncio Future that a refused Pulumi run left with its
    exception unread) parses source again for the traceback's carets, and the outer parse then fails with
    "SystemError: AST constructor recursion depth mismatch" (reproduced on 3.11.7)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return ast.parse(path.read_text(), str(path))
    finally:
        if paused:
            gc.enable()


def _module_name(path: Path) -> str | None:
    """The dotted name of a file under the source root, or None for files outside it."""
    try:
        relative = path.relative_to(SOURCE_ROOT)
    except ValueError:
        return None
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _file_of(module: str) -> Path | None:
    base = SOURCE_ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _first_party_imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names imported from it) for each import of ours, relative imports resolved."""
    tree = _parsed(path)
    module = _module_name(path)
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                assert module is not None, f"{path}: a relative import outside the source root"
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                target = ".".join([*anchor, *([target] if target else [])])
            found.append((node.lineno, target, [alias.name for alias in node.names]))
    return [
        (line, target, names)
        for line, target, names in found
        if target == PACKAGE
        or target.startswith(f"{PACKAGE}.")
        or target.split(".")[0] in ("components", "policies")
    ]


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_there_is_one_source_root_and_one_import_name():
    top_level = sorted(p.name for p in SOURCE_ROOT.iterdir() if not p.name.endswith(".egg-info"))
    assert top_level == [PACKAGE]
    assert not (PROJECT / PACKAGE).exists(), "the package lives under components/ only"
    assert not list((PROJECT / "policies").glob("*.py")), "policies/ holds the CrossGuard pack only"
    pyproject = (PROJECT / "pyproject.toml").read_text()
    assert "package-dir" not in pyproject
    assert 'where = ["components"]' in pyproject


def test_every_first_party_import_is_a_file_at_its_dotted_path():
    unresolved = []
    for path in _python_files():
        for line, module, names in _first_party_imports(path):
            where = f"{path.relative_to(PROJECT)}:{line}"
            if not module.startswith(PACKAGE):
                unresolved.append(f"{where}: imports {module}, which is not under {PACKAGE}")
                continue
            target = _file_of(module)
            if target is None:
                unresolved.append(f"{where}: {module} is no file under components/")
                continue
            defined = _names_defined_in(target)
            for name in names:
                if name != "*" and _file_of(f"{module}.{name}") is None and name not in defined:
                    unresolved.append(f"{where}: {name} is neither a module of {module} nor defined in it")
    assert unresolved == []


def _top_level(body: list[ast.stmt]) -> list[ast.stmt]:
    """A module's statements, those under a top-level ``if`` (``if TYPE_CHECKING: ... else: ...``) too."""
    found: list[ast.stmt] = []
    for node in body:
        found += _top_level(node.body + node.orelse) if isinstance(node, ast.If) else [node]
    return found


def _names_defined_in(path: Path) -> set[str]:
    names = set()
    for node in _top_level(_parsed(path).body):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for target in targets for t in ast.walk(target) if isinstance(t, ast.Name)}
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return names


def test_layers_import_one_way():
    wrong = []
    for path in _python_files():
        module = _module_name(path)
        if module is None or not module.startswith(PACKAGE):
            continue
        part = _part(module)
        if part not in MAY_IMPORT:
            continue  # a command: may import anything
        for line, target, _ in _first_party_imports(path):
            imported = _part(target)
            if imported != part and imported not in MAY_IMPORT[part]:
                wrong.append(f"{path.relative_to(PROJECT)}:{line}: {part} must not import {imported}")
    assert wrong == []


# Pulumi's component provider takes a component's resource token from its class name, so the class
# it serves is named as the Python component it extends.
SHARED_NAMES = {
    "EncryptedWorkspaces": ["encrypted_workspaces/component.py", "encrypted_workspaces/provider/args.py"]
}


def test_no_two_classes_share_a_name():
    seen: dict[str, list[str]] = {}
    for path in SOURCE_ROOT.rglob("*.py"):
        for node in ast.walk(_parsed(path)):
            if isinstance(node, ast.ClassDef):
                seen.setdefault(node.name, []).append(str(path.relative_to(SOURCE_ROOT)))
    assert {name: sorted(files) for name, files in seen.items() if len(files) > 1} == SHARED_NAMES


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from encrypted_workspaces.aws import nowhere\n", "nowhere is neither a module"),
        ("from encrypted_workspaces.nowhere import x\n", "encrypted_workspaces.nowhere is no file"),
        ("import components.config\n", "which is not under encrypted_workspaces"),
    ],
)
def test_the_import_check_catches_what_does_not_resolve(tmp_path, monkeypatch, source, expected):
    stray = tmp_path / "stray.py"
    stray.write_text(source)
    monkeypatch.setattr(f"{__name__}._python_files", lambda: [stray])
    monkeypatch.setattr(f"{__name__}.PROJECT", tmp_path)
    with pytest.raises(AssertionError) as failed:
        test_every_first_party_import_is_a_file_at_its_dotted_path()
    assert expected in str(failed.value)


def test_the_layer_check_catches_an_import_upwards(tmp_path, monkeypatch):
    fake_root = tmp_path / "components"
    (fake_root / PACKAGE / "aws").mkdir(parents=True)
    upward = fake_root / PACKAGE / "aws" / "upward.py"
    upward.write_text("from encrypted_workspaces.config import validate_args\n")
    monkeypatch.setattr(f"{__name__}._python_files", lambda: [upward])
    monkeypatch.setattr(f"{__name__}.PROJECT", tmp_path)
    monkeypatch.setattr(f"{__name__}.SOURCE_ROOT", fake_root)
    with pytest.raises(AssertionError) as failed:
        test_layers_import_one_way()
    assert "aws must not import config" in str(failed.value)
