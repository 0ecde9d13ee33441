"""The seeded account most audit tests read: one WorkSpace per problem, each on its own key, plus a
compliant WorkSpace and more than a page of compliant ones."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from tests.audit.seed import Account, documented_key_policy

STACK_ALIAS = "alias/workspaces-test"
# More than one DescribeWorkspaces page (25) of compliant WorkSpaces on the stack's key.
PAGE_FILLERS = tuple(f"user{n:02d}" for n in range(1, 27))


def _without_account_root(policy: dict) -> dict:
    policy = copy.deepcopy(policy)
    policy["Statement"] = [s for s in policy["Statement"] if s["Sid"] != "EnableIAMPoliciesForTheAccount"]
    return policy


def _grants_without_condition(policy: dict) -> dict:
    policy = copy.deepcopy(policy)
    for statement in policy["Statement"]:
        statement.pop("Condition", None)
    return policy


@dataclass(frozen=True)
class SeededAccount:
    account: Account
    directory: str  # compliant, the stack's
    open_directory: str  # local administrators and internet access on
    stack_key: str
    other_key: str  # compliant, but not the stack's
    disabled_key: str
    unrotated_key: str
    pending_key: str
    no_root_key: str
    unconditioned_key: str
    asymmetric_key: str
    ws: dict[str, str]  # user -> WorkSpace id


def seed_account() -> SeededAccount:
    account = Account()
    directory = account.directory("corp.example.com")
    open_directory = account.directory("lab.example.com", local_administrator=True, internet_access=True)
    keys = {
        "stack_key": account.key(alias=STACK_ALIAS),
        "other_key": account.key(),
        "disabled_key": account.key(state="Disabled"),
        "unrotated_key": account.key(rotated=False),
        "pending_key": account.key(state="PendingDeletion"),
        "no_root_key": account.key(policy=_without_account_root(documented_key_policy())),
        "unconditioned_key": account.key(policy=_grants_without_condition(documented_key_policy())),
        "asymmetric_key": account.key(key_spec="RSA_2048"),
    }
    ws = {
        "alice": account.workspace(directory, "alice", key=keys["stack_key"]),
        "bob": account.workspace(directory, "bob"),  # no encryption at all
        "carol": account.workspace(directory, "carol", key=keys["stack_key"], user_volume=False),
        "dave": account.workspace(directory, "dave", key=keys["disabled_key"]),
        "erin": account.workspace(directory, "erin", key=keys["unrotated_key"]),
        "frank": account.workspace(directory, "frank", key=keys["pending_key"]),
        "grace": account.workspace(directory, "grace", key="alias/aws/workspaces"),
        "heidi": account.workspace(directory, "heidi", key=keys["no_root_key"]),
        "ivan": account.workspace(directory, "ivan", key=keys["unconditioned_key"]),
        "judy": account.workspace(directory, "judy", key=keys["asymmetric_key"]),
        "oscar": account.workspace(open_directory, "oscar", key=keys["other_key"]),
        # Compliant on its own; with a stack, neither listed by it nor on its key.
        "mallory": account.workspace(directory, "mallory", key=keys["other_key"]),
    }
    for user in PAGE_FILLERS:
        ws[user] = account.workspace(directory, user, key=keys["stack_key"])
    return SeededAccount(account=account, directory=directory, open_directory=open_directory, ws=ws, **keys)


@dataclass(frozen=True)
class SmallAccount:
    account: Account
    directory: str
    stack_key: str
    other_key: str
    ws: dict[str, str]


def seed_small_account(fillers: int = 0) -> SmallAccount:
    """One compliant directory, the stack's key and another, alice on the first, bob on the second,
    and ``fillers`` more WorkSpaces on the stack's key: every call the audit makes has work to do."""
    account = Account()
    directory = account.directory("corp.example.com")
    stack_key, other_key = account.key(alias=STACK_ALIAS), account.key()
    ws = {
        "alice": account.workspace(directory, "alice", key=stack_key),
        "bob": account.workspace(directory, "bob", key=other_key),
    }
    for n in range(fillers):
        ws[f"user{n:02d}"] = account.workspace(directory, f"user{n:02d}", key=stack_key)
    return SmallAccount(account, directory, stack_key, other_key, ws)


def stack_file(tmp_path, directory: str, users, alias: str = STACK_ALIAS, key: dict | None = None):
    """A stack file for a directory, its users and a key alias (or a whole ``key`` section), as `plan`
    would read it."""
    import yaml

    from tests.audit.seed import REGION
    from tests.conftest import flat_config, valid_namespace

    namespace = valid_namespace()
    namespace["directory"]["directoryId"] = directory
    namespace["key"] = key if key is not None else {**namespace["key"], "alias": alias}
    namespace["workspaces"]["users"] = {user: {} for user in users}
    path = tmp_path / "Pulumi.audited.yaml"
    path.write_text(yaml.safe_dump({"config": flat_config(namespace, REGION)}))
    return path
