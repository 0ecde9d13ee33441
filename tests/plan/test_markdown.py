"""`plan --format markdown` (issue 21): the same content as the text for a pull-request comment or
$GITHUB_STEP_SUMMARY: a heading, the exit code and why, tables, the long parts collapsed, no terminal code."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from encrypted_workspaces.plan.markdown import MARK, inline, markdown
from encrypted_workspaces.plan.outcome import Outcome
from encrypted_workspaces.plan.report import (
    Findings,
    Items,
    NamedFinding,
    Paragraph,
    Preformatted,
    Report,
    ReportSection,
    Table,
)
from tests.plan.fleet import fleet_stack
from tests.plan.test_against import WORKSPACES, dev_stack
from tests.plan.test_rollout_in_plan import plan

KEY = "arn:aws:kms:eu-west-1:123456789012:key/8ce7b8c6-d145-562d-9b5b-d9594d61751a"
WORKSPACES_HEADER = (
    "| USER | BUNDLE | COMPUTE | RUNNING MODE | AUTO-STOP MIN | ROOT GIB | USER GIB | ROOT ENCRYPTED "
    "| USER ENCRYPTED |"
)


def review_change(config):
    """The README's example: alice's bundle changed, bob removed, carol added, a key user added."""
    users = config[WORKSPACES]["users"]
    users["alice"] = {"bundleId": "wsb-0000000000"}
    del users["bob"]
    users["carol"] = {}
    config["encrypted-workspaces:key"]["users"] = ["arn:aws:iam::123456789012:role/Auditors"]


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> dict[str, tuple[int, str]]:
    """The same change planned against the dev stack, in both formats."""
    directory = tmp_path_factory.mktemp("markdown")
    deployed = directory / "deployed"
    assert plan("--config", str(dev_stack(directory / "before")), "--out", str(deployed))[0] == 0
    after = dev_stack(directory / "after", review_change)
    return {
        format_: plan(
            "--config", str(after), "--out", str(directory / format_), "--against", str(deployed), *flag
        )
        for format_, flag in (("text", ()), ("markdown", ("--format", "markdown")))
    }


class DetailsNesting(HTMLParser):
    """Checks that every <details> holds one <summary> first and closes, and that nothing else is HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.details = 0
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("details", "summary"):
            self.problems.append(f"<{tag}>")
        if tag == "summary" and self.open[-1:] != ["details"]:
            self.problems.append("<summary> outside <details>")
        self.details += tag == "details"
        self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def nesting(text: str) -> DetailsNesting:
    # Code blocks are shown as they are: the tags in them are no HTML.
    parser = DetailsNesting()
    parser.feed(re.sub(r"^(`{3,})[a-z]*\n.*?^\1$", "", text, flags=re.M | re.S))
    parser.close()
    return parser


def test_markdown_exits_as_text_does(reviewed):
    assert reviewed["markdown"][0] == reviewed["text"][0] == 4


def test_a_heading_then_the_exit_code_and_why(reviewed):
    lines = reviewed["markdown"][1].splitlines()
    assert lines[0] == "## Plan of encrypted-workspaces/dev in eu-west-1, account 123456789012"
    assert lines[2] == "**Exit 4**: 1 destructive change"
    assert reviewed["text"][1].rstrip().splitlines()[-1] == "Exit 4: 1 destructive change"


def test_the_workspaces_table(reviewed):
    text = reviewed["markdown"][1]
    table = text.split("### WorkSpaces (2)\n\n", 1)[1].split("\n\n", 2)
    assert table[0] == f"key of every WorkSpace: {KEY}"
    assert table[1].splitlines() == [
        WORKSPACES_HEADER,
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        "| alice | wsb-0000000000 | STANDARD | AUTO_STOP | 60 | 80 | 50 | yes | yes |",
        "| carol | wsb-bh8rsxt14 | STANDARD | AUTO_STOP | 60 | 80 | 50 | yes | yes |",
    ]


