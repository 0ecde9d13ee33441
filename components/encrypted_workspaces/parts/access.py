"""IP access control groups: the networks users may connect from, attached to the directory."""

from __future__ import annotations

from collections.abc import Mapping

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.config.directory import IpGroupArgs

from .options import Children


def ip_groups(
    name: str,
    groups: Mapping[str, IpGroupArgs],
    *,
    tags: dict[str, pulumi.Input[str]],
    children: Children,
) -> list[aws.workspaces.IpGroup]:
    """One group per entry, named after its config key, so reordering entries renames none."""
    return [
        aws.workspaces.IpGroup(
            f"{name}-ip-group-{group_name}",
            name=group_name,
            description=group.description,
            rules=[
                aws.workspaces.IpGroupRuleArgs(source=rule.source, description=rule.description)
                for rule in group.rules
            ],
            tags=tags,
            opts=children.options(),
        )
        for group_name, group in sorted(groups.items())
    ]
