"""Run a Pulumi program under the offline engine and return everything it would register."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pulumi
from pulumi.runtime import settings
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

from .mocks import AwsMocks
from .recorder import Invoke, RecordingMonitor, Registration

# This checkout's own stack program (components/encrypted_workspaces/offline/runner.py is three levels
# below it): what ``simulate`` runs when given no program, as this repository's tests do. The commands
# run the program of the project they find (encrypted_workspaces.project), never this one.
CHECKOUT_STACK_PROGRAM = Path(__file__).resolve().parents[3] / "__main__.py"


@dataclass(frozen=True)
class Deployment:
    project: str
    stack: str
    resources: list[Registration]  # sorted by URN: registration order varies between runs
    outputs: dict[str, Any]
    # The data-source calls, sorted by token and arguments; each distinct call once.
    invokes: list[Invoke] = field(default_factory=list)

    def of_type(self, type_token: str) -> list[Registration]:
        return [r for r in self.resources if r.type == type_token]

    def by_name(self, name: str) -> Registration:
        return next(r for r in self.resources if r.name == name)


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a program registers its resources.

    Everything a run creates stays alive until the run ends, so each full collection rescans an
    ever larger heap for nothing: at 5,000 WorkSpaces that was ~8 s of a 20 s plan, for ~3% less
    peak memory. Reference counting still frees what it can; the previous setting is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _discard_unfinished_outputs() -> None:
    """After a failed run, forget the outputs it left pending, so that the next run does not wait for
    them and fail with this run's error: pulumi's mock settings keep one set of outputs across runs."""
    with settings.SETTINGS.lock:
        pending = list(settings.SETTINGS.outputs)
        settings.SETTINGS.outputs.clear()
    for task in pending:
        if task.done():
            if not task.cancelled():
                task.exception()  # retrieved: asyncio does not log it as never retrieved
        else:
            task.cancel()
    # The futures of the outputs that carried the failure onwards (an apply's result, say) are the SDK's
    # own, in no list: retrieved too, or asyncio logs each "never retrieved" whenever the garbage
    # collector reaches it, which may be in the middle of anything that comes later.
    for candidate in gc.get_objects():
        if isinstance(candidate, asyncio.Future) and candidate.done() and not candidate.cancelled():
            candidate.exception()


def stack_program(
    path: Path = CHECKOUT_STACK_PROGRAM, working_directory: Path | None = None
) -> Callable[[], None]:
    """A project's ``__main__.py`` run as Pulumi runs it: as ``__main__``, its directory on ``sys.path``,
    in ``working_directory`` (Pulumi's: the project's, or its ``main``'s), so that the paths it opens
    resolve as under ``pulumi up``; the current directory is restored after.

    Compiled and executed directly rather than through runpy: Pulumi records a stack trace with every
    registration, and its cost grows with the depth of the stack (runpy adds three frames).
    """
    code = compile(path.read_text(), str(path), "exec")

    def run() -> None:
        sys.path.insert(0, str(path.parent))
        try:
            with contextlib.chdir(working_directory or Path.cwd()):
                exec(code, {"__name__": "__main__", "__file__": str(path), "__builtins__": __builtins__})
        finally:
            sys.path.remove(str(path.parent))

    return run


def run_stack_program() -> None:
    """The project's own program: one code path with ``pulumi up``."""
    stack_program()()


def simulate(
    program: Callable[[], Any] = run_stack_program,
    *,
    project: str = "encrypted-workspaces",
    stack: str,
    config: Mapping[str, Any],
    account_id: str,
    region: str,
    mocks: pulumi.runtime.Mocks | None = None,
    preview: bool = False,
) -> Deployment:
    """Run ``program`` as ``pulumi up`` would (``preview``: as ``pulumi preview`` would, where what the
    engine leaves out of its answers is unknown), against the offline engine, and record it.

    ``config`` is the flat Pulumi config (``namespace:key`` → value); objects may be given as
    Python values or as the JSON strings the Pulumi CLI passes.
    """
    flat = {key: value if isinstance(value, str) else json.dumps(value) for key, value in config.items()}
    pulumi.runtime.set_all_config(flat, [])
    mocks = mocks or AwsMocks(account_id=account_id, region=region)
    monitor = RecordingMonitor(mocks)
    settings.ROOT.set(None)  # a fresh program: no outputs or resources left from an earlier run
    pulumi.runtime.set_mocks(mocks, project=project, stack=stack, preview=preview, monitor=monitor)
    root = settings.get_root_resource()
    with cyclic_gc_paused():
        try:
            _sync_await(run_pulumi_func(program))
        except BaseException:
            _discard_unfinished_outputs()
            raise
    outputs = _sync_await(pulumi.Output.from_input(dict(root.outputs)).future()) if root.outputs else {}
    resources = sorted(monitor.registrations, key=lambda registration: registration.urn)
    invokes = {json.dumps([i.token, i.args], sort_keys=True, default=str): i for i in monitor.invokes}
    return Deployment(
        project=project,
        stack=stack,
        resources=resources,
        outputs=outputs or {},
        invokes=[invokes[key] for key in sorted(invokes)],
    )
