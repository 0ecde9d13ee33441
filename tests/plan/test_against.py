"""`plan --against`: every change named before it happens, destructive ones exit 4 (docs/architecture.md,
"Plan" and "The replacement guard")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from encrypted_workspaces.cli import main
from encrypted_workspaces.offline.runner import simulate
from encrypted_workspaces.plan.stackfile import read_stack_file
from tests.plan.stack_export import SECRET_SIG_KEY, stack_export
from tests.plan.test_plan_cli import make_project
from tests.plan.writes import fill_the_disk_while_writing, snapshot
from tests.programs import BYPASSING_PROGRAM

PROJECT = Path(__file__).resolve().parents[2]
DEV = PROJECT / "stacks" / "Pulumi.dev.yaml"
WORKSPACES = "encrypted-workspaces:workspaces"
WORKSPACE = "aws:workspaces/workspace:Workspace"
ZERO = {"create": 0, "update": 0, "replace": 0, "delete": 0, "held": 0}


def dev_stack(directory: Path, mutate=None) -> Path:
    """stacks/Pulumi.dev.yaml, changed by ``mutate``, as a dev stack file (same stack, same URNs)."""
    config = yaml.safe_load(DEV.read_text())["config"]
    if mutate:
        mutate(config)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump({"config": config}, sort_keys=False))
    return path


def plan(capsys, stack_file: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    code = main(["plan", "--config", str(stack_file), "--out", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def deployed(tmp_path, capsys) -> Path:
    """The dev stack as it is: a previous plan's directory."""
    out = tmp_path / "deployed"
    assert plan(capsys, dev_stack(tmp_path / "before"), out)[0] == 0
    return out


def compare(capsys, tmp_path: Path, against: Path, mutate=None, name: str = "after"):
    out = tmp_path / name
    code, stdout, stderr = plan(
        capsys, dev_stack(tmp_path / f"{name}-stack", mutate), out, "--against", str(against)
    )
    assert stderr == ""
    return code, json.loads((out / "changes.json").read_text()), stdout, out


def plan_resource(out: Path, name: str) -> dict:
    return next(r for r in json.loads((out / "plan.json").read_text())["resources"] if r["name"] == name)


def test_identical_config_has_no_change(tmp_path, capsys, deployed):
    code, changes, stdout, _ = compare(capsys, tmp_path, deployed / "plan.json")
    assert code == 0
    assert changes == {"summary": {**ZERO, "same": 14}, "changes": []}
    assert "0 create, 0 update, 0 replace, 0 delete, 0 held, 14 same" in stdout


def test_users_reordered_is_no_change(tmp_path, capsys, deployed):
    def reorder(config):
        users = config[WORKSPACES]["users"]
        config[WORKSPACES]["users"] = dict(reversed(list(users.items())))

    code, changes, _, _ = compare(capsys, tmp_path, deployed, reorder)
    assert (code, changes["summary"]) == (0, {**ZERO, "same": 14})


def test_a_removed_user_is_one_destructive_delete_exit_4_and_the_same_bytes_twice(tmp_path, capsys, deployed):
    def remove_bob(config):
        del config[WORKSPACES]["users"]["bob"]

    code, changes, stdout, out = compare(capsys, tmp_path, deployed, remove_bob)
    assert code == 4
    assert changes["summary"] == {**ZERO, "delete": 1, "same": 13}
    [change] = changes["changes"]
    assert change == {
        "urn": "urn:pulumi:dev::encrypted-workspaces::encrypted-workspaces:index:EncryptedWorkspaces"
        "$aws:workspaces/workspace:Workspace::workspaces-workspace-bob",
        "type": WORKSPACE,
        "action": "delete",
        "fields": [],
        "destructive": True,
        "reason": "the WorkSpace of bob is deleted: the user volume of bob is lost",
    }
    assert "!!  delete  Workspace  workspaces-workspace-bob" in stdout
    again = compare(capsys, tmp_path, deployed, remove_bob, name="again")
    assert (again[3] / "changes.json").read_bytes() == (out / "changes.json").read_bytes()


def test_an_added_user_is_one_create(tmp_path, capsys, deployed):
    def add_carol(config):
        config[WORKSPACES]["users"]["carol"] = {}

    code, changes, _, _ = compare(capsys, tmp_path, deployed, add_carol)
    assert code == 0
    assert changes["summary"] == {**ZERO, "create": 1, "same": 14}
    assert [(c["action"], c["urn"].rsplit("::", 1)[1], c["destructive"]) for c in changes["changes"]] == [
        ("create", "workspaces-workspace-carol", False)
    ]


