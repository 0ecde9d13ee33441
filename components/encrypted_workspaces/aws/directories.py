"""Which Directory Service directories WorkSpaces Personal can register, and what Directory Service
reports about them.

- Types: "WorkSpaces uses a directory ...: AD Connector, AWS Managed Microsoft AD, Simple AD" and
  "Shared directories are not currently supported for use with Amazon WorkSpaces" ("Manage directories
  for WorkSpaces Personal", https://docs.aws.amazon.com/workspaces/latest/adminguide/manage-workspaces-directory.html,
  and "Create a directory for WorkSpaces Personal", .../launch-workspaces-tutorials.html). Names as
  botocore ds ``DirectoryType`` writes them.
- Stage: "You cannot register a directory if it does not have a status of Active"
  (botocore workspaces RegisterWorkspaceDirectoryRequest, DirectoryId); botocore ds
  ``DirectoryStage``.
- Replicas: "only the directory in the primary Region can be registered for use with Amazon
  WorkSpaces" (the same tutorial page); DescribeDirectories' RegionsInfo.PrimaryRegion.
- Directory Service Data answers for AWS Managed Microsoft AD only, once it is enabled on the
  directory; otherwise its AccessDeniedException has the Reason DATA_DISABLED (botocore ds-data
  ``AccessDeniedReason``). https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_manage_users_groups.html
"""

from __future__ import annotations

DIRECTORY_TYPES_WORKSPACES_USES: tuple[str, ...] = ("SimpleAD", "ADConnector", "MicrosoftAD")
SHARED_DIRECTORY_TYPE = "SharedMicrosoftAD"
DIRECTORY_STAGE_ACTIVE = "Active"
# The directory type Directory Service Data can look users up in.
DIRECTORY_DATA_TYPES: tuple[str, ...] = ("MicrosoftAD",)
DIRECTORY_DATA_DISABLED = "DATA_DISABLED"
