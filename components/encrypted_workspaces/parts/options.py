"""The options every child of the component gets: its parent, and, when an argument is an Output, the
wait for the checks that run once it resolves (config/deferred.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi


@dataclass(frozen=True)
class Children:
    """How the component registers its children."""

    parent: pulumi.Resource
    # Resolves (to no resources) once every argument that is an Output has resolved and the checks
    # across fields have passed; None when every argument is a plain value (then nothing waits).
    gate: pulumi.Output[list[Any]] | None = None

    def options(
        self, *, depends_on: Sequence[pulumi.Resource] = (), **options: Any
    ) -> pulumi.ResourceOptions:
        """ResourceOptions for a child: parented, after ``depends_on`` and the gate."""
        if self.gate is None:
            waits: Any = list(depends_on) or None
        else:
            # An Output: Pulumi waits for it before registering (and during a preview, where it may be
            # unknown, registers without waiting).
            waits = self.gate.apply(lambda _: list(depends_on))
        return pulumi.ResourceOptions(parent=self.parent, depends_on=waits, **options)

    @property
    def invoke(self) -> pulumi.InvokeOutputOptions:
        """Options of a look-up (a data source) the component makes."""
        return pulumi.InvokeOutputOptions(parent=self.parent)
