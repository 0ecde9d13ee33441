"""The provider process: Pulumi's ComponentProvider over ``EncryptedWorkspaces``, and its schema."""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from typing import Any

from pulumi import Inputs
from pulumi.provider import main as serve
from pulumi.provider.experimental.component import ComponentDefinition, ComponentProvider

from .args import EncryptedWorkspaces

PACKAGE_NAME = "encrypted-workspaces"
COMPONENTS = [EncryptedWorkspaces]


def package_version() -> str:
    return version(PACKAGE_NAME)


class EncryptedWorkspacesProvider(ComponentProvider):
    """Pulumi's component provider, handing the component its inputs as they arrive.

    The SDK's own mapping renames each input to its Python name and converts numbers with ``int()``
    and enums with their class: an output of another resource (an Output, unknown during a preview)
    breaks both, and a whole section given as an Output becomes an empty one. The component reads the
    schema's (camelCase) names itself and handles Outputs (``provider/component.py``).
    """

    def map_inputs(self, inputs: Inputs, component_def: ComponentDefinition) -> Inputs:
        return dict(inputs)


def component_provider() -> ComponentProvider:
    """The provider ``main`` serves."""
    return EncryptedWorkspacesProvider(COMPONENTS, PACKAGE_NAME, None, package_version())


def package_schema() -> dict[str, Any]:
    """The Pulumi package schema the provider serves (what ``pulumi package add`` generates SDKs from)."""
    return json.loads(component_provider().schema)


def main() -> None:
    """Serve the provider to the Pulumi engine (the engine passes its address in ``sys.argv``), as
    ``pulumi.provider.experimental.component_provider_host`` does, with this package's provider."""
    serve(component_provider(), sys.argv[1:])
