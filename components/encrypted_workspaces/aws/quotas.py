"""Quotas a first `pulumi up` runs into, with the codes to read them by and where they come from.

WorkSpaces per Region: "WorkSpaces: 1" by default, adjustable ("Amazon WorkSpaces quotas",
https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-limits.html). Its Service Quotas
code is L-34278094 under the service code ``workspaces``: the quota code AWS's own EUC Toolkit reads
for "Total Regional WorkSpaces" (github.com/aws-samples/euc-toolkit, Assets/EUCToolkit-Helper.psm1:
``Get-SQServiceQuota -ServiceCode workspaces -QuotaCode "L-34278094"``), as
``aws service-quotas list-service-quotas --service-code workspaces`` lists it (QuotaName "WorkSpaces").

Managed policies attached to one IAM role, user or group: IAM reports the account's quotas itself in
GetAccountSummary (botocore iam ``summaryKeyType``: AttachedPoliciesPerRoleQuota, ...), so no code is
needed; "IAM and AWS STS quotas" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)
gives the default, 10.
"""

from __future__ import annotations

# The service code of WorkSpaces in Service Quotas (ListServices; ServiceCode).
WORKSPACES_SERVICE_CODE = "workspaces"
# "WorkSpaces": the number of WorkSpaces (of every bundle) in one Region of one account.
WORKSPACES_PER_REGION_QUOTA_CODE = "L-34278094"
WORKSPACES_PER_REGION_QUOTA_NAME = "WorkSpaces"
WORKSPACES_PER_REGION_DEFAULT = 1

# GetAccountSummary keys for the managed policies one principal may have attached, by principal kind.
ATTACHED_POLICIES_QUOTA_KEYS: dict[str, str] = {
    "role": "AttachedPoliciesPerRoleQuota",
    "user": "AttachedPoliciesPerUserQuota",
    "group": "AttachedPoliciesPerGroupQuota",
}
ATTACHED_POLICIES_DEFAULT = 10
