"""Stack programs that tests run under the offline engine, as source text (a project's __main__.py)."""

# WorkSpaces straight through pulumi-aws: no component, no config validation. One unencrypted, one
# keyed by an alias, and no create timeout on either.
BYPASSING_PROGRAM = """
import pulumi_aws as aws

registration = aws.workspaces.Directory(
    "dir", directory_id="d-1234567890", subnet_ids=["subnet-01234567", "subnet-89abcdef"]
)
aws.workspaces.Workspace(
    "unencrypted", directory_id=registration.id, bundle_id="wsb-bh8rsxt14", user_name="mallory"
)
aws.workspaces.Workspace(
    "alias-keyed",
    directory_id=registration.id,
    bundle_id="wsb-bh8rsxt14",
    user_name="trent",
    root_volume_encryption_enabled=True,
    user_volume_encryption_enabled=True,
    volume_encryption_key="alias/workspaces",
)
"""
