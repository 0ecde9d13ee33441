"""plan's summary as data: a heading, sections of blocks, and the outcome, before any format.

``summary.py`` decides what the summary says (which sections, what is grouped at fleet scale);
``text.py`` and ``markdown.py`` only lay the blocks out, each in its own format. A block says what a
thing is (a table, a list, preformatted text), never how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .outcome import Outcome


@dataclass(frozen=True)
class Paragraph:
    """One line of prose. ``marked``: it warns of something destructive (the format's mark before it).

    A pair of backticks marks code (`--parallel 8`), which the text format prints as it is."""

    text: str
    marked: bool = False


@dataclass(frozen=True)
class Items:
    """A list of lines that each say one thing (findings, notes, file names)."""

    lines: list[str]


@dataclass(frozen=True)
class Table:
    """Rows under a header. ``marked``, when given, says for each row whether it is destructive: the
    formats then give the table a first column that marks those rows."""

    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    marked: tuple[bool, ...] | None = None


@dataclass(frozen=True)
class Preformatted:
    """Lines whose layout is their meaning (the resource tree, JSON), in ``language`` (for Markdown)."""

    lines: list[str]
    language: str = "text"


@dataclass(frozen=True)
class NamedFinding:
    """A guardrail finding as the summary says it: on what (one name, or a count), and, when it is on
    several, their names (cut after a limit, the rest counted) under ``names_label``."""

    enforcement: str
    rule: str
    on: str
    message: str
    names_label: str = ""
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Findings:
    """Guardrail findings, each said once with everything it is said of."""

    findings: list[NamedFinding]


Block = Paragraph | Items | Table | Preformatted | Findings


@dataclass(frozen=True)
class ReportSection:
    """A titled part of the summary. ``long``: a part a reviewer opens when needed (the resource
    tree, the outputs, the files written), which Markdown collapses."""

    title: str
    blocks: list[Block]
    long: bool = False


@dataclass(frozen=True)
class Report:
    """The heading (which stack, where), the sections in order, and the exit code and why."""

    heading: str
    sections: list[ReportSection]
    outcome: Outcome