def test_the_changes_table_marks_the_destructive_rows_only(reviewed):
    text = reviewed["markdown"][1]
    section = text.split("### Changes against ", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[0] == "|  | ACTION | TYPE | RESOURCE | FIELDS | REASON |"
    marked = [row.split(" | ")[1:4] for row in rows[2:] if row.startswith(f"| {MARK} |")]
    assert marked == [["delete", "Workspace", "workspaces-workspace-bob"]]
    assert [row.split(" | ")[1] for row in rows[2:] if row.startswith("|  |")] == ["update", "held", "create"]
    assert f"\n{MARK} 1 destructive change: data is lost or shared resources break (exit 4)\n" in section


def test_the_same_sections_as_the_text_the_long_ones_collapsed(reviewed):
    text_titles = re.findall(r"^(\S.*)$", reviewed["text"][1], re.M)[1:-1]  # without heading and exit line
    markdown = reviewed["markdown"][1]
    shown = re.findall(r"^### (.*)$", markdown, re.M)
    collapsed = re.findall(r"^<details><summary>(.*)</summary>$", markdown, re.M)
    assert sorted(collapsed) == ["Outputs", "Resources (14)", "Wrote"]
    unescaped = [title.replace("\\_", "_") for title in shown]
    assert sorted(unescaped + collapsed) == sorted(text_titles)
    assert (
        "```json\n{\n" in markdown and "```text\npulumi:pulumi:Stack  encrypted-workspaces-dev\n" in markdown
    )


def test_no_terminal_codes_and_valid_details_nesting(reviewed):
    markdown = reviewed["markdown"][1]
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", markdown)
    parser = nesting(markdown)
    assert (parser.problems, parser.open, parser.details) == ([], [], 3)


def test_grouping_applies_to_markdown_too(tmp_path):
    stack = fleet_stack(tmp_path, 30)
    code, text = plan("--config", str(stack), "--out", str(tmp_path / "o"), "--format", "markdown")
    assert code == 0
    assert (
        "aws:workspaces/workspace:Workspace × 30 (workspaces-workspace-<user>)" in text
    )  # in the code block
    assert "| (27 users) | wsb-bh8rsxt14 | STANDARD | AUTO_STOP |" in text
    assert (
        '"workspaceIds": "<30 entries: in plan.json (outputs.workspaceIds); --verbose prints them>"' in text
    )
    code, verbose = plan(
        "--config", str(stack), "--out", str(tmp_path / "v"), "--format", "markdown", "--verbose"
    )
    assert code == 0 and "| user00001 | wsb-bh8rsxt14 |" in verbose and "×" not in verbose


# --- the renderer on its own ----------------------------------------------------------------------


def test_text_from_the_plan_cannot_become_markup():
    assert inline("<img src=x> & *bold* [link](x) _it_") == (
        r"&lt;img src=x&gt; &amp; \*bold\* \[link\](x) \_it\_"
    )
    assert inline("AUTO_STOP workspaces_DefaultRole") == "AUTO_STOP workspaces_DefaultRole"
    assert inline("# not a heading") == r"\# not a heading"
    assert inline("1. not a list") == r"1\. not a list"
    assert inline("a|b", in_table=True) == r"a\|b"
    assert inline("red \x1b[31m") == "red \ufffd\\[31m"


def test_backtick_pairs_stay_code_and_a_pipe_in_a_cell_is_escaped_even_there():
    assert inline("at `--parallel 8` (recommended)") == "at `--parallel 8` (recommended)"
    assert inline("`a|b`", in_table=True) == r"`a\|b`"
    assert inline("`<x>` <x>") == "`<x>` &lt;x&gt;"
    assert inline("one ` alone") == r"one \` alone"


def test_each_block_kind_in_markdown():
    finding = NamedFinding("mandatory", "rule-x", "all 2 WorkSpaces", "bad", "users", ("a", "b"))
    report = Report(
        "Plan of p/s",
        [
            ReportSection(
                "Short",
                [Paragraph("warn", marked=True), Items(["one", "two"]), Table(("A", "B"), [("1", "2")])],
            ),
            ReportSection("Long", [Preformatted(["```inner```"], "text")], long=True),
            ReportSection("Guardrails", [Findings([finding])]),
        ],
        Outcome(3, ["a finding"], []),
    )
    assert markdown(report) == "\n".join(
        [
            "## Plan of p/s",
            "",
            "**Exit 3**: a finding",
            "",
            "### Short",
            "",
            f"{MARK} warn",
            "",
            "- one",
            "- two",
            "",
            "| A | B |",
            "| --- | --- |",
            "| 1 | 2 |",
            "",
            "<details><summary>Long</summary>",
            "",
            "````text",
            "```inner```",
            "````",
            "",
            "</details>",
            "",
            "### Guardrails",
            "",
            "| ENFORCEMENT | RULE | ON | MESSAGE |",
            "| --- | --- | --- | --- |",
            "| mandatory | rule-x | all 2 WorkSpaces | bad |",
            "",
            "<details><summary>Users: rule-x on all 2 WorkSpaces</summary>",
            "",
            "a, b",
            "",
            "</details>",
            "",
        ]
    )


def test_the_format_flag_takes_only_text_or_markdown(capsys):
    from encrypted_workspaces.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["plan", "--format", "html"])
    assert exited.value.code == 2
    assert "invalid choice: 'html' (choose from 'text', 'markdown')" in capsys.readouterr().err


def test_markdown_of_a_missing_stack_exits_2_with_one_line_and_prints_nothing(capsys, tmp_path):
    from encrypted_workspaces.cli import main

    code = main(["plan", "--config", str(tmp_path / "Pulumi.none.yaml"), "--format", "markdown"])
    captured = capsys.readouterr()
    assert (code, captured.out, len(captured.err.splitlines())) == (2, "", 1)


# --- docs/plan.md shows what a reviewer sees ------------------------------------------------------

DOC = Path(__file__).resolve().parents[2] / "docs" / "plan.md"
PROJECT = Path(__file__).resolve().parents[2]


def review_example(directory: Path) -> tuple[int, str]:
    """The docs' example: the dev stack as deployed, then the review change, planned as Markdown from
    ``directory`` with relative paths, as a CI job would."""
    before, after = dev_stack(directory / "before"), dev_stack(directory / "after", review_change)
    cwd = Path.cwd()
    os.chdir(directory)
    try:
        project = ("--project-dir", str(PROJECT))
        assert plan("--config", str(before.relative_to(directory)), "--out", "deployed", *project)[0] == 0
        return plan(
            *("--config", str(after.relative_to(directory)), "--out", "review", "--against", "deployed"),
            *(*project, "--format", "markdown"),
        )
    finally:
        os.chdir(cwd)


def test_the_docs_example_is_what_plan_prints(tmp_path):
    code, printed = review_example(tmp_path)
    assert code == 4
    example = (
        DOC.read_text()
        .split("<!-- markdown example: begin -->\n", 1)[1]
        .split("<!-- markdown example: end -->")[0]
    )
    assert example == f"`````markdown\n{printed}`````\n"