def test_a_resized_user_volume_is_one_update_in_place(tmp_path, capsys, deployed):
    def resize(config):
        config[WORKSPACES]["users"]["alice"] = {"userVolumeSizeGib": 100}

    code, changes, _, _ = compare(capsys, tmp_path, deployed, resize)
    assert code == 0
    assert changes["summary"] == {**ZERO, "update": 1, "same": 13}
    [change] = changes["changes"]
    assert (change["action"], change["fields"], change["destructive"]) == (
        "update",
        ["workspaceProperties.userVolumeSizeGib"],
        False,
    )


def change_bundle(config):
    config[WORKSPACES]["users"]["alice"] = {"bundleId": "wsb-8vbljg4r6"}


def test_a_changed_bundle_is_held_by_the_guard_and_exits_0(tmp_path, capsys, deployed):
    code, changes, stdout, out = compare(capsys, tmp_path, deployed, change_bundle)
    assert code == 0
    assert changes["summary"] == {**ZERO, "held": 1, "same": 13}
    [change] = changes["changes"]
    assert (change["action"], change["fields"], change["destructive"]) == ("held", ["bundleId"], False)
    assert "list alice under workspaces.replace" in change["reason"]
    options = plan_resource(out, "workspaces-workspace-alice")["options"]
    assert "bundleId" in options["ignoreChanges"]
    assert "no destructive change" in stdout


def test_a_held_bundle_beside_a_resize_names_the_in_place_update_in_the_table(tmp_path, capsys, deployed):
    def change_bundle_and_resize(config):
        config[WORKSPACES]["users"]["alice"] = {
            "bundleId": "wsb-8vbljg4r6",
            "rootVolumeSizeGib": 175,
            "userVolumeSizeGib": 100,
        }

    code, changes, stdout, _ = compare(capsys, tmp_path, deployed, change_bundle_and_resize)
    assert code == 0
    [change] = changes["changes"]
    assert change["action"] == "held" and "as it is" not in change["reason"]
    table = stdout.split("Changes against ", 1)[1].splitlines()
    rows = [line.split(None, 4) for line in table if "  Workspace  workspaces-workspace-alice  " in line]
    assert rows == [
        [
            "held",
            "Workspace",
            "workspaces-workspace-alice",
            "bundleId",
            "the replacement guard holds back bundleId, which would replace the WorkSpace of alice; "
            "list alice under workspaces.replace to replace it",
        ],
        [
            "update",
            "Workspace",
            "workspaces-workspace-alice",
            "workspaceProperties.rootVolumeSizeGib,",
            "workspaceProperties.userVolumeSizeGib  updated in place (bundleId held)",
        ],
    ]
    assert "1 held, 13 same (1 held also updated in place)" in stdout


def test_a_changed_bundle_of_a_listed_user_is_a_destructive_replace_deleting_first(
    tmp_path, capsys, deployed
):
    def change_and_list(config):
        change_bundle(config)
        config[WORKSPACES]["replace"] = ["alice"]

    code, changes, stdout, out = compare(capsys, tmp_path, deployed, change_and_list)
    assert code == 4
    assert changes["summary"] == {**ZERO, "replace": 1, "same": 13}
    [change] = changes["changes"]
    assert (change["action"], change["fields"], change["destructive"]) == ("replace", ["bundleId"], True)
    assert change["reason"] == (
        "bundleId cannot change in place: replaced (deleted first, then created); "
        "the user volume of alice is lost"
    )
    options = plan_resource(out, "workspaces-workspace-alice")["options"]
    assert (options["ignoreChanges"], options["deleteBeforeReplace"]) == ([], True)
    assert "!!  replace  Workspace  workspaces-workspace-alice  bundleId" in stdout
    # Bob is not listed: his WorkSpace keeps its guard.
    assert "bundleId" in plan_resource(out, "workspaces-workspace-bob")["options"]["ignoreChanges"]


