"""The guardrail rules over what the offline engine recorded."""

from __future__ import annotations

from collections.abc import Iterable

from encrypted_workspaces.offline.recorder import Registration
from encrypted_workspaces.rules import ResourceView


def views_from_registrations(registrations: Iterable[Registration]) -> list[ResourceView]:
    """ResourceViews from the offline recorder's registrations: output state and recorded options."""
    return [
        ResourceView(type=r.type, urn=r.urn, name=r.name, props=r.state or r.inputs, options=r.options)
        for r in registrations
        if r.custom
    ]
