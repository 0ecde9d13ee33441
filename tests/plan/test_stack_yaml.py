"""Stack files read as Pulumi (yaml.v3) reads them; what it refuses or reads differently is refused."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from encrypted_workspaces.cli import main
from encrypted_workspaces.errors import ConfigError
from encrypted_workspaces.plan.stack_yaml import MAX_DEPTH, load_yaml

DEV = Path(__file__).resolve().parents[2] / "stacks" / "Pulumi.dev.yaml"


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "Pulumi.t.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_yaml(path, project="encrypted-workspaces")


def refused(tmp_path: Path, text: str | bytes) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        load(tmp_path, text)
    assert all("Traceback" not in line for line in raised.value.problems)
    return raised.value.problems


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("42", 42),
        ("-7", -7),
        ("0x1F", 31),
        ("0o17", 15),
        ("017", 15),  # Go's ParseInt(s, 0, 64): a leading 0 is octal
        ("0b101", 5),
        ("1_000", 1000),
        ("1.5", 1.5),
        ("1e3", 1000.0),  # YAML 1.2 and yaml.v3: a number; PyYAML: text
        ("08", 8.0),  # not octal, so yaml.v3's float pattern
        ("99999999999999999999", 1e20),  # past uint64: a float, as yaml.v3 gives
        ("y", "y"),
        ("n", "n"),
        ("eu-west-1", "eu-west-1"),
        ("90m", "90m"),
        ("wsb-bh8rsxt14", "wsb-bh8rsxt14"),
    ],
)
def test_plain_scalars_resolve_as_yaml_v3_resolves_them(tmp_path, scalar, value):
    assert load(tmp_path, f"a: {scalar}\n") == {"a": value}


@pytest.mark.parametrize(
    ("scalar", "reading"),
    [
        ("yes", "the boolean true"),
        ("No", "the boolean false"),
        ("on", "the boolean true"),
        ("OFF", "the boolean false"),
        ("2:00", "a base-60 number"),
        ("1:30:00", "a base-60 number"),
        ("2024-01-01", "a date"),
        ("2024-01-01T10:00:00Z", "timestamp"),
        ("2001-12-14 21:59:43.10 -5", "timestamp"),
    ],
)
def test_a_scalar_yaml_1_1_reads_otherwise_is_refused_at_its_key_saying_quote_it(tmp_path, scalar, reading):
    (line,) = refused(tmp_path, f"config:\n  encrypted-workspaces:tags:\n    team: {scalar}\n")
    assert line.startswith("encrypted-workspaces:tags.team: ")
    assert reading in line and f"quote it ('{scalar}')" in line and "(line 3)" in line


@pytest.mark.parametrize("scalar", ["'yes'", '"2:00"', "!!str on", "'2024-01-01'"])
def test_the_same_scalars_quoted_are_text(tmp_path, scalar):
    assert isinstance(load(tmp_path, f"a: {scalar}\n")["a"], str)


def test_an_ambiguous_key_is_refused_too(tmp_path):
    (line,) = refused(tmp_path, "config:\n  encrypted-workspaces:workspaces:\n    users:\n      on: {}\n")
    assert line.startswith("encrypted-workspaces:workspaces.users.on: the key 'on'")


def test_a_key_given_twice_anywhere_is_refused(tmp_path):
    text = "config:\n  aws:region: eu-west-1\n  encrypted-workspaces:key:\n    alias: a\n    alias: b\n"
    (line,) = refused(tmp_path, text)
    assert line == "encrypted-workspaces:key.alias: the key 'alias' is given twice (first on line 4) (line 5)"


@pytest.mark.parametrize("key", ["1", "true", "null", "1.5", "[a, b]", "{a: b}"])
def test_keys_must_be_strings(tmp_path, key):
    (line,) = [p for p in refused(tmp_path, f"config:\n  ? {key}\n  : x\n") if "keys must be strings" in p]
    assert "line 2" in line and "quote it" in line


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!timestamp 2020-01-01", "!!timestamp"),
        ("!!omap [a: 1]", "!!omap"),
        ("!!pairs [a: 1]", "!!pairs"),
        ("!!python/object:os.system x", "!!python/object:os.system"),
        ("!Ref Other", "!Ref"),
    ],
)
def test_types_with_no_json_form_are_refused(tmp_path, value, tag):
    (line,) = refused(tmp_path, f"config:\n  p:x: {value}\n")
    assert line.startswith(f"p:x: the tag {tag} has no JSON form")


@pytest.mark.parametrize("value", [".inf", "-.Inf", ".nan", "!!int abc", "!!bool maybe", "!!float x"])
def test_numbers_json_cannot_hold_and_tags_that_do_not_fit_are_refused(tmp_path, value):
    (line,) = refused(tmp_path, f"config:\n  p:x: {value}\n")
    assert line.startswith("p:x: ")


def test_merge_keys_work_and_explicit_keys_win(tmp_path):
    text = "base: &b {x: 1, z: 2}\nconfig:\n  p:k:\n    <<: *b\n    x: 3\n"
    assert load(tmp_path, text)["config"] == {"p:k": {"x": 3, "z": 2}}


def test_aliases_within_reason_are_fine(tmp_path):
    users = "".join(f"    u{i}: *d\n" for i in range(2000))
    document = load(
        tmp_path, f"defaults: &d {{computeTypeName: STANDARD, runningMode: AUTO_STOP}}\nusers:\n{users}"
    )
    assert len(document["users"]) == 2000


def billion_laughs(levels: int = 9) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_fast_in_bounded_memory(tmp_path):
    tracemalloc.start()
    started = time.perf_counter()
    (line,) = refused(tmp_path, billion_laughs())
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "excessive aliasing" in line
    assert elapsed < 2 and peak < 50 * 2**20


def test_a_collection_that_contains_itself_is_refused(tmp_path):
    (line,) = refused(tmp_path, "config:\n  p:x: &a [1, *a]\n")
    assert "contains itself" in line


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 5_000, 200_000])
def test_deep_nesting_is_refused_fast_without_a_recursion_error(tmp_path, depth):
    started = time.perf_counter()
    (line,) = refused(tmp_path, "config:\n  p:x: " + "[" * depth + "]" * depth + "\n")
    assert time.perf_counter() - started < 2
    assert "nested" in line or "nesting depth" in line


def test_block_nesting_too(tmp_path):
    (line,) = refused(
        tmp_path, "config:\n  p:x:\n" + "".join("  " * (i + 2) + f"k{i}:\n" for i in range(100))
    )
    assert "nested more than 64 levels" in line


def test_a_file_that_is_not_utf8_is_refused_naming_the_file(tmp_path):
    (line,) = refused(tmp_path, "config:\n  p:x: café\n".encode("latin-1"))
    expected = "is not UTF-8 (byte 0xe9 at offset 18); Pulumi reads stack files as UTF-8"
    assert line == f"{tmp_path / 'Pulumi.t.yaml'}: {expected}"


def test_a_bom_and_crlf_line_ends_are_accepted_as_pulumi_accepts_them(tmp_path, capsys):
    text = DEV.read_bytes().replace(b"\n", b"\r\n")
    stack = tmp_path / "Pulumi.crlf.yaml"
    stack.write_bytes(b"\xef\xbb\xbf" + text)
    assert main(["plan", "--config", str(stack), "--out", str(tmp_path / "o")]) == 0
    assert load_yaml(stack) == load_yaml(DEV)


def test_plan_reports_yaml_problems_with_the_namespace_problems_none_hidden(tmp_path, capsys):
    text = (
        DEV.read_text()
        .replace("consoleAccess: true", "consoleAccess: yes")
        .replace("createTimeout: 90m", "createTimeout: 90m\n    createTimeout: 2h")
    )
    stack = tmp_path / "Pulumi.y.yaml"
    stack.write_text(text)
    assert main(["plan", "--config", str(stack), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0] for line in err] == [
        "encrypted-workspaces:administrators.consoleAccess",
        "encrypted-workspaces:workspaces.createTimeout",
    ]