def test_a_new_key_user_updates_the_key_policy_in_place(tmp_path, capsys, deployed):
    def add_key_user(config):
        config["encrypted-workspaces:key"]["users"] = ["arn:aws:iam::123456789012:role/Pipeline"]

    code, changes, _, _ = compare(capsys, tmp_path, deployed, add_key_user)
    assert code == 0
    assert changes["summary"] == {**ZERO, "update": 1, "same": 13}
    [change] = changes["changes"]
    assert (change["type"], change["action"], change["fields"]) == ("aws:kms/key:Key", "update", ["policy"])


def test_against_the_plans_directory_is_against_its_plan_json(tmp_path, capsys, deployed):
    def remove_bob(config):
        del config[WORKSPACES]["users"]["bob"]

    by_file = compare(capsys, tmp_path, deployed / "plan.json", remove_bob, name="by-file")[3]
    by_dir = compare(capsys, tmp_path, deployed, remove_bob, name="by-dir")[3]
    assert (by_file / "changes.json").read_bytes() == (by_dir / "changes.json").read_bytes()


def exported(tmp_path: Path, stack_file: Path) -> Path:
    config = read_stack_file(stack_file, "encrypted-workspaces", "dev").config
    deployment = simulate(stack="dev", config=config, account_id="123456789012", region="eu-west-1")
    path = tmp_path / "export.json"
    path.write_text(json.dumps(stack_export(deployment), indent=4))
    return path


def test_against_a_stack_export_of_the_same_deployment_is_no_change(tmp_path, capsys):
    export = exported(tmp_path, DEV)
    document = json.loads(export.read_text())
    assert document["version"] == 3
    assert document["deployment"]["resources"][1]["type"] == "pulumi:providers:aws"
    code, changes, stdout, _ = compare(capsys, tmp_path, export)
    assert (code, changes["summary"]) == (0, {**ZERO, "same": 14})
    assert f"Changes against {export} (stack export)" in stdout


def test_a_stack_export_shows_a_removed_user_as_a_destructive_delete(tmp_path, capsys):
    export = exported(tmp_path, DEV)

    def remove_alice(config):
        del config[WORKSPACES]["users"]["alice"]

    code, changes, _, _ = compare(capsys, tmp_path, export, remove_alice)
    assert code == 4
    assert [(c["action"], c["destructive"], c["reason"]) for c in changes["changes"]] == [
        ("delete", True, "the WorkSpace of alice is deleted: the user volume of alice is lost")
    ]


def add_secret_tag(config):
    config["encrypted-workspaces:tags"]["ticket"] = {"secure": "v1:AAAAbase64ciphertext"}


def test_secrets_compare_as_secrets_and_are_never_printed(tmp_path, capsys):
    export = exported(tmp_path, dev_stack(tmp_path / "secret-stack", add_secret_tag))
    assert SECRET_SIG_KEY in export.read_text()
    code, changes, stdout, out = compare(capsys, tmp_path, export, add_secret_tag)
    assert (code, changes["summary"]) == (0, {**ZERO, "same": 14})
    # The same tag in plain text is a change of every tagged resource, named by field, not by value.
    code, changes, stdout, out = compare(
        capsys, tmp_path, export, lambda c: c["encrypted-workspaces:tags"].update(ticket="T-1"), name="plain"
    )
    assert code == 0
    assert {c["action"] for c in changes["changes"]} == {"update"}
    assert all(c["fields"] == ["tags.ticket"] for c in changes["changes"])
    text = stdout + (out / "changes.json").read_text()
    assert "ciphertext" not in text and "T-1" not in text and "v1:" not in text


def test_a_deleted_default_role_is_retained_and_not_destructive(tmp_path, capsys, deployed):
    def no_default_role(config):
        config["encrypted-workspaces:directory"]["createDefaultRole"] = False

    code, changes, _, _ = compare(capsys, tmp_path, deployed, no_default_role)
    assert code == 0
    assert changes["summary"] == {**ZERO, "delete": 3, "same": 11}
    role = next(c for c in changes["changes"] if c["type"] == "aws:iam/role:Role")
    assert role["destructive"] is False
    assert (
        role["reason"] == "workspaces_DefaultRole leaves the stack but stays in the account (retainOnDelete)"
    )


