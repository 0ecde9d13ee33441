"""The component provider: its package schema against the config model, its Construct under the mock
engine against the Python component, and the plugin process serving the same schema over gRPC."""

from __future__ import annotations

import contextlib
import json
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import pulumi
import pulumi_aws as aws
import pytest
import yaml
from pulumi.provider.server import ComponentInitError, ProviderServicer
from pulumi.runtime import rpc, settings
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc, resource_pb2
from pulumi.runtime.sync_await import _sync_await
from pydantic import BaseModel

from encrypted_workspaces import ConfigError, EncryptedWorkspaces
from encrypted_workspaces.component import TYPE_TOKEN
from encrypted_workspaces.config import EncryptedWorkspacesArgs
from encrypted_workspaces.config.inputs import InputOf
from encrypted_workspaces.offline.runner import Deployment, simulate
from encrypted_workspaces.outputs import OUTPUTS
from encrypted_workspaces.provider.codegen import args_module_source
from encrypted_workspaces.provider.host import PACKAGE_NAME, component_provider, package_schema
from encrypted_workspaces.schema.command import PROJECT_ROOT
from tests.conftest import ACCOUNT_ID, REGION, flat_config, schema_output, valid_namespace
from tests.plugins import plugin_channel
from tests.test_component_inputs import TRUST, BadDirectoryMocks, PreviewMocks

PROVIDER_DIR = Path(__file__).resolve().parents[2] / "components" / "encrypted_workspaces" / "provider"
_SIMPLE = {str: "string", int: "integer", bool: "boolean"}


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _is_input(annotation: Any) -> bool:
    return get_origin(annotation) is Annotated and any(
        isinstance(m, InputOf) for m in annotation.__metadata__
    )


def assert_property_matches(schema: dict, prop: dict, annotation: Any, where: str) -> None:
    """One schema property against one model annotation: the same type, all the way down; an Input
    (config/inputs.py) takes an output of another resource, anything else is a plain value."""
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in get_args(annotation):
        (inner,) = [arg for arg in get_args(annotation) if arg is not type(None)]
        return assert_property_matches(schema, prop, inner, where)
    if _is_input(annotation):
        assert prop.get("plain") is None, f"{where}: an Input takes outputs of other resources"
        (plain,) = [m.plain for m in annotation.__metadata__ if isinstance(m, InputOf)]
        return assert_property_matches(schema, {**prop, "plain": True}, plain, where)
    assert prop.get("plain") is True, f"{where}: a plain value"
    if origin is Annotated:
        return assert_property_matches(schema, prop, get_args(annotation)[0], where)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in get_args(annotation) if arg is not type(None)]
        return assert_property_matches(schema, prop, inner, where)
    if origin is Literal:
        enum = schema["types"][prop["$ref"].removeprefix("#/types/")]
        assert [member["value"] for member in enum["enum"]] == list(get_args(annotation)), where
        return None
    if origin is list:
        assert prop["type"] == "array", where
        return assert_property_matches(schema, prop["items"], get_args(annotation)[0], where + "[]")
    if origin is dict:
        assert prop["type"] == "object", where
        return assert_property_matches(
            schema, prop["additionalProperties"], get_args(annotation)[1], where + "{}"
        )
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        assert prop["$ref"].startswith(f"#/types/{PACKAGE_NAME}:index:"), where
        complex_type = schema["types"][prop["$ref"].removeprefix("#/types/")]
        assert complex_type["type"] == "object", where
        return assert_object_matches(schema, complex_type, annotation, where)
    if annotation is Any:
        assert prop["$ref"] == "pulumi.json#/Any", where
        return None
    assert prop["type"] == _SIMPLE[annotation], where
    return None


def assert_object_matches(
    schema: dict, properties_holder: dict, model: type[BaseModel], where: str, inputs: str = "properties"
) -> None:
    properties = properties_holder[inputs]
    fields = {field.alias: field for field in model.model_fields.values()}
    assert set(properties) == set(fields), where
    required_key = "requiredInputs" if inputs == "inputProperties" else "required"
    assert set(properties_holder.get(required_key, [])) == {a for a, f in fields.items() if f.is_required()}
    for alias, field in fields.items():
        assert _words(properties[alias].get("description")) == _words(field.description), f"{where}.{alias}"
        assert_property_matches(schema, properties[alias], field.rebuild_annotation(), f"{where}.{alias}")


