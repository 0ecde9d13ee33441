"""WorkSpaces user names are the directory's logon names (sAMAccountName): the characters Microsoft
documents as invalid there are refused; what depends on the directory's type is a warning (issue 18,
item 3). The botocore limit, 1..63, stays."""

from __future__ import annotations

import pytest

from encrypted_workspaces.aws.logon_names import SAM_ACCOUNT_NAME_INVALID_CHARACTERS
from encrypted_workspaces.config import ConfigError, validate_args
from encrypted_workspaces.config.warnings import config_warnings
from encrypted_workspaces.naming import logical_user_part
from tests.conftest import set_at, valid_namespace
from tests.plan.test_plan_cli import run_plan, write_stack

NS = "encrypted-workspaces:"


def with_users(*names: str) -> dict:
    config = valid_namespace()
    set_at("workspaces.users", {name: {} for name in names})(config)
    return config


def problems_of(config: dict) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        validate_args(config)
    return raised.value.problems


def test_a_domain_prefix_is_refused_with_the_reason():
    (line,) = problems_of(with_users("ACME\\zoe"))
    assert line.startswith(f"{NS}workspaces.users.ACME\\zoe: ")
    assert "sAMAccountName" in line and "'\\\\'" in line
    assert "domain" in line and "zoe" in line  # what to write instead


@pytest.mark.parametrize("character", list(SAM_ACCOUNT_NAME_INVALID_CHARACTERS))
def test_each_character_microsoft_documents_as_invalid_is_refused(character):
    (line,) = problems_of(with_users(f"a{character}b"))
    assert line.startswith(f"{NS}workspaces.users.a{character}b: ")
    assert "logon names (sAMAccountName), which cannot contain" in line


def test_the_invalid_characters_are_microsofts_list():
    # https://learn.microsoft.com/en-us/windows/win32/adschema/a-samaccountname
    assert sorted(SAM_ACCOUNT_NAME_INVALID_CHARACTERS) == sorted('"/\\[]:;|=,+*?<>')


@pytest.mark.parametrize(
    "name",
    [
        "alice",
        "o'brien",
        "alice smith",
        "José",
        "李雷",
        "dave.ops",
        "a_b-c",
        "alice@corp",  # '@': not in Microsoft's list
        "!#$%^&~`(){}",
        "u" * 63,  # botocore's limit: a warning, not a refusal (below)
        "bob.",  # a warning, not a refusal (below)
    ],
)
def test_what_a_directory_may_hold_is_accepted(name):
    validate_args(with_users(name))


def test_the_botocore_limit_stays():
    assert problems_of(with_users("u" * 64)) == [
        f"{NS}workspaces.users.{'u' * 64}: user names are 1 to 63 characters (got 64)"
    ]


def test_a_name_to_replace_with_an_invalid_character_is_not_a_user():
    config = with_users("zoe")
    config["workspaces"]["replace"] = ["ACME\\zoe"]
    (line,) = problems_of(config)
    assert line.startswith(f"{NS}workspaces.replace.0: not a user under workspaces.users")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("a" * 21, "21 characters"),
        ("u" * 63, "63 characters"),
        ("bob.", "ends in a period"),
    ],
)
def test_rules_that_depend_on_the_directory_type_are_warnings(name, fragment):
    args = validate_args(with_users("alice", name))
    (line,) = config_warnings(args)
    assert line.startswith(f"{NS}workspaces.users.{name}: ")
    assert fragment in line and "depends on the directory" in line


def test_names_within_every_rule_warn_of_nothing():
    assert config_warnings(validate_args(with_users("alice", "a" * 20, "dave.ops"))) == []


def test_names_accepted_before_keep_their_logical_names():
    # Only names with a character Microsoft documents as invalid are refused now; every other name
    # keeps the logical name it had.
    assert logical_user_part("dave.ops") == "dave.ops"
    assert logical_user_part("alice smith").startswith("alice-smith-")
    with pytest.raises(ValueError, match="sAMAccountName"):
        logical_user_part("a/b")


def test_plan_prints_the_warnings_and_exits_0(tmp_path, capsys):
    def long_name(config):
        config[f"{NS}workspaces"]["users"]["a.very.long.user.name"] = {}

    code, out, err = run_plan(
        capsys, "--config", str(write_stack(tmp_path, "t", long_name)), "--out", str(tmp_path / "o")
    )
    assert (code, err) == (0, "")
    assert "\nConfig warnings\n" in out
    assert f"  {NS}workspaces.users.a.very.long.user.name: 21 characters" in out


def test_plan_refuses_a_domain_prefix_with_exit_2(tmp_path, capsys):
    def domain_prefix(config):
        config[f"{NS}workspaces"]["users"]["ACME\\zoe"] = {}

    code, out, err = run_plan(
        capsys, "--config", str(write_stack(tmp_path, "t", domain_prefix)), "--out", str(tmp_path / "o")
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"{NS}workspaces.users.ACME\\zoe: ")


def test_pulumi_up_logs_the_warnings_through_the_engine(caplog):
    from encrypted_workspaces.offline.runner import simulate
    from tests.conftest import ACCOUNT_ID, REGION, flat_config

    with caplog.at_level("WARNING"):
        simulate(
            stack="test",
            config=flat_config(with_users("alice", "bob.")),
            account_id=ACCOUNT_ID,
            region=REGION,
        )
    assert [r.getMessage() for r in caplog.records if "workspaces.users" in r.getMessage()] == [
        f"{NS}workspaces.users.bob.: ends in a period, which Windows account names cannot; whether the "
        "directory holds it depends on the directory: check that the user exists as written"
    ]
