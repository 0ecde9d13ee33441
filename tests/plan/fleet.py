"""Stack files of any size for plan tests, written as benchmarks/plan_scale.py makes them (every tenth user
ALWAYS_ON on PERFORMANCE, the rest on the defaults), so tests and the benchmark plan the same fleets."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[2]


@cache
def _benchmark():
    spec = importlib.util.spec_from_file_location("plan_scale", PROJECT / "benchmarks" / "plan_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fleet_stack(directory: Path, users: int, stack: str = "fleet") -> Path:
    """``directory/Pulumi.<stack>.yaml`` with ``users`` users named user00000, user00001, ..."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"Pulumi.{stack}.yaml"
    path.write_text(yaml.safe_dump(_benchmark().stack_document(users), sort_keys=False))
    return path
