"""gather_map: Output.all(**outputs) without the SDK's quadratic cost, same value, same dependencies."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws
import pytest

from encrypted_workspaces.offline.runner import simulate
from encrypted_workspaces.outputs import gather_map
from tests.conftest import ACCOUNT_ID, REGION, deploy, valid_namespace


@pytest.mark.parametrize("size", [0, 1, 64, 65, 4097])
def test_value_is_the_whole_map_at_every_depth(size):
    def program():
        pulumi.export("map", gather_map({f"k{i:05d}": pulumi.Output.from_input(i) for i in range(size)}))

    deployment = simulate(program, stack="t", config={}, account_id=ACCOUNT_ID, region=REGION)
    assert deployment.outputs["map"] == {f"k{i:05d}": i for i in range(size)}


def test_dependencies_are_those_of_output_all():
    seen: dict[str, set[str]] = {}

    async def program():
        parameters = {
            f"p{i:03d}": aws.ssm.Parameter(f"p{i:03d}", type="String", value=str(i)).arn for i in range(130)
        }
        for name, combined in (
            ("gathered", gather_map(parameters)),
            ("all", pulumi.Output.all(**parameters)),
        ):
            seen[name] = {await resource.urn.future() for resource in await combined.resources()}

    simulate(program, stack="t", config={}, account_id=ACCOUNT_ID, region=REGION)
    assert len(seen["all"]) == 130
    assert seen["gathered"] == seen["all"]


def test_component_exports_every_workspace_id_past_one_chunk():
    namespace = valid_namespace()
    namespace["workspaces"]["users"] = {f"user{i:03d}": {} for i in range(70)}
    deployment = deploy(namespace)
    ids = {r.inputs["userName"]: r.id for r in deployment.of_type("aws:workspaces/workspace:Workspace")}
    assert len(ids) == 70
    assert deployment.outputs["workspaceIds"] == ids