def test_another_stacks_deployment_exits_2(tmp_path, capsys, deployed):
    stack_file = dev_stack(tmp_path / "s")
    other = stack_file.with_name("Pulumi.prod.yaml")
    stack_file.rename(other)
    code, _, err = plan(capsys, other, tmp_path / "o", "--against", str(deployed))
    assert code == 2
    assert err == (
        f"{deployed / 'plan.json'}: the deployment of stack 'dev', not of 'prod'; compare a stack with its "
        "own plan.json or `pulumi stack export`\n"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "cannot read (No such file or directory)"),
        ("not json", "not valid JSON (Expecting value: line 1 column 1 (char 0))"),
        ("[1, 2]", "neither a plan.json"),
        ('{"resources": {}}', "neither a plan.json"),
        ('{"version": 2, "deployment": {"resources": []}}', "a stack export of version 2"),
    ],
    ids=["missing", "not-json", "a-list", "neither", "old-export"],
)
def test_a_bad_against_path_exits_2_naming_the_file_and_writes_nothing(tmp_path, capsys, content, problem):
    path = tmp_path / "previous.json"
    if content is not None:
        path.write_text(content)
    out = tmp_path / "o"
    code, stdout, err = plan(capsys, dev_stack(tmp_path / "s"), out, "--against", str(path))
    assert (code, stdout) == (2, "")
    assert err.startswith(f"{path}: {problem}")
    assert len(err.splitlines()) == 1
    assert not out.exists()


def test_a_directory_without_a_plan_and_an_unreadable_path_exit_2(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "a-file").write_text("{}")
    for against, expected in (
        (tmp_path / "empty", f"{tmp_path / 'empty' / 'plan.json'}: cannot read (No such file or directory)"),
        (
            tmp_path / "a-file" / "plan.json",
            f"{tmp_path / 'a-file' / 'plan.json'}: cannot read (Not a directory)",
        ),
    ):
        code, _, err = plan(capsys, dev_stack(tmp_path / "s"), tmp_path / "o", "--against", str(against))
        assert (code, err) == (2, expected + "\n")


def test_a_bad_against_path_is_reported_with_the_stack_files_problems(tmp_path, capsys):
    def break_region(config):
        config["aws:region"] = "mars-1"

    code, _, err = plan(
        capsys, dev_stack(tmp_path / "s", break_region), tmp_path / "o", "--against", "nowhere"
    )
    assert code == 2
    assert [line.split(":", 1)[0] for line in err.splitlines()] == ["nowhere", "aws"]


def test_a_plan_without_against_removes_a_stale_changes_json(tmp_path, capsys, deployed):
    out = compare(capsys, tmp_path, deployed)[3]
    assert (out / "changes.json").is_file()
    assert plan(capsys, dev_stack(tmp_path / "s"), out)[0] == 0
    assert not (out / "changes.json").exists()


def test_a_destructive_change_outranks_findings_exit_4_not_3(tmp_path, capsys):
    project = make_project(tmp_path, BYPASSING_PROGRAM)
    args = ["plan", "--project-dir", str(project), "--stack", "test", "--out", str(tmp_path / "o")]
    assert main(args) == 3  # mandatory guardrail violations
    previous = json.loads((tmp_path / "o" / "plan.json").read_text())
    gone = json.loads(json.dumps(next(r for r in previous["resources"] if r["name"] == "unencrypted")))
    gone["urn"] = gone["urn"].replace("::unencrypted", "::dave")
    gone["inputs"]["userName"] = "dave"
    previous["resources"].append(gone)
    (tmp_path / "previous.json").write_text(json.dumps(previous))
    capsys.readouterr()
    assert main([*args, "--against", str(tmp_path / "previous.json")]) == 4
    assert "the WorkSpace of dave is deleted: the user volume of dave is lost" in capsys.readouterr().out


def test_provider_filled_defaults_and_pending_deletes_in_an_export_are_not_the_programs(tmp_path, capsys):
    export = exported(tmp_path, DEV)
    document = json.loads(export.read_text())
    resources = document["deployment"]["resources"]
    role = next(r for r in resources if r["type"] == "aws:iam/role:Role")
    role["inputs"].update({"__defaults": ["forceDetachPolicies", "maxSessionDuration"]})
    role["inputs"].update(forceDetachPolicies=False, maxSessionDuration=3600)
    # What an interrupted create-before-delete replacement leaves behind: the old key, marked delete.
    stale = json.loads(json.dumps(next(r for r in resources if r["type"] == "aws:kms/key:Key")))
    stale.update(delete=True, id="old-key-id")
    stale["inputs"]["description"] = "the key before"
    resources.append(stale)
    export.write_text(json.dumps(document))
    code, changes, _, _ = compare(capsys, tmp_path, export)
    assert (code, changes["summary"]) == (0, {**ZERO, "same": 14})


