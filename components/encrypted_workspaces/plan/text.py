"""plan's summary for a terminal (``--format text``, the default): the heading, each section's title
with its lines indented under it, and last, the exit code and why."""

from __future__ import annotations

from typing import TextIO

from .outcome import outcome_line
from .report import Block, Findings, Items, NamedFinding, Paragraph, Preformatted, Report, Table

# Before a destructive row or line: two characters a reviewer's eye catches, in any terminal.
MARK = "!!"
_NAMES_PER_LINE = 10


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """Columns padded to their widest cell, two spaces apart."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    return [
        "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    ]


def _names(label: str, names: tuple[str, ...]) -> list[str]:
    """``names`` after ``label``, a few to a line, the next lines lined up under the first."""
    rows = [", ".join(names[i : i + _NAMES_PER_LINE]) for i in range(0, len(names), _NAMES_PER_LINE)]
    prefixes = [label] + [" " * len(label)] * (len(rows) - 1)
    return [
        prefix + row + ("," if index < len(rows) - 1 else "")
        for index, (prefix, row) in enumerate(zip(prefixes, rows, strict=True))
    ]


def _finding_lines(finding: NamedFinding) -> list[str]:
    lines = [f"{finding.enforcement:<9} {finding.rule}  {finding.on}: {finding.message}"]
    if finding.names:
        lines += _names(f"  {finding.names_label}: ", finding.names)
    return lines


def block_lines(block: Block) -> list[str]:
    """A block's lines, before the section's indent."""
    if isinstance(block, Paragraph):
        return [f"{MARK} {block.text}" if block.marked else block.text]
    if isinstance(block, Items | Preformatted):
        return list(block.lines)
    if isinstance(block, Table):
        if block.marked is None:
            return table(block.header, block.rows)
        marks = [MARK if marked else "" for marked in block.marked]
        return table(("", *block.header), [(mark, *row) for mark, row in zip(marks, block.rows, strict=True)])
    if isinstance(block, Findings):
        return [line for finding in block.findings for line in _finding_lines(finding)]
    raise TypeError(f"no text layout for {type(block).__name__}")


def write_text(report: Report, out: TextIO) -> None:
    out.write(f"{report.heading}\n")
    for section in report.sections:
        out.write(f"\n{section.title}\n")
        out.writelines(f"  {line}\n" for block in section.blocks for line in block_lines(block))
    out.write(f"\n{outcome_line(report.outcome)}\n")
