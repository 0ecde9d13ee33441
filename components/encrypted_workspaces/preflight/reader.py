"""Preflight's AWS calls: only those in ``documents.actions.PREFLIGHT_API_CALLS`` (and STS
GetCallerIdentity, which needs no permission), made through the shared ``live.calls.ApiReader``
(standard retries, every list paginated, every failure one ``AwsCallError``). An answer that means
"no such thing" (a role, a subnet, a directory, a key, a topic, a user) is None, not an error."""

from __future__ import annotations

from encrypted_workspaces.aws.limits import DESCRIBE_BUNDLES_MAX_IDS, DESCRIBE_WORKSPACES_PAGE_SIZE
from encrypted_workspaces.aws.quotas import WORKSPACES_PER_REGION_QUOTA_CODE, WORKSPACES_SERVICE_CODE
from encrypted_workspaces.documents import actions
from encrypted_workspaces.live.calls import ApiReader

# The error codes with which each service says "no such thing".
NO_SUCH_DIRECTORY = frozenset({"EntityDoesNotExistException"})
NO_SUCH_IAM_ENTITY = frozenset({"NoSuchEntity"})
NO_SUCH_KEY = frozenset({"NotFoundException"})
NO_SUCH_TOPIC = frozenset({"NotFound", "NotFoundException"})
NO_SUCH_USER = frozenset({"ResourceNotFoundException"})
# GetServiceQuota's answer for a quota with no applied value: the default applies
# (https://docs.aws.amazon.com/servicequotas/2019-06-24/apireference/API_GetServiceQuota.html).
NO_APPLIED_QUOTA = frozenset({"NoSuchResourceException"})
# The only key policy a KMS key has (GetKeyPolicy, PolicyName).
DEFAULT_KEY_POLICY_NAME = "default"

GET_PRINCIPAL = {"role": actions.GET_ROLE, "user": actions.GET_USER, "group": actions.GET_GROUP}
LIST_ATTACHED = {
    "role": actions.LIST_ATTACHED_ROLE_POLICIES,
    "user": actions.LIST_ATTACHED_USER_POLICIES,
    "group": actions.LIST_ATTACHED_GROUP_POLICIES,
}
# The request parameter that names the principal, and the answer's key for it, by kind.
PRINCIPAL_NAME_PARAMETER = {"role": "RoleName", "user": "UserName", "group": "GroupName"}
PRINCIPAL_ANSWER = {"role": "Role", "user": "User", "group": "Group"}


class PreflightReader(ApiReader):
    """Reads one account and region for preflight."""

    command = "preflight"
    # boto3's client names where they are not the IAM prefix.
    services = {"servicequotas": "service-quotas"}

    def account_id(self) -> str:
        return self.one(actions.GET_CALLER_IDENTITY)["Account"]

    def workspaces(self) -> list[dict]:
        """Every WorkSpace in the region, 25 a page (DescribeWorkspaces' largest page)."""
        return self.all_pages(
            actions.DESCRIBE_WORKSPACES, "Workspaces", PageSize=DESCRIBE_WORKSPACES_PAGE_SIZE
        )

    def registered_directories(self) -> list[dict]:
        return self.all_pages(actions.DESCRIBE_WORKSPACE_DIRECTORIES, "Directories")

    def directory(self, directory_id: str) -> dict | None:
        answer = self.one_or_none(
            actions.DESCRIBE_DIRECTORIES, NO_SUCH_DIRECTORY, DirectoryIds=[directory_id]
        )
        found = (answer or {}).get("DirectoryDescriptions") or []
        return found[0] if found else None

    def subnets(self, subnet_ids: list[str]) -> list[dict]:
        """The subnets that exist among ``subnet_ids`` (a filter, so a missing one is no error)."""
        return self.all_pages(
            actions.DESCRIBE_SUBNETS, "Subnets", {"Filters": [{"Name": "subnet-id", "Values": subnet_ids}]}
        )

    def workspaces_quota(self) -> float:
        """The applied value of the WorkSpaces-per-Region quota, else its default."""
        quota = {"ServiceCode": WORKSPACES_SERVICE_CODE, "QuotaCode": WORKSPACES_PER_REGION_QUOTA_CODE}
        applied = self.one_or_none(actions.GET_SERVICE_QUOTA, NO_APPLIED_QUOTA, **quota)
        if applied is None:
            applied = self.one(actions.GET_AWS_DEFAULT_SERVICE_QUOTA, **quota)
        return float(applied["Quota"]["Value"])

    def principal(self, kind: str, name: str) -> dict | None:
        """GetRole's Role, GetUser's User or GetGroup's Group; None when there is none by that name."""
        parameters = {PRINCIPAL_NAME_PARAMETER[kind]: name} | ({"MaxItems": 1} if kind == "group" else {})
        answer = self.one_or_none(GET_PRINCIPAL[kind], NO_SUCH_IAM_ENTITY, **parameters)
        return answer[PRINCIPAL_ANSWER[kind]] if answer else None

    def attached_policies(self, kind: str, name: str) -> list[dict]:
        return self.all_pages(LIST_ATTACHED[kind], "AttachedPolicies", {PRINCIPAL_NAME_PARAMETER[kind]: name})

    def account_summary(self) -> dict:
        return self.one(actions.GET_ACCOUNT_SUMMARY)["SummaryMap"]

    def key(self, key_id: str) -> dict | None:
        answer = self.one_or_none(actions.DESCRIBE_KEY, NO_SUCH_KEY, KeyId=key_id)
        return answer["KeyMetadata"] if answer else None

    def key_policy(self, key_arn: str) -> str:
        return self.one(actions.GET_KEY_POLICY, KeyId=key_arn, PolicyName=DEFAULT_KEY_POLICY_NAME)["Policy"]

    def aliases(self) -> list[dict]:
        return self.all_pages(actions.LIST_ALIASES, "Aliases")

    def bundles_by_id(self, bundle_ids: list[str]) -> list[dict]:
        found: list[dict] = []
        for start in range(0, len(bundle_ids), DESCRIBE_BUNDLES_MAX_IDS):
            chunk = bundle_ids[start : start + DESCRIBE_BUNDLES_MAX_IDS]
            found += self.all_pages(actions.DESCRIBE_WORKSPACE_BUNDLES, "Bundles", {"BundleIds": chunk})
        return found

    def bundles_of(self, owner: str | None) -> list[dict]:
        """Every bundle of an owner: AMAZON's public ones, or (None) the account's own."""
        return self.all_pages(
            actions.DESCRIBE_WORKSPACE_BUNDLES, "Bundles", {"Owner": owner} if owner else {}
        )

    def directory_user(self, directory_id: str, user_name: str) -> dict | None:
        return self.one_or_none(
            actions.DESCRIBE_USER, NO_SUCH_USER, DirectoryId=directory_id, SAMAccountName=user_name
        )

    def topic_attributes(self, topic_arn: str) -> dict | None:
        answer = self.one_or_none(actions.GET_TOPIC_ATTRIBUTES, NO_SUCH_TOPIC, TopicArn=topic_arn)
        return answer["Attributes"] if answer else None
