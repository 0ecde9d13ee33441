"""Which input properties the AWS provider replaces a resource on, instead of updating it in place.

pulumi-aws bridges the Terraform AWS provider, and a property whose Terraform schema has
``ForceNew: true`` is one Pulumi replaces the resource on (Pulumi's ``replaces`` in its diff). The
Python SDK's docstrings do not carry that flag, so the table comes from the provider's source
(github.com/hashicorp/terraform-provider-aws, read at the commits named), in Pulumi's camelCase
property names as plan.json and ``pulumi stack export`` record inputs.
"""

from __future__ import annotations

from . import types

# internal/service/workspaces/workspace.go (0a65599): bundle_id, directory_id, user_name,
# root_volume_encryption_enabled, user_volume_encryption_enabled, volume_encryption_key are ForceNew;
# workspace_properties (compute type, running mode, volume sizes) and tags are updated in place.
WORKSPACE_REPLACED_ON: tuple[str, ...] = (
    "bundleId",
    "directoryId",
    "rootVolumeEncryptionEnabled",
    "userName",
    "userVolumeEncryptionEnabled",
    "volumeEncryptionKey",
)

REPLACED_ON: dict[str, frozenset[str]] = {
    types.WORKSPACE: frozenset(WORKSPACE_REPLACED_ON),
    # internal/service/kms/key.go (0964ed3): customer_master_key_spec, key_usage, multi_region.
    # The policy, description, rotation and deletion window are updated in place.
    types.KMS_KEY: frozenset({"customerMasterKeySpec", "keyUsage", "multiRegion"}),
    # internal/service/kms/alias.go (4c72bcc): name, name_prefix; target_key_id is updated in place.
    types.KMS_ALIAS: frozenset({"name", "namePrefix"}),
    # internal/service/workspaces/directory.go (fc25eda): directory_id, subnet_ids.
    types.WORKSPACES_DIRECTORY: frozenset({"directoryId", "subnetIds"}),
    # internal/service/iam/role.go (3277329): name, name_prefix, path; the trust policy is updated.
    types.IAM_ROLE: frozenset({"name", "namePrefix", "path"}),
    # internal/service/iam/policy.go (fd91d1b): description, name, name_prefix, path; the document
    # gets a new policy version in place.
    types.IAM_POLICY: frozenset({"description", "name", "namePrefix", "path"}),
    # internal/service/iam/role_policy_attachment.go (81ae62f): role, policy_arn (the attachment
    # has no update at all); user_policy_attachment.go and group_policy_attachment.go are the same
    # with user and group.
    types.IAM_ROLE_POLICY_ATTACHMENT: frozenset({"policyArn", "role"}),
    types.IAM_USER_POLICY_ATTACHMENT: frozenset({"policyArn", "user"}),
    types.IAM_GROUP_POLICY_ATTACHMENT: frozenset({"group", "policyArn"}),
    # internal/service/workspaces/ip_group.go (cd3a8a7): name, description; rules are updated.
    types.WORKSPACES_IP_GROUP: frozenset({"description", "name"}),
}


def top_level(field: str) -> str:
    """The input property a field path belongs to: ``workspaceProperties.userVolumeSizeGib`` -> the first."""
    return field.split(".", 1)[0].split("[", 1)[0]


def replaces(type_token: str, field: str) -> bool:
    """Whether a change to ``field`` (a property or a path below one) replaces a resource of this type."""
    return top_level(field) in REPLACED_ON.get(type_token, frozenset())