def test_package_schema_is_the_config_model_section_by_section():
    schema = package_schema()
    assert schema["name"] == PACKAGE_NAME
    resource = schema["resources"][TYPE_TOKEN]
    assert resource["isComponent"] is True
    assert {"key", "administrators", "directory", "workspaces", "tags"} <= set(resource["inputProperties"])
    assert_object_matches(schema, resource, EncryptedWorkspacesArgs, "args", inputs="inputProperties")


def test_package_schema_outputs_are_what_the_component_registers():
    resource = package_schema()["resources"][TYPE_TOKEN]
    assert {name: _words(p["description"]) for name, p in resource["properties"].items()} == {
        output.name: _words(output.description) for output in OUTPUTS
    }
    # aliasName is none for an existing key named by its ARN.
    assert set(resource["required"]) == {output.name for output in OUTPUTS} - {"aliasName"}
    assert resource["properties"]["keyArn"]["type"] == "string"
    assert resource["properties"]["workspaceIds"]["additionalProperties"]["type"] == "string"


def test_schema_command_prints_the_schema_the_provider_serves(capsys):
    assert json.loads(schema_output(["--provider"], capsys)) == package_schema()


def test_plugin_directory_runs_the_provider_with_python():
    plugin = yaml.safe_load((PROVIDER_DIR / "PulumiPlugin.yaml").read_text())
    assert plugin["runtime"]["name"] == "python"
    # The project's environment, the one `make test` builds: the provider serves the tested code.
    assert (PROVIDER_DIR / plugin["runtime"]["options"]["virtualenv"]).resolve() == PROJECT_ROOT / ".venv"
    assert (PROVIDER_DIR / "__main__.py").read_text().count("main()") == 1
    assert "-e ../../.." in (PROVIDER_DIR / "requirements.txt").read_text().splitlines()


def test_plugin_process_serves_the_package_schema_over_grpc():
    """What `pulumi package add` does first: run the directory with Python, then ask for the schema."""
    with plugin_channel(PROVIDER_DIR) as channel:
        stub = provider_pb2_grpc.ResourceProviderStub(channel)
        response = stub.GetSchema(provider_pb2.GetSchemaRequest(version=0), timeout=60)
    assert json.loads(response.schema) == package_schema()


@contextlib.contextmanager
def _engine_sends_output_values(enabled: bool) -> Iterator[None]:
    """The engine sends a provider that accepts outputs (Pulumi's provider server does) each Output as
    an output value: its value or unknown, with its dependencies. The mock monitor turns the feature off
    for resources' inputs; it is on here for the Construct request only. Off, an Output travels as a
    plain value and an unknown as the unknown marker (``pulumi.output.Unknown`` once read)."""
    if not enabled:
        yield
        return
    feature = settings.monitor_supports_feature
    settings.monitor_supports_feature = lambda wanted: (
        True if wanted == resource_pb2.RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES else feature(wanted)
    )
    try:
        yield
    finally:
        settings.monitor_supports_feature = feature


def _construct(
    namespace: dict[str, Any] | Callable[[], dict[str, Any]],
    results: dict[str, Any],
    *,
    output_values: bool = True,
):
    """A program that constructs the component through the provider, from inputs as they arrive on
    the wire (serialized to a protobuf Struct and back, so numbers are floats, as from TypeScript).

    ``namespace`` may be a function that creates the program's own resources and returns inputs that
    hold their Outputs (``_engine_sends_output_values`` says how they travel)."""

    def program() -> None:
        values = namespace() if callable(namespace) else namespace
        with _engine_sends_output_values(output_values):
            struct = _sync_await(rpc.serialize_properties(values, {}, keep_output_values=True))
        inputs = _sync_await(ProviderServicer._construct_inputs(struct, {}))
        result = component_provider().construct("workspaces", TYPE_TOKEN, inputs, None)
        results["state"] = result.state

    return program


def _python_component(namespace: dict[str, Any]):
    def program() -> None:
        EncryptedWorkspaces("workspaces", namespace)

    return program


