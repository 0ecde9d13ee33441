"""A `secure:` value where Pulumi would pass the decrypted value on to AWS (a bundle id, a subnet, an
alarm topic, ...) does not stop plan: it plans with the placeholder, says which checks it could not
make on that key, and exits as usual. Only where the value decides what the stack creates, names or
writes into the policies it lints may plan refuse it (issue 18, item 9)."""

from __future__ import annotations

import json

import pytest

from encrypted_workspaces.config import ConfigError, validate_args
from encrypted_workspaces.config.planning import planning
from encrypted_workspaces.config.problems import SECRET_PLACEHOLDER
from tests.conftest import set_at, valid_namespace
from tests.plan.test_plan_cli import run_plan, write_stack

NS = "encrypted-workspaces:"
SECURE = {"secure": "v1:AAAAbase64ciphertext"}
WORKSPACE = "aws:workspaces/workspace:Workspace"


def at(path: str, value=SECURE):
    """A mutation of the flat stack config: ``<namespace>:path`` (dotted, list indexes as numbers)."""
    section, *rest = path.split(".")

    def mutate(config):
        node = config.setdefault(f"{NS}{section}", {})
        for part in rest[:-1]:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        last = rest[-1]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def plan_with(tmp_path, capsys, *mutations, extra=()):
    def mutate(config):
        for mutation in mutations:
            mutation(config)

    stack = write_stack(tmp_path, "t", mutate)
    return run_plan(capsys, "--config", str(stack), "--out", str(tmp_path / "o"), *extra)


# (the key given as a secret, the check plan could not make on it)
PLANNED = [
    ("workspaces.defaults.bundleId", "a WorkSpaces bundle id"),
    ("workspaces.users.bob.computeTypeName", "one of 23 values"),
    ("directory.directoryId", "a Directory Service id"),
    ("directory.subnetIds.0", "a subnet id"),
    ("directory.workspaceCreationProperties.customSecurityGroupId", "a security group id"),
    ("directory.workspaceCreationProperties.defaultOu", "a distinguished name"),
    ("directory.workspaceAccessProperties.deviceTypeWeb", "ALLOW or DENY"),
    ("key.alias", "'alias/' followed by"),
    ("alarms.topicArn", "an SNS topic ARN"),
]


@pytest.mark.parametrize(("path", "check"), PLANNED, ids=[p for p, _ in PLANNED])
def test_a_secret_passed_on_to_aws_is_planned_with_the_placeholder(tmp_path, capsys, path, check):
    code, out, err = plan_with(tmp_path, capsys, at(path))
    assert (code, err) == (0, "")
    warnings = out.split("\nConfig warnings\n", 1)[1].split("\n\n", 1)[0].splitlines()
    (line,) = [w for w in warnings if w.startswith(f"  {NS}{path}: ")]
    assert "secure value" in line and "not checked" in line and check in line
    plan = (tmp_path / "o" / "plan.json").read_text()
    assert SECRET_PLACEHOLDER in plan
    assert "v1:AAAA" not in plan and "v1:AAAA" not in out


def test_the_placeholder_reaches_the_resource_input(tmp_path, capsys):
    assert plan_with(tmp_path, capsys, at("workspaces.defaults.bundleId"))[0] == 0
    resources = json.loads((tmp_path / "o" / "plan.json").read_text())["resources"]
    assert {r["inputs"]["bundleId"] for r in resources if r["type"] == WORKSPACE} == {SECRET_PLACEHOLDER}


def test_a_secret_and_a_destructive_change_exit_4_as_usual(tmp_path, capsys):
    before = tmp_path / "before"
    assert run_plan(capsys, "--config", str(write_stack(tmp_path, "t")), "--out", str(before))[0] == 0

    def remove_bob(config):
        del config[f"{NS}workspaces"]["users"]["bob"]

    code, out, err = plan_with(
        tmp_path, capsys, at("directory.directoryId"), remove_bob, extra=("--against", str(before))
    )
    assert (code, err) == (4, "")
    assert f"{NS}directory.directoryId: " in out


# (the key given as a secret, why plan needs it in plain text)
REFUSED = [
    ("administrators.principals.0", "secure value"),
    ("key.administrators.0", "secure value"),
    ("key.existing", "secure value"),
    ("workspaces.users.bob.importId", "secure value"),
    ("workspaces.users.bob.runningMode", "secure value"),
    ("workspaces.createTimeout", "secure value"),
    ("key.rotationPeriodInDays", "a whole number"),
    ("workspaces.users", "a mapping of keys to values"),
]


@pytest.mark.parametrize(("path", "fragment"), REFUSED, ids=[p for p, _ in REFUSED])
def test_a_secret_that_decides_what_is_created_is_refused(tmp_path, capsys, path, fragment):
    mutations = [at(path)]
    if path == "key.existing":
        mutations.append(
            lambda config: config[f"{NS}key"].clear() or config[f"{NS}key"].update(existing=SECURE)
        )
    code, out, err = plan_with(tmp_path, capsys, *mutations)
    assert (code, out) == (2, "")
    (line,) = [line for line in err.splitlines() if line.startswith(f"{NS}{path}: ")]
    assert "plan cannot decrypt" in line and fragment in line


def test_a_secret_user_to_replace_is_refused_saying_so(tmp_path, capsys):
    code, out, err = plan_with(tmp_path, capsys, at("workspaces.replace", [SECURE]))
    assert (code, out) == (2, "")
    assert err.startswith(f"{NS}workspaces.replace.0: is a secure value, which plan cannot decrypt")


def test_outside_plan_the_placeholder_is_an_ordinary_value_and_refused():
    # Under pulumi up the value is decrypted: a literal "[secret]" is a bad bundle id like any other.
    config = valid_namespace()
    set_at("workspaces.defaults.bundleId", SECRET_PLACEHOLDER)(config)
    with pytest.raises(ConfigError):
        validate_args(config)
    with planning() as notes:
        args = validate_args(config)
    assert args.workspaces.defaults.bundle_id == SECRET_PLACEHOLDER
    (note,) = notes
    assert note.startswith(f"{NS}workspaces.defaults.bundleId: not checked: ")


def test_a_secret_compute_type_does_not_refuse_sizes_a_graphics_type_allows():
    config = valid_namespace()
    set_at(
        "workspaces.users.bob",
        {"computeTypeName": SECRET_PLACEHOLDER, "rootVolumeSizeGib": 100, "userVolumeSizeGib": 100},
    )(config)
    with planning() as notes:
        validate_args(config)
    assert [n.split(": ", 1)[0] for n in notes] == [f"{NS}workspaces.users.bob.computeTypeName"]
