"""Records every registration with its resource options.

Under Pulumi's mocks the options (protect, timeouts, dependsOn, ...) never reach
``Mocks.new_resource``; they are only on the monitor's RegisterResource request, so this is the one
place that wraps it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from pulumi.runtime.mocks import MockMonitor, Mocks


@dataclass(frozen=True)
class Registration:
    urn: str
    type: str
    name: str
    parent: str
    custom: bool
    inputs: dict[str, Any]
    options: dict[str, Any] = field(default_factory=dict)
    # What the engine answered: the resource's id and output properties (inputs plus computed ARNs, ids).
    # Policy rules read these, as CrossGuard's stack policies read a resource's outputs.
    state: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "urn": self.urn,
            "type": self.type,
            "name": self.name,
            "parent": self.parent,
            "custom": self.custom,
            "inputs": self.inputs,
            "options": self.options,
        }


@dataclass(frozen=True)
class Invoke:
    """A data-source call the program made, and what the engine answered."""

    token: str
    args: dict[str, Any]
    answer: dict[str, Any]


class _InputsTap(Mocks):
    """Passes calls through to the real mocks and keeps the inputs the monitor just deserialized and
    the state the mocks answered, so the recorder does not deserialize anything a second time."""

    def __init__(self, inner: Mocks):
        self.inner = inner
        self.local = threading.local()
        self.invokes: list[Invoke] = []  # appended on executor threads; list.append is atomic

    def new_resource(self, args):
        resource_id, state = self.inner.new_resource(args)
        self.local.inputs, self.local.state = args.inputs, state
        return resource_id, state

    def call(self, args):
        answer = self.inner.call(args)
        self.invokes.append(Invoke(token=args.token, args=dict(args.args), answer=dict(answer)))
        return answer


class RecordingMonitor(MockMonitor):
    """A mock monitor that keeps each registration, in order, with its options."""

    def __init__(self, mocks: Mocks):
        self._tap = _InputsTap(mocks)
        super().__init__(self._tap)
        # Registrations arrive on executor threads; list.append is atomic under the GIL.
        self.registrations: list[Registration] = []

    @property
    def invokes(self) -> list[Invoke]:
        """Every invoke, in call order (which may differ between runs: sort before showing)."""
        return self._tap.invokes

    def RegisterResource(self, request):  # noqa: N802 (the gRPC method name)
        response = super().RegisterResource(request)
        inputs = self._tap.local.__dict__.pop("inputs", {})
        state = self._tap.local.__dict__.pop("state", {})
        implicit = {urn for deps in request.propertyDependencies.values() for urn in deps.urns}
        timeouts = request.customTimeouts
        options = {
            "protect": bool(request.protect),
            "customTimeouts": {
                stage: value
                for stage, value in (
                    ("create", timeouts.create),
                    ("update", timeouts.update),
                    ("delete", timeouts.delete),
                )
                if value
            },
            # Explicit dependsOn: the dependencies that no input property accounts for.
            "dependsOn": sorted(set(request.dependencies) - implicit),
            "ignoreChanges": list(request.ignoreChanges),
            "retainOnDelete": bool(request.retainOnDelete),
            "deleteBeforeReplace": bool(request.deleteBeforeReplace),
            # The id of an existing resource this registration adopts (``import`` option), or None.
            "import": request.importId or None,
        }
        registration = Registration(
            urn=response.urn,
            type=request.type,
            name=request.name,
            parent=request.parent,
            custom=bool(request.custom),
            inputs=inputs,
            options=options,
            state=state,
            id=response.id,
        )
        self.registrations.append(registration)
        return response