def _run(program) -> Deployment:
    return simulate(program, stack="test", config=flat_config({}), account_id=ACCOUNT_ID, region=REGION)


def _registrations(deployment: Deployment) -> list[dict[str, Any]]:
    return [
        {"urn": r.urn, "type": r.type, "parent": r.parent, "inputs": r.inputs, "options": r.options}
        for r in deployment.resources
    ]


def test_construct_registers_exactly_what_the_python_component_registers():
    namespace = valid_namespace()
    namespace["key"]["rotationPeriodInDays"] = 180
    namespace["directory"]["workspaceAccessProperties"] = {"deviceTypeWeb": "ALLOW"}
    namespace["workspaces"]["users"]["carol"] = {"rootVolumeSizeGib": 175, "userVolumeSizeGib": 100}
    results: dict[str, Any] = {}
    through_provider = _run(_construct(namespace, results))
    python = _run(_python_component(namespace))

    assert _registrations(through_provider) == _registrations(python)
    component = python.by_name("workspaces")
    assert component.type == TYPE_TOKEN and not component.custom
    workspace_types = [r for r in python.resources if r.type == "aws:workspaces/workspace:Workspace"]
    assert len(workspace_types) == 3 and all(r.parent == component.urn for r in workspace_types)
    state = _sync_await(pulumi.Output.from_input(results["state"]).future())
    key = python.by_name("workspaces-key")
    assert set(state) == {output.name for output in OUTPUTS}
    assert state["keyArn"] == key.state["arn"]
    assert set(state["workspaceIds"]) == {"alice", "bob", "carol"}


def test_construct_deploys_the_waves_as_the_python_component_does():
    # The waves arrive as floats (as from TypeScript); a wave above workspaces.wave registers nothing.
    def in_waves(number: type) -> dict[str, Any]:
        namespace = valid_namespace()
        users = {"alice": {"wave": number(1)}, "bob": {"wave": number(2)}, "carol": {}}
        namespace["workspaces"]["users"] = users
        namespace["workspaces"]["wave"] = number(1)
        return namespace

    results: dict[str, Any] = {}
    through_provider = _run(_construct(in_waves(float), results))
    python = _run(_python_component(in_waves(int)))

    assert _registrations(through_provider) == _registrations(python)
    workspaces = through_provider.of_type("aws:workspaces/workspace:Workspace")
    assert sorted(r.inputs["userName"] for r in workspaces) == ["alice", "carol"]
    state = _sync_await(pulumi.Output.from_input(results["state"]).future())
    assert set(state["workspaceIds"]) == {"alice", "carol"}


def test_construct_refuses_a_wave_of_0_at_its_input():
    namespace = valid_namespace()
    namespace["workspaces"]["users"]["bob"]["wave"] = 0.0
    with pytest.raises(ComponentInitError) as raised:
        _run(_construct(namespace, {}))
    assert raised.value.inner.problems == [
        "encrypted-workspaces:workspaces.users.bob.wave: must be a wave, a whole number from 1 (the first "
        "wave) to 2147483647 (got 0)"
    ]


def _with_outputs() -> dict[str, Any]:
    """The namespace with the directory, subnets, key administrator, an administrator role, the topic
    and a volume size taken from resources the program creates (a TypeScript program's ``ad.id``)."""
    namespace = valid_namespace()
    directory = aws.directoryservice.Directory(
        "corp", name="corp.example.com", password="Never-in-a-test-1", size="Small", type="SimpleAD"
    )
    subnets = [
        aws.ec2.Subnet(f"corp-{zone}", vpc_id="vpc-0123456789abcdef0", cidr_block=cidr)
        for zone, cidr in (("a", "10.0.1.0/24"), ("b", "10.0.2.0/24"))
    ]
    key_admins = aws.iam.Role("KeyAdministrators", assume_role_policy=TRUST)
    admins = aws.iam.Role("WorkSpacesAdministrators", assume_role_policy=TRUST)
    topic = aws.sns.Topic("security-alerts")
    namespace["directory"].update(directoryId=directory.id, subnetIds=[subnet.id for subnet in subnets])
    namespace["key"]["administrators"] = [key_admins.arn]
    namespace["administrators"] = {"roles": {"WorkSpacesAdministrators": admins.arn}}
    namespace["alarms"] = {"topicArn": topic.arn}
    # A number that is an Output: a float on the wire, an int to the model once it resolves.
    namespace["workspaces"]["users"]["carol"] = {
        "rootVolumeSizeGib": directory.id.apply(lambda _: 175),
        "userVolumeSizeGib": 100,
    }
    return namespace


