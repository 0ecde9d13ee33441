"""How `encrypted-workspaces plan` scales with the number of users, against a floor.

The floor is the least any offline plan of this stack must do: the same key, alias, directory and N
`aws.workspaces.Workspace` resources registered straight through pulumi-aws under a trivial echo mock.
Both run in fresh Python processes of the same kind, in the same run of this script; the peak memory
of each is that process's own maximum resident set size.

    .venv/bin/python benchmarks/plan_scale.py                # 5,000 users, and 500 for per-user cost
    .venv/bin/python benchmarks/plan_scale.py --users 2000 --small 200 --repeat 3

Targets (issue 3): plan within 1.3x the floor in time and in peak memory at 5,000 users, and a
per-user cost that stays flat from 500 to 5,000 users.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ACCOUNT_ID = "123456789012"
REGION = "eu-west-1"
BUNDLE = "wsb-bh8rsxt14"


def user_properties(index: int) -> dict:
    """Every tenth user runs ALWAYS_ON on PERFORMANCE: overrides are part of the cost."""
    if index % 10 == 0:
        return {"computeTypeName": "PERFORMANCE", "runningMode": "ALWAYS_ON"}
    return {}


def stack_document(users: int) -> dict:
    return {
        "config": {
            "aws:region": REGION,
            "aws:allowedAccountIds": [ACCOUNT_ID],
            "encrypted-workspaces:tags": {"team": "end-user-computing"},
            "encrypted-workspaces:key": {
                "administrators": [f"arn:aws:iam::{ACCOUNT_ID}:role/KeyAdministrators"]
            },
            "encrypted-workspaces:administrators": {
                "principals": [f"arn:aws:iam::{ACCOUNT_ID}:role/WorkSpacesAdministrators"],
                "consoleAccess": True,
            },
            "encrypted-workspaces:directory": {
                "directoryId": "d-1234567890",
                "subnetIds": ["subnet-0123456789abcdef0", "subnet-0fedcba987654321a"],
            },
            "encrypted-workspaces:workspaces": {
                "defaults": {"bundleId": BUNDLE},
                "users": {f"user{index:05d}": user_properties(index) for index in range(users)},
                "protect": True,
            },
        }
    }


def floor(users: int, gc_as_plan: bool = False) -> None:
    """The floor program (runs in its own process).

    ``gc_as_plan``: the same program with the GC settings plan uses (no cyclic collection during the
    run, none at exit), to show plan's overhead like for like as well as against the defined floor.
    """
    import pulumi
    import pulumi_aws as aws
    from pulumi.runtime.stack import run_pulumi_func
    from pulumi.runtime.sync_await import _sync_await

    class Echo(pulumi.runtime.Mocks):
        def new_resource(self, args):
            return f"{args.name}-id", dict(args.inputs)

        def call(self, args):
            return {}

    def program():
        key = aws.kms.Key("key", customer_master_key_spec="SYMMETRIC_DEFAULT", enable_key_rotation=True)
        aws.kms.Alias("alias", name="alias/floor", target_key_id=key.key_id)
        directory = aws.workspaces.Directory(
            "directory",
            directory_id="d-1234567890",
            subnet_ids=["subnet-0123456789abcdef0", "subnet-0fedcba987654321a"],
        )
        for index in range(users):
            user = f"user{index:05d}"
            overrides = user_properties(index)
            always_on = overrides.get("runningMode") == "ALWAYS_ON"
            aws.workspaces.Workspace(
                f"workspace-{user}",
                directory_id=directory.id,
                user_name=user,
                bundle_id=BUNDLE,
                volume_encryption_key=key.arn,
                root_volume_encryption_enabled=True,
                user_volume_encryption_enabled=True,
                workspace_properties=aws.workspaces.WorkspaceWorkspacePropertiesArgs(
                    compute_type_name=overrides.get("computeTypeName", "STANDARD"),
                    running_mode=overrides.get("runningMode", "AUTO_STOP"),
                    running_mode_auto_stop_timeout_in_minutes=None if always_on else 60,
                    root_volume_size_gib=80,
                    user_volume_size_gib=50,
                ),
                tags={"team": "end-user-computing", "Owner": user},
                opts=pulumi.ResourceOptions(
                    protect=True, custom_timeouts=pulumi.CustomTimeouts(create="90m")
                ),
            )

    pulumi.runtime.set_mocks(Echo(), project="floor", stack="floor", preview=False)
    if not gc_as_plan:
        _sync_await(run_pulumi_func(program))
        return
    import gc

    from encrypted_workspaces.offline.runner import cyclic_gc_paused

    with cyclic_gc_paused():
        _sync_await(run_pulumi_func(program))
    gc.freeze()


def measure(command: list[str]) -> tuple[float, float]:
    """(seconds, peak MiB) of one child process, its own rusage only."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited {code}: {stderr.strip()}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def run_size(users: int, repeat: int, workdir: Path) -> dict[str, tuple[float, float]]:
    stack = workdir / f"Pulumi.scale{users}.yaml"
    stack.write_text(yaml.safe_dump(stack_document(users)))
    plan_command = [
        sys.executable,
        "-m",
        "encrypted_workspaces.cli",
        "plan",
        "--config",
        str(stack),
        "--out",
        str(workdir / f"plan{users}"),
    ]
    floor_command = [sys.executable, str(Path(__file__).resolve()), "--floor", str(users)]
    commands = {
        "floor": floor_command,
        "floor, GC as plan": [*floor_command, "--gc-as-plan"],
        "plan": plan_command,
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):  # interleaved, so drift on the machine hits all alike
        for name, command in commands.items():
            results[name].append(measure(command))
    # Best time and lowest peak of the repeats: the least noisy estimate of each.
    return {name: (min(t for t, _ in runs), min(m for _, m in runs)) for name, runs in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=5000)
    parser.add_argument("--small", type=int, default=500, help="the smaller size for per-user cost")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--floor", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--gc-as-plan", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor is not None:
        floor(args.floor, args.gc_as_plan)
        return

    with tempfile.TemporaryDirectory() as name:
        workdir = Path(name)
        sizes = {size: run_size(size, args.repeat, workdir) for size in (args.small, args.users)}
    header = (
        "users",
        "floor s",
        "plan s",
        "time x",
        "floor MiB",
        "plan MiB",
        "mem x",
        "plan ms/user",
        "x GC as plan",
    )
    print("  ".join(header))
    for size, result in sizes.items():
        (floor_s, floor_mib), (plan_s, plan_mib) = result["floor"], result["plan"]
        like_for_like = plan_s / result["floor, GC as plan"][0]
        cells = (size, f"{floor_s:.2f}", f"{plan_s:.2f}", f"{plan_s / floor_s:.2f}", f"{floor_mib:.0f}")
        cells += (
            f"{plan_mib:.0f}",
            f"{plan_mib / floor_mib:.2f}",
            f"{1000 * plan_s / size:.2f}",
            f"{like_for_like:.2f}",
        )
        print("  ".join(f"{cell:>{len(title)}}" for cell, title in zip(cells, header, strict=True)))
    per_user = {
        name: (sizes[args.users][name][0] / args.users) / (sizes[args.small][name][0] / args.small)
        for name in ("plan", "floor")
    }
    growth = f"plan x{per_user['plan']:.2f}, floor x{per_user['floor']:.2f}"
    print(f"per-user cost from {args.small} to {args.users} users: {growth}")
    print("time x, mem x: plan / floor; x GC as plan: plan's time / the floor's with plan's GC settings")


if __name__ == "__main__":
    main()
