"""Property: whatever a stack file holds, plan ends in exit 0 (a plan), exit 3 (a plan with a guardrail
finding: a config AWS accepts but the pack flags, such as enableKeyRotation: false) or exit 2 (one
line per problem, each starting with a key path or a file name), never exit 1 and never a traceback.

Stack files are made by mutating the valid dev stack: a value replaced by one of the wrong type, out of
range, of odd characters or odd YAML; a key removed, renamed or added; or the YAML text itself cut,
re-indented, given odd scalars, tags, anchors, tabs, a BOM, CRLF or bytes that are not UTF-8.

The fast profile runs in `make test`; the long one is ``EW_FUZZ_EXAMPLES=1000 .venv/bin/python -m
pytest -q tests/plan/test_fuzz.py`` (see docs/development.md, "Fuzzing the stack file").
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from encrypted_workspaces.cli import main

DEV = Path(__file__).resolve().parents[2] / "stacks" / "Pulumi.dev.yaml"
PROD = Path(__file__).resolve().parents[2] / "stacks" / "Pulumi.prod.yaml"
# make test: 150 examples per strategy, the same every run; EW_FUZZ_EXAMPLES=1000: the long profile,
# new examples every run.
LONG_PROFILE = "EW_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("EW_FUZZ_EXAMPLES", "150"))
# A problem line: `<namespace>:<key path>: …`, `--flag: …` or `<file>: …`.
KEY_PATH_LINE = re.compile(r"(?:[^\s:]+:[^\n]*?|--[a-z-]+): \S")

ODD_STRINGS = [
    "",
    " ",
    "yes",
    "no",
    "on",
    "off",
    "~",
    "null",
    "2:00",
    "2024-01-01",
    "0x1F",
    "017",
    "1e3",
    ".inf",
    "-",
    "[secret]",
    "arn:aws:iam::123456789012:role/",
    "arn:aws-cn:iam::123456789012:role/Other",
    "arn:aws:iam::210987654321:role/Other",
    "arn:aws:iam::12345678901:role/R",
    "arn:aws:iam::123456789012:role/" + "r" * 70,
    "alias/aws/x",
    "alias/" + "a" * 260,
    "wsb-bh8rsxt1",
    "d-123456789",
    "subnet-0123456789abcdef",
    "sg-0123456789abcdef0",
    "OU=,DC=a",
    "OU=W,DC=a,DC=b",
    "-90m",
    "1.5h",
    "2562048h",
    "١٢٠m",
    "Zoë",
    "李雷",
    "😀" * 40,
    "a\tb",
    "a\x00b",
    "\u202e",
    "aws:x",
    "Owner",
    "\\",
    "'",
    '"',
    "{",
    "ALLOW",
    "GRAPHICS",
    "ALWAYS_ON",
]
values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from(
            [0, -1, 5, 10, 50, 60, 80, 100, 175, 2000, 2001, 2**31 - 1, 2**31, 2**63, -(2**63) - 1]
        ),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(ODD_STRINGS),
        st.text(max_size=20),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=70),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(ODD_STRINGS) | st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=8,
)

ODD_YAML = [
    "yes",
    "off",
    "~",
    "2:00",
    "2001-12-14t21:59:43.10-05:00",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!timestamp 2020-01-01",
    "!Ref x",
    "&a [1, *a]",
    "*nowhere",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "{a: 1, a: 2}",
    "\t1",
    "'unterminated",
    '"\\x"',
    ".nan",
    "0o17",
    "1_000",
    "!!int 0x",
    "? [a]\n  : b",
    "|\n  text",
    ">-\n  folded",
    "!!float 1",
    "{secure: v1:abc}",
    "[]",
    "{}",
    "",
]


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _breadth() -> dict:
    """The dev stack with every optional key the stack files show commented out, turned on."""
    document = yaml.safe_load(DEV.read_text())
    config = document["config"]
    config["encrypted-workspaces:directory"]["ipGroups"] = {
        "offices": {
            "description": "Office networks",
            "rules": [{"source": "203.0.113.0/24", "description": "Berlin"}, {"source": "198.51.100.7/32"}],
        }
    }
    workspaces = config["encrypted-workspaces:workspaces"]
    workspaces["users"]["carol"] = {"importId": "ws-0123456789"}
    workspaces["users"]["dave"] = {"bundleName": "Standard with Windows 10 (Server 2019 based)"}
    workspaces["replace"] = ["bob"]
    config["encrypted-workspaces:ebsDefaultEncryption"] = True
    config["encrypted-workspaces:alarms"] = {"topicArn": "arn:aws:sns:eu-west-1:123456789012:security-alerts"}
    return document


BASES = [yaml.safe_load(DEV.read_text()), yaml.safe_load(PROD.read_text()), _breadth()]


def _parent(document: dict, path: tuple) -> tuple[Any, Any]:
    node = document
    for part in path[:-1]:
        node = node[part]
    return node, path[-1]


@st.composite
def structured_stack(draw) -> bytes:
    """The stack document with a few values replaced, keys removed, renamed or added; dumped as YAML."""
    document = json.loads(json.dumps(draw(st.sampled_from(BASES))))
    for _ in range(draw(st.integers(1, 3))):
        if not isinstance(document.get("config"), dict):
            break
        paths = _paths(document["config"], ("config",))
        path = draw(st.sampled_from(paths))
        parent, last = _parent(document, path)
        action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "rename", "add"]))
        if action == "replace":
            parent[last] = draw(values)
        elif action == "delete":
            del parent[last]
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(st.sampled_from(ODD_STRINGS) | st.text(max_size=8))] = parent.pop(last)
        elif action == "add" and isinstance(parent[last], dict):
            parent[last][draw(st.sampled_from(ODD_STRINGS) | st.text(max_size=8))] = draw(values)
    return yaml.safe_dump(document, allow_unicode=True).encode("utf-8", "surrogatepass")


@st.composite
def textual_stack(draw) -> bytes:
    """The stack file's text with lines cut, re-indented or given odd YAML; odd bytes and line ends."""
    lines = draw(st.sampled_from([DEV, PROD])).read_text().splitlines()
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        action = draw(
            st.sampled_from(["scalar", "scalar", "scalar", "indent", "delete", "duplicate", "insert"])
        )
        if action == "scalar" and ":" in line:
            key = (
                line.split(":", 1)[0]
                if not line.lstrip().startswith("aws:")
                else ":".join(line.split(":")[:2])
            )
            lines[index] = f"{key}: {draw(st.sampled_from(ODD_YAML))}"
        elif action == "indent":
            lines[index] = " " * draw(st.integers(0, 8)) + line.lstrip()
        elif action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "insert":
            lines.insert(index, draw(st.sampled_from(ODD_YAML) | st.text(max_size=30)))
    text = "\n".join(lines) + "\n"
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    data = text.replace("\n", ending).encode("utf-8", "surrogatepass")
    prefix = draw(st.sampled_from([b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00"]))
    return prefix + data


def plan_of(data: bytes) -> tuple[int, str, str, str, bool]:
    """(exit code, stdout, stderr, the stack file's name, whether plan.json was written)."""
    with tempfile.TemporaryDirectory() as scratch:
        stack = Path(scratch) / "Pulumi.fuzz.yaml"
        stack.write_bytes(data)
        out = Path(scratch) / "out"
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["plan", "--config", str(stack), "--out", str(out)])
        return code, stdout.getvalue(), stderr.getvalue(), str(stack), (out / "plan.json").is_file()


def check(data: bytes) -> None:
    code, stdout, stderr, stack, wrote = plan_of(data)
    event(f"exit {code}")
    assert "Traceback" not in stderr and "Traceback" not in stdout
    assert code in (0, 2, 3), f"exit {code}: {stderr}\n--- stack file:\n{data.decode('utf-8', 'replace')}"
    if code == 2:
        lines = stderr.splitlines()
        assert lines and stdout == ""
        bad = [line for line in lines if not (line.startswith(f"{stack}: ") or KEY_PATH_LINE.match(line))]
        assert not bad, f"lines without a key path: {bad}"
        assert not wrote
    else:
        assert stderr == "" and wrote
        if code == 3:
            assert "mandatory " in stdout or "no finding of MEDIUM or higher" not in stdout


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=not LONG_PROFILE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(structured_stack())
def test_a_mutated_stack_document_plans_or_is_refused_with_key_paths(data):
    check(data)


@FUZZ
@given(textual_stack())
def test_a_mutated_stack_file_plans_or_is_refused_with_key_paths(data):
    check(data)
