"""What creating a WorkSpace costs in time and in API calls: AWS's guides and the provider's code.

The rollout model (``encrypted_workspaces.rollout``) builds on these facts; docs/rollout.md explains them.

Sources:

- AWS WorkSpaces Administration Guide. The pages are quoted from the guide's last public source,
  https://github.com/awsdocs/amazon-workspaces-administration-guide (doc_source/, archived June 2023);
  the encryption sentence is the same on the current page and in ``/work/shared/seeds`` 000/001.
- terraform-provider-aws ``internal/service/workspaces/workspace.go`` (``resourceWorkspaceCreate``,
  ``waitWorkspaceAvailable``, ``resourceWorkspaceRead``), which pulumi-aws 7.x (upstream v6,
  https://github.com/pulumi/pulumi-aws/pull/5665) bridges unchanged for ``aws.workspaces.Workspace``:
  https://github.com/hashicorp/terraform-provider-aws
- terraform-plugin-sdk v2 ``helper/retry/state.go`` (``StateChangeConf.WaitForStateContext``), the
  poll loop that ``waitWorkspaceAvailable`` runs: https://github.com/hashicorp/terraform-plugin-sdk
"""

from __future__ import annotations

from .limits import ENCRYPTED_ROOT_PROVISIONING_MINUTES

# --- How long one WorkSpace takes to become AVAILABLE -------------------------------------------------

# The fastest AWS says a WorkSpace launches in: "When the launch is complete (this can take up to 20
# minutes), the status is AVAILABLE" (launch-workspace-simple-ad.md); "It takes approximately 20
# minutes for your WorkSpace to be launched" (getting-started.md). Encryption only adds to it: "up to 20
# minutes for the WorkSpaces to become available, and up to 40 minutes if encryption is enabled"
# (launch-workspace-trusted-domain.md). So 20 minutes is the optimistic end for an encrypted WorkSpace.
LAUNCH_MINUTES = 20
# The slow end: "WorkSpaces launched with root volume encryption enabled might take up to an hour to
# provision" (encrypt-workspaces.md), which every WorkSpace of this component has.
PROVISIONING_MINUTES: tuple[int, int] = (LAUNCH_MINUTES, ENCRYPTED_ROOT_PROVISIONING_MINUTES)

# --- What the provider calls for each WorkSpace it creates ---------------------------------------------

# resourceWorkspaceCreate sends one CreateWorkspaces request per WorkSpace (``Workspaces:
# []types.WorkspaceRequest{req}``): the API's batch of up to 25 (botocore workspaces
# WorkspaceRequestList) is never used.
CREATE_CALLS_PER_WORKSPACE = 1
# waitWorkspaceAvailable is a StateChangeConf with no Delay, PollInterval or MinTimeout: its Refresh
# (one DescribeWorkspaces for the WorkSpace's id) runs at once, then after a wait that starts at 100 ms
# and doubles before each use (200 ms, 400 ms, ...), capped at 10 s.
POLL_INITIAL_WAIT_MS = 100
POLL_BACKOFF_FACTOR = 2
POLL_MAX_INTERVAL_MS = 10_000
# After AVAILABLE, resourceWorkspaceRead reads the WorkSpace once more (DescribeWorkspaces) and the
# provider's transparent tagging reads its tags (DescribeTags).
READ_CALLS_PER_WORKSPACE = 2

# --- How fast the WorkSpaces API may be called --------------------------------------------------------

# "The default allowed rate for WorkSpaces API calls is a constant rate of two API calls per second,
# with a maximum allowed 'burst' rate of five API calls per second" (amazon-workspaces-troubleshooting.md,
# "I receive ThrottlingException errors to some of my API calls"; workspaces-limits.md: "The allowed rate
# is two calls per second"). The current quotas page lists no rate, so this is an assumption: one
# budget per account and Region shared by every WorkSpaces call, the reading that fits the reports of
# throttling: DescribeWorkspaces throttled with 51 WorkSpaces even at -parallelism=2
# (https://github.com/hashicorp/terraform-provider-aws/issues/23785), and AWS Support advising 750-1000 ms
# between WorkSpaces calls (https://github.com/aws-samples/automate-reporting-on-amazon-workspaces-using-powershell/issues/3).
API_CALLS_PER_SECOND = 2
API_BURST_CALLS = 5


def poll_offsets_ms(available_after_ms: int) -> list[int]:
    """When ``waitWorkspaceAvailable`` calls DescribeWorkspaces, in ms after CreateWorkspaces returned,
    for a WorkSpace that becomes AVAILABLE ``available_after_ms`` later: up to and including the first
    poll that sees it AVAILABLE (a port of WaitForStateContext's loop; API latency left out).
    """
    if available_after_ms < 0:
        raise ValueError(f"available_after_ms must be >= 0 (got {available_after_ms})")
    offsets, now, wait = [], 0, 0
    while True:
        now += wait  # select { case <-time.After(wait): if wait == 0 { wait = 100ms } }
        if wait == 0:
            wait = POLL_INITIAL_WAIT_MS
        offsets.append(now)  # conf.Refresh(): one DescribeWorkspaces
        if now >= available_after_ms:
            return offsets
        wait = min(wait * POLL_BACKOFF_FACTOR, POLL_MAX_INTERVAL_MS)  # backoff, bounded to 10 s


def api_calls_per_workspace(provisioning_minutes: int) -> int:
    """Every WorkSpaces API call the provider makes to create one WorkSpace that takes this long."""
    polls = len(poll_offsets_ms(provisioning_minutes * 60_000))
    return CREATE_CALLS_PER_WORKSPACE + polls + READ_CALLS_PER_WORKSPACE
