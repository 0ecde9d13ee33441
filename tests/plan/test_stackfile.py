"""The stack file's config keys as Pulumi parses them, the provider settings, and one line per problem."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from encrypted_workspaces.errors import ConfigError, one_line
from encrypted_workspaces.plan.stackfile import config_key, read_stack_file

DEV = Path(__file__).resolve().parents[2] / "stacks" / "Pulumi.dev.yaml"
PROJECT = "encrypted-workspaces"


def problems(tmp_path: Path, mutate) -> list[str]:
    document = yaml.safe_load(DEV.read_text())
    mutate(document["config"])
    path = tmp_path / "Pulumi.t.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    with pytest.raises(ConfigError) as raised:
        read_stack_file(path, PROJECT, stopping=True)
    return raised.value.problems


@pytest.mark.parametrize(
    ("key", "full"),
    [
        ("tags", "encrypted-workspaces:tags"),
        ("aws:region", "aws:region"),
        ("aws:config:region", "aws:region"),
    ],
)
def test_config_keys_as_pulumi_parses_them(key, full):
    assert config_key(key, PROJECT) == full


@pytest.mark.parametrize("key", ["a:b:c", "a:b:c:d", "aws:conf:region"])
def test_keys_pulumi_cannot_parse_are_refused(tmp_path, key):
    lines = problems(tmp_path, lambda c: c.update({key: 1}))
    assert f"{key}: not a config key: Pulumi reads `<namespace>:<name>`" in lines[0]


def test_a_key_given_bare_and_with_its_namespace_is_refused(tmp_path):
    lines = problems(tmp_path, lambda c: c.update({"tags": {"a": "b"}}))
    assert lines == [
        "encrypted-workspaces:tags: is given twice, as 'encrypted-workspaces:tags' and as 'tags'"
    ]


def test_an_unquoted_account_id_is_refused_saying_quote_it(tmp_path):
    (line,) = problems(tmp_path, lambda c: c.update({"aws:allowedAccountIds": [123456789012]}))
    assert line.startswith("aws:allowedAccountIds: ") and "quote it" in line


@pytest.mark.parametrize("region", ["moon-1", "eu-north-1", "cn-north-1", "EU-WEST-1", "eu-west-١"])
def test_regions_without_workspaces_or_unknown_are_refused(tmp_path, region):
    (line, *_) = problems(tmp_path, lambda c: c.update({"aws:region": region}))
    assert line.startswith("aws:region: ")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\nb", "a\\x0ab"),
        ("a\x1eb", "a\\x1eb"),
        ("a\u2028b", "a\\u2028b"),
        ("\u202eevil", "\\u202eevil"),
        ("é 李", "é 李"),
    ],
)
def test_a_problem_is_always_one_line(text, shown):
    assert one_line(text) == shown
    assert ConfigError([text]).problems == [shown]
    assert len(str(ConfigError([text, text])).splitlines()) == 2
