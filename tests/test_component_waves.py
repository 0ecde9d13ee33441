"""Waves under Pulumi's mocks (preview=False): the component registers the WorkSpaces of the users whose
wave has come, and nothing of the others; raising the wave adds WorkSpaces and changes nothing else."""

from __future__ import annotations

import pulumi
import pytest

from encrypted_workspaces import (
    EncryptedWorkspaces,
    EncryptedWorkspacesArgs,
    WorkspaceOverridesArgs,
    WorkspacesArgs,
)
from encrypted_workspaces.offline.runner import simulate
from tests.conftest import ACCOUNT_ID, REGION, deploy, valid_namespace

WORKSPACE = "aws:workspaces/workspace:Workspace"
TWELVE = {f"user{n:02}": 1 + (n - 1) // 4 for n in range(1, 13)}  # 4 each in waves 1, 2 and 3
WAVE_1 = ["user01", "user02", "user03", "user04"]


def fleet(wave: int | None) -> dict:
    config = valid_namespace()
    config["workspaces"]["users"] = {user: {"wave": n} for user, n in TWELVE.items()}
    if wave is not None:
        config["workspaces"]["wave"] = wave
    return config


def workspace_users(deployment) -> list[str]:
    return sorted(r.inputs["userName"] for r in deployment.of_type(WORKSPACE))


def test_only_the_users_of_the_deployed_waves_get_a_workspace_and_an_id():
    deployment = deploy(fleet(wave=1))
    assert workspace_users(deployment) == WAVE_1
    assert sorted(deployment.outputs["workspaceIds"]) == WAVE_1
    ids = [r.id for r in deployment.of_type(WORKSPACE)]
    assert all(i.startswith("ws-") for i in ids) and sorted(
        deployment.outputs["workspaceIds"].values()
    ) == sorted(ids)


@pytest.mark.parametrize(("wave", "count"), [(1, 4), (2, 8), (3, 12), (None, 12), (7, 12)])
def test_the_wave_decides_how_many_workspaces(wave, count):
    assert len(workspace_users(deploy(fleet(wave)))) == count


def test_raising_the_wave_adds_its_workspaces_and_changes_nothing_registered_before():
    before = {r.urn: r.as_json() for r in deploy(fleet(wave=1)).resources}
    after_deployment = deploy(fleet(wave=2))
    after = {r.urn: r.as_json() for r in after_deployment.resources}
    added = sorted(after[urn]["name"] for urn in set(after) - set(before))
    assert added == [f"workspaces-workspace-user{n:02}" for n in range(5, 9)]
    # Every resource of wave 1 (and the key, policies, registration) is there under the same URN, as it was.
    assert {urn: after[urn] for urn in before} == before
    assert sorted(after_deployment.outputs["workspaceIds"]) == sorted(
        [*WAVE_1, "user05", "user06", "user07", "user08"]
    )


def test_a_later_waves_import_and_replace_wait_for_its_wave():
    config = fleet(wave=1)
    config["workspaces"]["users"]["user05"]["importId"] = "ws-0123456789"
    config["workspaces"]["replace"] = ["user05"]
    deployment = deploy(config)
    assert workspace_users(deployment) == WAVE_1
    assert all(r.options["import"] is None for r in deployment.of_type(WORKSPACE))
    # When its wave comes, the user's WorkSpace is adopted, and the replacement guard is off for it.
    config["workspaces"]["wave"] = 2
    adopted = deploy(config).by_name("workspaces-workspace-user05")
    assert (adopted.options["import"], adopted.options["ignoreChanges"]) == ("ws-0123456789", [])


def test_a_python_program_deploys_the_wave_it_names():
    def program() -> None:
        namespace = valid_namespace()
        component = EncryptedWorkspaces(
            "euc",
            EncryptedWorkspacesArgs(
                key=namespace["key"],
                administrators=namespace["administrators"],
                directory=namespace["directory"],
                workspaces=WorkspacesArgs(
                    defaults={"bundle_id": "wsb-bh8rsxt14"},
                    users={"pilot": WorkspaceOverridesArgs(), "later": WorkspaceOverridesArgs(wave=2)},
                    wave=1,
                ),
            ),
        )
        pulumi.export("ids", component.workspace_ids)
        pulumi.export("children", sorted(component.workspaces))

    deployment = simulate(program, stack="consumer", config={}, account_id=ACCOUNT_ID, region=REGION)
    assert workspace_users(deployment) == ["pilot"]
    assert list(deployment.outputs["ids"]) == ["pilot"]
    assert deployment.outputs["children"] == ["pilot"]
