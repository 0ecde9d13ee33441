"""plan's summary as GitHub Flavored Markdown (``--format markdown``), for a pull-request comment or
``$GITHUB_STEP_SUMMARY``: a heading, the exit code and why, each section under its own heading with its
tables and lists, and the long parts (the resource tree, the outputs, the files written) collapsed in
``<details>``. Text from the plan is escaped, so that a name or message cannot turn into markup, and no
terminal code is ever written.

GFM: https://github.github.com/gfm/ (tables, code spans, fenced code, raw HTML); ``<details>`` in
comments: https://docs.github.com/en/get-started/writing-on-github/working-with-advanced-formatting/organizing-information-with-collapsed-sections
"""

from __future__ import annotations

import html
import re

from .outcome import outcome_line
from .report import Block, Findings, Items, Paragraph, Preformatted, Report, ReportSection, Table

# Before a destructive row or line: the warning sign GitHub shows in colour.
MARK = "⚠️"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # ESC and the rest: never in the output
# What could start emphasis, a link, code or a table cell; an underscore inside a word cannot (AUTO_STOP).
_PUNCTUATION = re.compile(r"([\\`*\[\]|~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])")  # what would make a line a heading or a list


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text.replace("\n", " "))


def _escaped(text: str, *, line_start: bool) -> str:
    text = _PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))
    if line_start:
        text = _LINE_START.sub(lambda m: f"{m[1]}{m[2][:-1]}\\{m[2][-1]}", text)
    return text


def inline(text: str, *, in_table: bool = False) -> str:
    """``text`` as Markdown that shows it as it is; a pair of backticks still marks code (the rollout
    paragraph's `--parallel 8`). In a table cell a ``|`` is escaped even in code, as GFM asks."""
    text = _clean(text)
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code at all
        return _escaped(text, line_start=not in_table)
    said = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            said.append(_escaped(part, line_start=index == 0 and not in_table))
        elif part.strip():
            said.append("`" + (part.replace("|", "\\|") if in_table else part) + "`")
        else:
            said.append(f"\\`{part}\\`")
    return "".join(said)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(inline(cell, in_table=True) for cell in cells) + " |"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return [_row(header), "| " + " | ".join("---" for _ in header) + " |", *map(_row, rows)]


def _fenced(lines: list[str], language: str) -> list[str]:
    text = [_clean(line) for line in lines]
    longest = max((len(run) for line in text for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{language}", *text, fence]


def _details(summary: str, body: list[str]) -> list[str]:
    return [f"<details><summary>{html.escape(_clean(summary))}</summary>", "", *body, "", "</details>"]


def block_lines(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [f"{MARK} {inline(block.text)}" if block.marked else inline(block.text)]
    if isinstance(block, Items):
        return [f"- {inline(line)}" for line in block.lines]
    if isinstance(block, Preformatted):
        return _fenced(block.lines, block.language)
    if isinstance(block, Table):
        if block.marked is None:
            return _table(block.header, block.rows)
        marks = [MARK if marked else "" for marked in block.marked]
        return _table(
            ("", *block.header), [(mark, *row) for mark, row in zip(marks, block.rows, strict=True)]
        )
    if isinstance(block, Findings):
        lines = _table(
            ("ENFORCEMENT", "RULE", "ON", "MESSAGE"),
            [(f.enforcement, f.rule, f.on, f.message) for f in block.findings],
        )
        for finding in block.findings:
            if finding.names:
                summary = f"{finding.names_label.capitalize()}: {finding.rule} on {finding.on}"
                lines += ["", *_details(summary, [inline(", ".join(finding.names))])]
        return lines
    raise TypeError(f"no Markdown layout for {type(block).__name__}")


def _section(section: ReportSection) -> list[str]:
    body: list[str] = []
    for block in section.blocks:
        body += [*block_lines(block), ""]
    body = body[:-1]
    if section.long:
        return _details(section.title, body)
    return [f"### {inline(section.title)}", "", *body]


def markdown(report: Report) -> str:
    """The whole summary, ending in a newline."""
    decided, why = outcome_line(report.outcome).split(": ", 1)
    lines = [f"## {inline(report.heading)}", "", f"**{inline(decided)}**: {inline(why)}"]
    for section in report.sections:
        lines += ["", *_section(section)]
    return "\n".join(lines) + "\n"
