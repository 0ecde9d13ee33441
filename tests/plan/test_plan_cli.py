"""End-to-end tests of `encrypted-workspaces plan`: JSON shape, exit codes, error lines, determinism,
and policy files equal to what the component sends."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from encrypted_workspaces.cli import main
from tests.programs import BYPASSING_PROGRAM

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("encrypted-workspaces")
DEV = PROJECT / "stacks" / "Pulumi.dev.yaml"

RESOURCE_KEYS = ["urn", "type", "name", "parent", "custom", "inputs", "options"]
OPTION_KEYS = [
    "protect",
    "customTimeouts",
    "dependsOn",
    "ignoreChanges",
    "retainOnDelete",
    "deleteBeforeReplace",
    "import",
]
POLICY_INPUTS = {
    "aws:kms/key:Key": "policy",
    "aws:iam/policy:Policy": "policy",
    "aws:iam/role:Role": "assumeRolePolicy",
}


def write_stack(tmp_path: Path, name: str, mutate=None) -> Path:
    document = yaml.safe_load(DEV.read_text())
    if mutate:
        mutate(document["config"])
    path = tmp_path / f"Pulumi.{name}.yaml"
    path.write_text(yaml.safe_dump(document))
    return path


def run_plan(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["plan", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_console_script_plans_the_dev_stack(tmp_path):
    out = tmp_path / "dev"
    result = subprocess.run(
        [str(SCRIPT), "plan", "--stack", "dev", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "WorkSpaces (2)" in result.stdout
    assert (out / "plan.json").is_file()


def test_plan_json_has_the_contract_shape(tmp_path, capsys):
    code, _, _ = run_plan(capsys, "--stack", "dev", "--out", str(tmp_path))
    assert code == 0
    plan = json.loads((tmp_path / "plan.json").read_text())
    assert list(plan) == ["project", "stack", "resources", "outputs", "rollout"]
    assert (plan["project"], plan["stack"]) == ("encrypted-workspaces", "dev")
    for resource in plan["resources"]:
        assert list(resource) == RESOURCE_KEYS
        assert list(resource["options"]) == OPTION_KEYS
    types = [r["type"] for r in plan["resources"]]
    assert types.count("aws:workspaces/workspace:Workspace") == 2
    assert "pulumi:pulumi:Stack" in types and "encrypted-workspaces:index:EncryptedWorkspaces" in types
    alice = next(r for r in plan["resources"] if r["name"] == "workspaces-workspace-alice")
    assert alice["inputs"]["workspaceProperties"]["rootVolumeSizeGib"] == 80  # an integer, not 80.0
    assert alice["options"]["customTimeouts"] == {"create": "90m", "update": "60m", "delete": "30m"}
    assert alice["options"]["protect"] is False
    assert alice["inputs"]["volumeEncryptionKey"] == plan["outputs"]["keyArn"]
    assert sorted(plan["outputs"]["workspaceIds"]) == ["alice", "bob"]
    assert plan["rollout"]["creates"] == 2  # a first `pulumi up` creates every WorkSpace


def test_policy_files_are_exactly_what_the_stack_sends(tmp_path, capsys):
    assert run_plan(capsys, "--stack", "dev", "--out", str(tmp_path))[0] == 0
    plan = json.loads((tmp_path / "plan.json").read_text())
    sent = {
        r["name"]: json.loads(r["inputs"][POLICY_INPUTS[r["type"]]])
        for r in plan["resources"]
        if r["type"] in POLICY_INPUTS
    }
    files = {p.stem: p for p in (tmp_path / "policies").glob("*.json")}
    assert (
        sorted(files)
        == sorted(sent)
        == [
            "workspaces-default-role",
            "workspaces-key",
            "workspaces-key-grants",
            "workspaces-workspaces-admin",
        ]
    )
    for name, path in files.items():
        text = path.read_text()
        assert json.loads(text) == sent[name]
        assert text == json.dumps(sent[name], indent=2) + "\n"  # pretty-printed, statement order kept


def test_two_runs_write_byte_identical_files(tmp_path, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_plan(capsys, "--stack", "prod", "--out", str(first))[0] == 0
    assert run_plan(capsys, "--stack", "prod", "--out", str(second))[0] == 0
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert len(names) == 4
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


WORKSPACE_COLUMNS = (
    "USER BUNDLE COMPUTE RUNNING MODE AUTO-STOP MIN ROOT GIB USER GIB ROOT ENCRYPTED USER ENCRYPTED"
)


def outputs_of(out: Path) -> dict:
    return json.loads((out / "plan.json").read_text())["outputs"]


def test_summary_shows_tree_users_outputs_and_findings(tmp_path, capsys):
    code, out, err = run_plan(capsys, "--stack", "prod", "--out", str(tmp_path))
    assert (code, err) == (0, "")
    assert "Plan of encrypted-workspaces/prod in eu-west-1, account 123456789012" in out
    assert "└─ encrypted-workspaces:index:EncryptedWorkspaces  workspaces" in out
    assert (
        "aws:workspaces/workspace:Workspace  workspaces-workspace-carol  [protect, deleteBeforeReplace, "
        "create timeout 90m, delete timeout 30m, update timeout 60m, ignores 6 properties]" in out
    )
    users = out.split("WorkSpaces (4)\n", 1)[1].split("\n\n", 1)[0].splitlines()
    # The key, the same for every WorkSpace, once above the table; the sizes and auto-stop per user.
    assert users[0].split() == ["key", "of", "every", "WorkSpace:", outputs_of(tmp_path)["keyArn"]]
    assert users[1].split() == WORKSPACE_COLUMNS.split()
    rows = {line.split()[0]: line.split()[1:] for line in users[2:]}
    # prod: carol's 175/200 GiB and dave.ops's 120 minutes are overrides; bob is ALWAYS_ON (no auto-stop).
    assert rows == {
        "alice": ["wsb-bh8rsxt14", "STANDARD", "AUTO_STOP", "60", "80", "100", "yes", "yes"],
        "bob": ["wsb-bh8rsxt14", "PERFORMANCE", "ALWAYS_ON", "-", "80", "100", "yes", "yes"],
        "carol": ["wsb-bh8rsxt14", "POWER", "AUTO_STOP", "60", "175", "200", "yes", "yes"],
        "dave.ops": ["wsb-bh8rsxt14", "STANDARD", "AUTO_STOP", "120", "80", "100", "yes", "yes"],
    }
    assert out.count("arn:aws:kms:eu-west-1:123456789012:key/") == 2  # above the table, and keyArn
    assert '"aliasName": "alias/workspaces-prod"' in out
    assert "no finding of MEDIUM or higher" in out


def test_invalid_config_exits_2_with_one_line_per_problem_and_writes_nothing(tmp_path, capsys):
    def break_it(config):
        config["encrypted-workspaces:workspaces"]["users"]["bob"]["runningMode"] = "SOMETIMES"
        config["encrypted-workspaces:key"]["deletionWindowInDays"] = 90
        config["encrypted-workspaces:typo"] = {}

    stack = write_stack(tmp_path, "broken", break_it)
    out = tmp_path / "out"
    code, stdout, err = run_plan(capsys, "--config", str(stack), "--out", str(out))
    assert code == 2
    assert stdout == ""
    assert err.splitlines() == [
        "encrypted-workspaces:key.deletionWindowInDays: out of range: must be less than or equal to 30 (got 90)",  # noqa: E501
        "encrypted-workspaces:workspaces.users.bob.runningMode: must be AUTO_STOP or ALWAYS_ON (got 'SOMETIMES')",  # noqa: E501
        "encrypted-workspaces:typo: unknown key (allowed: tags, key, administrators, directory, workspaces, "
        "ebsDefaultEncryption, alarms)",
    ]
    assert not out.exists()


def test_invalid_config_removes_a_stale_plan_from_an_earlier_run(tmp_path, capsys):
    out = tmp_path / "out"
    assert run_plan(capsys, "--stack", "dev", "--out", str(out))[0] == 0
    stack = write_stack(
        tmp_path, "dev", lambda c: c["encrypted-workspaces:directory"].update(directoryId="x")
    )
    assert run_plan(capsys, "--config", str(stack), "--out", str(out))[0] == 2
    assert not out.exists()  # no stale plan that could be taken for this config's


def test_region_and_account_problems_come_with_the_namespace_problems(tmp_path, capsys):
    def break_it(config):
        del config["aws:allowedAccountIds"]
        config["aws:region"] = "moon-1"
        del config["encrypted-workspaces:directory"]

    code, _, err = run_plan(
        capsys, "--config", str(write_stack(tmp_path, "x", break_it)), "--out", str(tmp_path / "o")
    )
    assert code == 2
    assert [line.split(": ")[0] for line in err.splitlines()] == [
        "aws:region",
        "aws:allowedAccountIds",
        "encrypted-workspaces:directory",
    ]


def test_errors_print_no_traceback_from_the_console_script(tmp_path):
    stack = write_stack(
        tmp_path, "broken", lambda c: c["encrypted-workspaces:key"].update(alias="alias/aws/x")
    )
    result = subprocess.run(
        [str(SCRIPT), "plan", "--config", str(stack), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "encrypted-workspaces:key.alias: the prefix 'alias/aws/' is reserved for AWS managed keys (got 'alias/aws/x')"  # noqa: E501
    ]


def test_unknown_stack_exits_2_with_one_line(capsys):
    code, out, err = run_plan(capsys, "--stack", "nope")
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and "no stack file" in err and "Pulumi.dev.yaml" in err


def test_invalid_yaml_exits_2_naming_the_file_and_line(tmp_path, capsys):
    path = tmp_path / "Pulumi.bad.yaml"
    path.write_text("config:\n  aws:region: [eu\n")
    code, _, err = run_plan(capsys, "--config", str(path), "--out", str(tmp_path / "o"))
    assert code == 2
    assert err.startswith(f"{path}: not valid YAML (line 3")


def test_secure_values_become_placeholders_and_keys_without_namespace_are_the_projects(tmp_path, capsys):
    def add(config):
        tags = config.pop("encrypted-workspaces:tags")
        config["tags"] = {**tags, "ticket": {"secure": "v1:AAAAbase64ciphertext"}}

    out = tmp_path / "o"
    assert run_plan(capsys, "--config", str(write_stack(tmp_path, "sec", add)), "--out", str(out))[0] == 0
    plan = json.loads((out / "plan.json").read_text())
    key = next(r for r in plan["resources"] if r["type"] == "aws:kms/key:Key")
    assert key["inputs"]["tags"] == {"environment": "dev", "team": "end-user-computing", "ticket": "[secret]"}


@pytest.mark.parametrize(
    ("region", "partition"), [("cn-northwest-1", "aws-cn"), ("us-gov-west-1", "aws-us-gov")]
)
def test_arns_in_the_plan_follow_the_partition(tmp_path, capsys, region, partition):
    def move(config):
        config["aws:region"] = region
        for key in ("encrypted-workspaces:key", "encrypted-workspaces:administrators"):
            config[key] = json.loads(json.dumps(config[key]).replace("arn:aws:", f"arn:{partition}:"))

    out = tmp_path / "o"
    assert run_plan(capsys, "--config", str(write_stack(tmp_path, "p", move)), "--out", str(out))[0] == 0
    plan = json.loads((out / "plan.json").read_text())
    assert plan["outputs"]["keyArn"].startswith(f"arn:{partition}:kms:{region}:123456789012:key/")
    role = json.loads((out / "policies" / "workspaces-default-role.json").read_text())
    assert role["Statement"][0]["Principal"] == {"Service": "workspaces.amazonaws.com"}
    key_policy = json.loads((out / "policies" / "workspaces-key.json").read_text())
    assert key_policy["Statement"][0]["Principal"]["AWS"] == f"arn:{partition}:iam::123456789012:root"


BAD_POLICY_PROGRAM = """
import json
import pulumi_aws as aws