def test_another_projects_deployment_exits_2(tmp_path, capsys):
    project = make_project(tmp_path, BYPASSING_PROGRAM)
    assert (
        main(["plan", "--project-dir", str(project), "--stack", "test", "--out", str(tmp_path / "other")])
        == 3
    )
    capsys.readouterr()
    code, _, err = plan(
        capsys, dev_stack(tmp_path / "s"), tmp_path / "o", "--against", str(tmp_path / "other")
    )
    assert code == 2
    assert err == (
        f"{tmp_path / 'other' / 'plan.json'}: a deployment of project 'other-project', not of "
        "'encrypted-workspaces'\n"
    )


# --- a baseline inside --out DIR (issue 18, item 1) -------------------------------------------------



def a_typo(config):
    config[WORKSPACES]["defaults"]["runningMode"] = "SOMETIMES"


def remove_bob(config):
    del config[WORKSPACES]["users"]["bob"]


@pytest.mark.parametrize("against", ["", "plan.json"], ids=["DIR", "DIR/plan.json"])
def test_a_failed_run_against_its_own_dir_keeps_the_baseline_byte_for_byte(tmp_path, capsys, against):
    out = tmp_path / "build" / "plan" / "dev"
    assert plan(capsys, dev_stack(tmp_path / "s"), out)[0] == 0
    # A previous comparison too: DIR as a reviewer left it, all of it plan's own.
    assert plan(capsys, dev_stack(tmp_path / "s"), out, "--against", str(out))[0] == 0
    before = snapshot(out)
    code, stdout, err = plan(capsys, dev_stack(tmp_path / "t", a_typo), out, "--against", str(out / against))
    assert (code, stdout) == (2, "")
    assert err.startswith("encrypted-workspaces:workspaces.defaults.runningMode: ")
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["dev"]  # no staging directory left either


def test_a_run_that_fails_while_writing_against_its_own_dir_keeps_the_baseline(tmp_path, capsys, monkeypatch):
    out = tmp_path / "dev"
    assert plan(capsys, dev_stack(tmp_path / "s"), out)[0] == 0
    before = snapshot(out)
    fill_the_disk_while_writing(monkeypatch)
    code, _, err = plan(capsys, dev_stack(tmp_path / "s"), out, "--against", str(out))
    assert code == 1 and "No space left on device" in err
    assert snapshot(out) == before


def test_a_good_run_against_its_own_dir_compares_with_the_old_plan_then_replaces_it(tmp_path, capsys):
    out = tmp_path / "dev"
    assert plan(capsys, dev_stack(tmp_path / "s"), out)[0] == 0
    old_plan = (out / "plan.json").read_bytes()
    code, stdout, err = plan(capsys, dev_stack(tmp_path / "t", remove_bob), out, "--against", str(out))
    assert (code, err) == (4, "")
    changes = json.loads((out / "changes.json").read_text())
    # Compared with the old plan (which had bob) ...
    assert [(c["action"], c["urn"].rsplit("::", 1)[1]) for c in changes["changes"]] == [
        ("delete", "workspaces-workspace-bob")
    ]
    assert f"Changes against {out / 'plan.json'} (plan)" in stdout
    # ... then replaced by the new one (which has not).
    new_plan = (out / "plan.json").read_bytes()
    assert new_plan != old_plan
    assert not [r for r in json.loads(new_plan)["resources"] if r["name"] == "workspaces-workspace-bob"]


@pytest.mark.parametrize("mutate", [a_typo, remove_bob], ids=["bad-config", "good-config"])
def test_a_baseline_outside_dir_is_untouched_either_way(tmp_path, capsys, deployed, mutate):
    before = snapshot(deployed)
    out = tmp_path / "after"
    assert plan(capsys, dev_stack(tmp_path / "s"), out)[0] == 0  # a previous plan in DIR
    code, _, _ = plan(capsys, dev_stack(tmp_path / "t", mutate), out, "--against", str(deployed))
    assert code == (2 if mutate is a_typo else 4)
    assert snapshot(deployed) == before
    # DIR itself is plan's own as ever: a failed run leaves no stale plan there.
    assert out.exists() is (mutate is remove_bob)
