"""Running a Pulumi plugin (the provider, the policy pack) as the Pulumi CLI does, without the CLI."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import grpc


@contextlib.contextmanager
def plugin_channel(entry: Path) -> Iterator[grpc.Channel]:
    """Run ``entry`` with Python as the CLI runs a plugin, and connect to the port it announces.

    The engine address it is given is never dialled by the calls the tests make (GetSchema,
    GetAnalyzerInfo); the process is stopped when the block ends.
    """
    process = subprocess.Popen(
        [sys.executable, str(entry), "127.0.0.1:1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(process.stdout.readline())
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            yield channel
    finally:
        process.terminate()
        process.wait(timeout=30)