# A program that bypasses the component and sends the AWS sample as printed.
aws.iam.Policy("as-printed", policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["kms:ReEncrypt", "wam:CreateWorkspaces"], "Resource": "*"}],
}))
"""


def make_project(tmp_path: Path, program: str) -> Path:
    project = tmp_path / "project"
    (project / "stacks").mkdir(parents=True)
    (project / "Pulumi.yaml").write_text("name: other-project\nruntime: python\nstackConfigDir: stacks\n")
    (project / "__main__.py").write_text(program)
    (project / "stacks" / "Pulumi.test.yaml").write_text(
        "config:\n  aws:region: eu-west-1\n  aws:allowedAccountIds: ['123456789012']\n"
    )
    return project


def test_a_finding_of_medium_or_higher_exits_3_and_still_writes_the_plan(tmp_path, capsys):
    shutil.rmtree(tmp_path / "o", ignore_errors=True)
    project = make_project(tmp_path, BAD_POLICY_PROGRAM)
    code, out, _ = run_plan(
        capsys, "--project-dir", str(project), "--stack", "test", "--out", str(tmp_path / "o")
    )
    assert code == 3
    findings = out.split("Policy findings (parliament, policy_sentry)\n", 1)[1]
    assert "UNKNOWN_ACTION_IN_POLICY_SENTRY" in findings and "kms:ReEncrypt names no action" in findings
    assert "no finding of MEDIUM or higher" not in findings
    assert (tmp_path / "o" / "policies" / "as-printed.json").is_file()
    assert json.loads((tmp_path / "o" / "plan.json").read_text())["project"] == "other-project"


def guardrail_section(out: str) -> list[str]:
    return out.split("Guardrails (policies/workspaces-guardrails)\n", 1)[1].split("\n\n", 1)[0].splitlines()


def test_plan_reports_guardrail_violations_of_a_bypassing_program_and_exits_3(tmp_path, capsys):
    project = make_project(tmp_path, BYPASSING_PROGRAM)
    code, out, _ = run_plan(
        capsys, "--project-dir", str(project), "--stack", "test", "--out", str(tmp_path / "o")
    )
    assert code == 3
    lines = [line.split() for line in guardrail_section(out)]
    mandatory = {(words[1], words[2].rstrip(":")) for words in lines if words[0] == "mandatory"}
    assert mandatory == {
        ("workspaces-volumes-encrypted-with-a-key-arn", "unencrypted"),
        ("workspaces-volumes-encrypted-with-a-key-arn", "alias-keyed"),
    }
    assert any(w[0] == "advisory" and w[1] == "workspaces-create-timeout" for w in lines)


def test_policy_config_can_downgrade_a_rule_and_plan_then_exits_0(tmp_path, capsys):
    project = make_project(tmp_path, BYPASSING_PROGRAM)
    config = tmp_path / "policy-config.json"
    config.write_text(json.dumps({"workspaces-volumes-encrypted-with-a-key-arn": "advisory"}))
    code, out, _ = run_plan(
        capsys,
        "--project-dir",
        str(project),
        "--stack",
        "test",
        "--out",
        str(tmp_path / "o"),
        "--policy-config",
        str(config),
    )
    assert code == 0
    assert all(not line.startswith("mandatory") for line in guardrail_section(out))


def test_invalid_policy_config_exits_2_naming_the_file_and_rule(tmp_path, capsys):
    config = tmp_path / "policy-config.json"
    config.write_text(json.dumps({"workspaces-kms-key-compliant": {"allowedKey": []}}))
    code, out, err = run_plan(
        capsys, "--stack", "dev", "--out", str(tmp_path / "o"), "--policy-config", str(config)
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"{config}: workspaces-kms-key-compliant.allowedKey: ")
    assert not (tmp_path / "o").exists()


def test_the_dev_plan_reports_no_guardrail_violation(tmp_path, capsys):
    code, out, _ = run_plan(capsys, "--stack", "dev", "--out", str(tmp_path))
    assert code == 0
    assert guardrail_section(out) == ["  no violation"]


def test_problems_of_the_policy_config_and_the_stack_file_come_together(tmp_path, capsys):
    policy_config = tmp_path / "policy-config.json"
    policy_config.write_text(json.dumps({"no-such-rule": {}}))
    stack = write_stack(
        tmp_path, "both", lambda c: c["encrypted-workspaces:directory"].update(directoryId="x")
    )
    code, _, err = run_plan(
        capsys, "--config", str(stack), "--policy-config", str(policy_config), "--out", str(tmp_path / "o")
    )
    assert code == 2
    assert [line.split(": ")[0] for line in err.splitlines()] == [
        str(policy_config),
        "encrypted-workspaces:directory.directoryId",
    ]


def test_without_out_a_stack_file_plans_into_build_plan_named_after_its_stack(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    stack = write_stack(tmp_path, "review", None)
    assert run_plan(capsys, "--config", str(stack), "--project-dir", str(PROJECT))[0] == 0
    assert (tmp_path / "build" / "plan" / "review" / "plan.json").is_file()
    broken = write_stack(
        tmp_path, "review", lambda c: c["encrypted-workspaces:directory"].update(directoryId="x")
    )
    assert run_plan(capsys, "--config", str(broken), "--project-dir", str(PROJECT))[0] == 2
    assert not (tmp_path / "build" / "plan" / "review").exists()  # the stale plan of that stack is gone


def test_a_guardrail_finding_on_every_workspace_is_said_once_and_the_exit_code_explained(tmp_path, capsys):
    def rotation_off_for_44_users(config):
        key = config["encrypted-workspaces:key"]
        key["enableKeyRotation"] = False
        del key["rotationPeriodInDays"]
        config["encrypted-workspaces:workspaces"]["users"] = {f"user{n:02d}": {} for n in range(44)}

    stack = write_stack(tmp_path, "fleet", rotation_off_for_44_users)
    code, out, _ = run_plan(capsys, "--config", str(stack), "--out", str(tmp_path / "o"))
    assert code == 3
    section = guardrail_section(out)
    rotation = "automatic key rotation off"
    assert [line for line in section if rotation in line] == [
        f"  mandatory workspaces-kms-key-compliant  all 44 WorkSpaces: key workspaces-key has {rotation}"
    ]
    named = " ".join(section[1:]).replace("users:", "").replace(",", " ").split()
    assert named == [f"user{n:02d}" for n in range(44)]
    assert out.rstrip().splitlines()[-1] == (
        "Exit 3: 1 mandatory guardrail violation (workspaces-kms-key-compliant on all 44 WorkSpaces)"
    )
