"""What hostile stack files cost plan's YAML reader: an alias bomb ("billion laughs") and deep nesting.

Each case runs `encrypted-workspaces plan --config <file>` in a fresh Python process and reports its
wall time, its exit code and its peak memory (the process's maximum resident set size), beside the same
for the valid dev stack, so the cost of refusing a hostile file reads against the cost of a plan.

    .venv/bin/python benchmarks/hostile_yaml.py
    .venv/bin/python benchmarks/hostile_yaml.py --repeat 3

Not a timed test: the machine is shared, so the figures are for docs/development.md, not for an assertion.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "components"))
SCRIPT = Path(sys.executable).with_name("encrypted-workspaces")
DEV = ROOT / "stacks" / "Pulumi.dev.yaml"


def billion_laughs(levels: int) -> str:
    """10**levels strings from ~levels lines: each anchor is ten aliases of the one before."""
    lines = [
        "config:",
        '  p:lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ]
    lines += [f"  p:lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def flow_nesting(depth: int) -> str:
    return "config:\n  p:deep: " + "[" * depth + "]" * depth + "\n"


def block_nesting(depth: int) -> str:
    return "config:\n  p:deep:\n" + "".join("  " * (level + 2) + f"k{level}:\n" for level in range(depth))


def self_reference() -> str:
    return "config:\n  p:loop: &a [1, *a]\n"


CASES = {
    "dev stack (valid, for scale)": DEV.read_text(),
    "billion laughs, 10^9 strings": billion_laughs(9),
    "billion laughs, 10^18 strings": billion_laughs(18),
    "flow nesting 100 deep": flow_nesting(100),
    "flow nesting 1,000,000 deep": flow_nesting(1_000_000),
    "block nesting 100 deep": block_nesting(100),
    "block nesting 5,000 deep": block_nesting(5_000),
    "a list that contains itself": self_reference(),
}


def measure(text: str, scratch: Path) -> tuple[float, int, int, str]:
    """(seconds, exit code, peak RSS in KiB, first stderr line) of one plan in a fresh process."""
    stack = scratch / "Pulumi.hostile.yaml"
    stack.write_text(text)
    started = time.perf_counter()
    child = subprocess.Popen(
        [str(SCRIPT), "plan", "--config", str(stack), "--out", str(scratch / "out")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    stderr = child.stderr.read()
    # wait4: this child's own peak memory, not the largest of all children so far.
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    return elapsed, os.waitstatus_to_exitcode(status), usage.ru_maxrss, (stderr.splitlines() or [""])[0]


def reader_cost(text: str, scratch: Path) -> tuple[float, int]:
    """(seconds, peak bytes allocated) of the YAML reader alone, in this process (tracemalloc)."""
    from encrypted_workspaces.errors import ConfigError
    from encrypted_workspaces.plan.stack_yaml import load_yaml

    stack = scratch / "Pulumi.reader.yaml"
    stack.write_text(text)
    tracemalloc.start()
    started = time.perf_counter()
    with contextlib.suppress(ConfigError):
        load_yaml(stack, "p")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the best time is shown")
    args = parser.parse_args()
    print(
        f"| case | file | exit | plan (process, best of {args.repeat}) | plan peak RSS | YAML reader | "
        "reader peak | what plan says |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    # Every plan process first: a child's peak RSS on Linux starts from its parent's at the fork, so
    # the parent stays small until the in-process reader runs.
    processes = {}
    for name, text in CASES.items():
        with tempfile.TemporaryDirectory() as scratch:
            processes[name] = min(measure(text, Path(scratch)) for _ in range(args.repeat))
    for name, text in CASES.items():
        with tempfile.TemporaryDirectory() as scratch:
            read_seconds, read_peak = min(reader_cost(text, Path(scratch)) for _ in range(args.repeat))
        seconds, code, peak, line = processes[name]
        said = line.split(": ", 1)[-1][:60] if line else "(a plan)"
        print(
            f"| {name} | {len(text.encode()):,} B | {code} | {seconds:.2f} s | {peak / 1024:.0f} MiB | "
            f"{read_seconds * 1000:.1f} ms | {read_peak / 2**20:.1f} MiB | {said} |"
        )


if __name__ == "__main__":
    main()
