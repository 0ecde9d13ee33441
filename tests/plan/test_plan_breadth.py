"""plan with the breadth keys: every refusal is exit 2 at its key path with nothing written; a stack
using them all plans the same bytes twice, says what it assumed offline, and records the import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.plan.test_plan_cli import DEV, run_plan

NS = "encrypted-workspaces:"
OTHER_KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def breadth_stack(tmp_path: Path, mutate=None, name: str = "breadth") -> Path:
    """The dev stack with an existing key, bundles by name, an IP group, EBS default encryption, the
    alarm and one adopted WorkSpace."""
    document = yaml.safe_load(DEV.read_text())
    config = document["config"]
    config[f"{NS}key"] = {"existing": "alias/shared-workspaces"}
    config[f"{NS}directory"]["ipGroups"] = {
        "offices": {
            "description": "Office networks",
            "rules": [{"source": "203.0.113.0/24", "description": "Berlin"}],
        }
    }
    workspaces = config[f"{NS}workspaces"]
    del workspaces["defaults"]["bundleId"]
    workspaces["defaults"]["bundleName"] = "Standard with Windows 10 (Server 2019 based)"
    workspaces["users"]["carol"] = {"importId": "ws-0123456789"}
    config[f"{NS}ebsDefaultEncryption"] = True
    config[f"{NS}alarms"] = {"topicArn": "arn:aws:sns:eu-west-1:123456789012:security-alerts"}
    if mutate:
        mutate(config)
    path = tmp_path / f"Pulumi.{name}.yaml"
    path.write_text(yaml.safe_dump(document))
    return path


def _at(*path: str, value):
    def mutate(config: dict) -> None:
        node = config[f"{NS}{path[0]}"]
        for part in path[1:-1]:
            node = node.setdefault(part, {})
        if value is _DELETE:
            del node[path[-1]]
        else:
            node[path[-1]] = value

    return mutate


_DELETE = object()
RULES = {"source": "192.0.2.0/24"}

# (case, mutation of the breadth stack, the key path the line starts with, a fragment of the line)
REFUSALS = [
    (
        "the AWS managed key",
        _at("key", "existing", value="alias/aws/workspaces"),
        "key.existing",
        "customer managed",
    ),
    (
        "an AWS managed alias ARN",
        _at("key", "existing", value="arn:aws:kms:eu-west-1:123456789012:alias/aws/ebs"),
        "key.existing",
        "must be a customer managed key",
    ),
    ("not a key", _at("key", "existing", value="my-key"), "key.existing", "must be a KMS key ARN"),
    (
        "a key in another region",
        _at("key", "existing", value=OTHER_KEY.replace("eu-west-1", "us-east-1")),
        "key.existing",
        "in the stack's partition and region, arn:aws:...:eu-west-1:",
    ),
    (
        "a key in another partition",
        _at("key", "existing", value=OTHER_KEY.replace("arn:aws:", "arn:aws-cn:")),
        "key.existing",
        "in the stack's partition and region",
    ),
    (
        "a created key's alias beside existing",
        _at("key", "alias", value="alias/workspaces-dev"),
        "key.alias",
        "applies only to a key this stack creates",
    ),
    (
        "a created key's rotation beside existing",
        _at("key", "rotationPeriodInDays", value=365),
        "key.rotationPeriodInDays",
        "applies only to a key this stack creates",
    ),
    (
        "key users beside existing",
        _at("key", "users", value=[]),
        "key.users",
        "applies only to a key this stack creates",
    ),
    (
        "no existing key and no key administrators",
        _at("key", "existing", value=_DELETE),
        "key.administrators",
        "required",
    ),
    (
        "bundleId and bundleName in the defaults",
        _at("workspaces", "defaults", "bundleId", value="wsb-bh8rsxt14"),
        "workspaces.defaults",
        "bundleId and bundleName: give exactly one of the two (got both)",
    ),
    (
        "neither bundleId nor bundleName",
        _at("workspaces", "defaults", "bundleName", value=_DELETE),
        "workspaces.defaults",
        "bundleId and bundleName: give exactly one of the two (got neither)",
    ),
    (
        "bundleId and bundleName in a user's block",
        _at("workspaces", "users", "bob", value={"bundleId": "wsb-bh8rsxt14", "bundleName": "Power"}),
        "workspaces.users.bob",
        "bundleId and bundleName: give exactly one of the two (got both)",
    ),
    (
        "bundleOwner with a bundleId",
        _at("workspaces", "users", "bob", value={"bundleId": "wsb-bh8rsxt14", "bundleOwner": "ACCOUNT"}),
        "workspaces.users.bob.bundleOwner",
        "applies to bundleName only",
    ),
    (
        "an unknown bundle owner",
        _at("workspaces", "defaults", "bundleOwner", value="123456789012"),
        "workspaces.defaults.bundleOwner",
        "must be AMAZON or ACCOUNT",
    ),
    (
        "an empty bundle name",
        _at("workspaces", "defaults", "bundleName", value=""),
        "workspaces.defaults.bundleName",
        "at least 1 characters",
    ),
    *[
        (
            f"IP rule source {source!r}",
            _at("directory", "ipGroups", "offices", "rules", value=[RULES, {"source": source}]),
            "directory.ipGroups.offices.rules.1.source",
            "must be an IPv4 range in CIDR notation",
        )
        for source in ("10.0.0.0/33", "office", "203.0.113.5", "2001:db8::/32", "256.0.0.0/8", "10.0.0.0/-1")
    ],
    (
        "eleven rules in a group",
        _at("directory", "ipGroups", "offices", "rules", value=[RULES] * 11),
        "directory.ipGroups.offices.rules",
        "at most 10 entries (got 11)",
    ),
    (
        "twenty-six groups",
        _at("directory", "ipGroups", value={f"g{i}": {"rules": [RULES]} for i in range(26)}),
        "directory.ipGroups",
        "at most 25 entries (got 26)",
    ),
    (
        "a typo in an IP rule",
        _at("directory", "ipGroups", "offices", "rules", value=[{"source": "192.0.2.0/24", "desc": "x"}]),
        "directory.ipGroups.offices.rules.0.desc",
        "unknown key (allowed: source, description)",
    ),
    (
        "a topic ARN that is not one",
        _at("alarms", "topicArn", value="security-alerts"),
        "alarms.topicArn",
        "must be an SNS topic ARN",
    ),
    (
        "a topic in another region",
        _at("alarms", "topicArn", value="arn:aws:sns:us-east-1:123456789012:security-alerts"),
        "alarms.topicArn",
        "in the stack's partition and region",
    ),
    (
        "a topic in another account",
        _at("alarms", "topicArn", value="arn:aws:sns:eu-west-1:210987654321:security-alerts"),
        "alarms.topicArn",
        "in the stack's account 123456789012",
    ),
    (
        "a short WorkSpace id",
        _at("workspaces", "users", "carol", "importId", value="ws-0123"),
        "workspaces.users.carol.importId",
        "must be a WorkSpace id",
    ),
    (
        "an instance id as WorkSpace id",
        _at("workspaces", "users", "carol", "importId", value="i-0123456789abcdef0"),
        "workspaces.users.carol.importId",
        "must be a WorkSpace id",
    ),
    (
        "one WorkSpace adopted by two users",
        _at("workspaces", "users", "dave", value={"importId": "ws-0123456789"}),
        "workspaces.users.dave.importId",
        "ws-0123456789 is adopted by carol already",
    ),
    (
        "ebsDefaultEncryption not a boolean",
        lambda config: config.update({f"{NS}ebsDefaultEncryption": "maybe"}),
        "ebsDefaultEncryption",
        "must be true or false",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "path", "fragment"), REFUSALS, ids=[c[0] for c in REFUSALS])
def test_each_refusal_is_exit_2_at_its_key_path_and_writes_nothing(
    tmp_path, capsys, case, mutate, path, fragment
):
    out = tmp_path / "out"
    code, stdout, err = run_plan(capsys, "--config", str(breadth_stack(tmp_path, mutate)), "--out", str(out))
    assert (code, stdout) == (2, "")
    lines = err.splitlines()
    matching = [line for line in lines if line.startswith(f"{NS}{path}: ")]
    assert matching, lines
    assert any(fragment in line for line in matching), matching
    assert not out.exists()


def test_the_breadth_stack_plans_the_same_bytes_twice_and_says_what_it_assumed(tmp_path, capsys):
    stack = breadth_stack(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    code, out_first, err = run_plan(capsys, "--config", str(stack), "--out", str(first))
    assert (code, err) == (0, "")
    code, out_second, _ = run_plan(capsys, "--config", str(stack), "--out", str(second))
    assert code == 0
    assert out_first.replace(str(first), "DIR") == out_second.replace(str(second), "DIR")
    assert (first / "plan.json").read_bytes() == (second / "plan.json").read_bytes()

    plan = json.loads((first / "plan.json").read_text())
    key_arn = plan["outputs"]["keyArn"]
    bundle = next(r for r in plan["resources"] if r["name"] == "workspaces-workspace-alice")["inputs"][
        "bundleId"
    ]
    assumed = out_first.split("\nAssumed offline (2 look-ups)\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert assumed == [
        f"  key alias/shared-workspaces is {key_arn}: assumed to exist as an enabled symmetric customer "
        "managed key (AWS answers under pulumi up)",
        f"  bundle 'Standard with Windows 10 (Server 2019 based)' of AMAZON is {bundle}: the id is derived "
        "from the name (AWS answers under pulumi up)",
    ]
    guardrails = out_first.split("\nGuardrails (policies/workspaces-guardrails)\n", 1)[1].split("\n\n", 1)[0]
    assert guardrails.splitlines() == [
        f"  allowed: key {key_arn}, because the stack names it (alias/shared-workspaces); it is outside the "
        "stack, so its policy and rotation are not checked: under pulumi up, list its ARN in allowedKeys",
        "  no violation",
    ]
    imports = {r["name"]: r["options"]["import"] for r in plan["resources"] if r["options"]["import"]}
    assert imports == {"workspaces-workspace-carol": "ws-0123456789"}


@pytest.mark.parametrize(
    ("allowed", "code"), [(["alias/shared-workspaces"], 0), ([OTHER_KEY], 3)], ids=["listed", "not listed"]
)
def test_an_allowed_keys_list_decides_whether_the_existing_key_may_be_used(tmp_path, capsys, allowed, code):
    policy_config = tmp_path / "guardrails.json"
    policy_config.write_text(json.dumps({"workspaces-kms-key-compliant": {"allowedKeys": allowed}}))
    out = tmp_path / "out"
    args = [
        "--config",
        str(breadth_stack(tmp_path)),
        "--out",
        str(out),
        "--policy-config",
        str(policy_config),
    ]
    result, stdout, _ = run_plan(capsys, *args)
    assert result == code
    violations = [line for line in stdout.splitlines() if "workspaces-kms-key-compliant  " in line]
    # The key is every WorkSpace's: one line says so, counting them.
    assert violations == ([] if code == 0 else [violations[0]])
    assert code == 0 or "workspaces-kms-key-compliant  all 3 WorkSpaces: key " in violations[0]
