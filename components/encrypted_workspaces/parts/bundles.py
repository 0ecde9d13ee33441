"""Bundles named by id or by name: a name is looked up once per (name, owner), as AWS lists it."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.aws.limits import AMAZON_BUNDLE_OWNER
from encrypted_workspaces.config.inputs import is_known
from encrypted_workspaces.config.workspaces import WorkspacePropertiesArgs


class BundleIds:
    """The bundle id of each WorkSpace's resolved settings, looking each bundle name up only once."""

    def __init__(self, invoke: pulumi.InvokeOutputOptions) -> None:
        self._invoke = invoke
        self._looked_up: dict[tuple[object, str], pulumi.Output[str]] = {}

    def bundle_id(self, properties: WorkspacePropertiesArgs) -> pulumi.Input[str]:
        if properties.bundle_id is not None:
            return properties.bundle_id
        name = properties.bundle_name
        # A name that is an Output is looked up once per Output given.
        wanted = (name if is_known(name) else id(name), properties.bundle_owner)
        if wanted not in self._looked_up:
            # AWS's own bundles are asked for with Owner AMAZON, the account's with no owner at all.
            owner = AMAZON_BUNDLE_OWNER if properties.bundle_owner == AMAZON_BUNDLE_OWNER else None
            found = aws.workspaces.get_bundle_output(
                name=properties.bundle_name, owner=owner, opts=self._invoke
            )
            self._looked_up[wanted] = found.bundle_id
        return self._looked_up[wanted]