def _run_preview(program, mocks) -> Deployment:
    return simulate(
        program,
        stack="test",
        config=flat_config({}),
        account_id=ACCOUNT_ID,
        region=REGION,
        mocks=mocks,
        preview=True,
    )


WIRE_FORMS = pytest.mark.parametrize("output_values", [True, False], ids=["output values", "plain values"])


@WIRE_FORMS
def test_construct_takes_outputs_and_they_reach_the_registration_and_the_workspaces(output_values):
    deployment = _run(_construct(_with_outputs, {}, output_values=output_values))
    registration = deployment.by_name("workspaces-directory")
    assert registration.inputs["directoryId"] == deployment.by_name("corp").id
    assert registration.inputs["subnetIds"] == [deployment.by_name(f"corp-{z}").id for z in "ab"]
    key_arn = deployment.by_name("workspaces-key").state["arn"]
    workspaces = {r.inputs["userName"]: r for r in deployment.of_type("aws:workspaces/workspace:Workspace")}
    assert {w.inputs["volumeEncryptionKey"] for w in workspaces.values()} == {key_arn}
    assert workspaces["carol"].inputs["workspaceProperties"]["rootVolumeSizeGib"] == 175
    (target,) = deployment.of_type("aws:cloudwatch/eventTarget:EventTarget")
    assert target.inputs["arn"] == deployment.by_name("security-alerts").state["arn"]


@WIRE_FORMS
def test_construct_accepts_unknown_inputs_during_a_preview_and_registers_every_resource(output_values):
    known = _run(_construct(_with_outputs, {}))
    preview = _run_preview(
        _construct(_with_outputs, {}, output_values=output_values),
        PreviewMocks(account_id=ACCOUNT_ID, region=REGION),
    )
    assert [(r.type, r.name) for r in preview.resources] == [(r.type, r.name) for r in known.resources]
    assert isinstance(preview.by_name("workspaces-directory").inputs["directoryId"], pulumi.output.Unknown)


def test_construct_fails_an_output_that_resolves_to_a_bad_directory_id_at_its_input():
    mocks = BadDirectoryMocks(account_id=ACCOUNT_ID, region=REGION)
    with pytest.raises(ConfigError) as raised:
        simulate(
            _construct(_with_outputs, {}, output_values=True),
            stack="test",
            config=flat_config({}),
            account_id=ACCOUNT_ID,
            region=REGION,
            mocks=mocks,
        )
    # The camelCase input the program wrote, as for invalid plain inputs.
    assert raised.value.problems == [
        "encrypted-workspaces:directory.directoryId: must be a Directory Service id such as d-1234567890 "
        "(got 'corp-directory')"
    ]


def test_construct_refuses_invalid_inputs_with_the_models_one_line_problems():
    namespace = valid_namespace()
    namespace["workspaces"]["defaults"]["bundleId"] = "wsb-nope"
    namespace["key"]["deletionWindowInDays"] = 31
    with pytest.raises(ComponentInitError) as raised:
        _run(_construct(namespace, {}))
    # The keys the program wrote (camelCase), and whole numbers as it wrote them.
    assert raised.value.inner.problems == [
        "encrypted-workspaces:key.deletionWindowInDays: out of range: "
        "must be less than or equal to 30 (got 31)",
        "encrypted-workspaces:workspaces.defaults.bundleId: "
        "must be a WorkSpaces bundle id such as wsb-bh8rsxt14 (got 'wsb-nope')",
    ]


def test_args_generator_refuses_a_type_the_analyzer_cannot_take():
    class Unsupported(BaseModel):
        """A model with a field of no provider type."""

        either: int | str
        """A union."""

    with pytest.raises(TypeError, match="either: the analyzer takes no unions"):
        args_module_source(Unsupported)
