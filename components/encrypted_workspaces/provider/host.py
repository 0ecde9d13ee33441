"""The provider process: Pulumi's ComponentProvider over ``EncryptedWorkspaces``, and its schema."""

from __future__ import annotations

import json
from importlib.metadata import version
from typing import Any

from pulumi.provider.experimental import component_provider_host
from pulumi.provider.experimental.component import ComponentProvider

from .component import EncryptedWorkspaces

PACKAGE_NAME = "encrypted-workspaces"
COMPONENTS = [EncryptedWorkspaces]


def package_version() -> str:
    return version(PACKAGE_NAME)


def component_provider() -> ComponentProvider:
    """The provider exactly as ``component_provider_host`` builds it in ``main``."""
    return ComponentProvider(COMPONENTS, PACKAGE_NAME, None, package_version())


def package_schema() -> dict[str, Any]:
    """The Pulumi package schema the provider serves (what ``pulumi package add`` generates SDKs from)."""
    return json.loads(component_provider().schema)


def main() -> None:
    """Serve the provider to the Pulumi engine (the engine passes its address in ``sys.argv``)."""
    component_provider_host(COMPONENTS, PACKAGE_NAME, version=package_version())
