"""The documentation holds together: every relative link (and its #anchor, by GitHub's heading slugs) in
the README, the changelog, docs/ and examples/ resolves to a file that exists; the README stays a
newcomer's guide within 350 lines; and it links every page of docs/, where the reference lives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
README = PROJECT / "README.md"

# Issue 21: the README is what a newcomer reads first; everything else is a page of docs/.
README_MAX_LINES = 350

# Pages linked before the branch that writes them is merged, as paths from the project root: none now.
NOT_YET_MERGED: frozenset[str] = frozenset()

_FENCE = re.compile(r"^(?:```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
# [text](target "title") and ![alt](target): the text may hold one level of brackets and wrap lines.
_INLINE_LINK = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def documents() -> list[Path]:
    pages = [README, PROJECT / "CHANGELOG.md", *sorted((PROJECT / "docs").glob("*.md"))]
    return pages + sorted((PROJECT / "examples").rglob("*.md"))


def _prose(text: str) -> str:
    """``text`` without fenced code blocks (their lines blanked, so line numbers stay)."""
    lines, fenced = [], False
    for line in text.splitlines():
        if _FENCE.match(line.lstrip()):
            fenced = not fenced
            lines.append("")
        else:
            lines.append("" if fenced else line)
    return "\n".join(lines)


def link_targets(text: str) -> list[str]:
    """Every link target of a Markdown text: inline links, images and reference definitions, outside
    code. A code span's text is kept (a link's text may be code) but its brackets cannot start a link."""
    prose = _prose(text)
    without_code = _CODE_SPAN.sub(lambda span: "x" * len(span.group(0)), prose)
    targets = [match.group(1) for match in _INLINE_LINK.finditer(without_code)]
    return targets + [match.group(1) for match in _REFERENCE_DEFINITION.finditer(without_code)]


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading (github-slugger): its text lower-cased, punctuation other than
    ``-`` and ``_`` removed, each space a ``-``. Inline code keeps its text; a link keeps its text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = text.replace("`", "").lower()
    return "".join(ch for ch in text if ch.isalnum() or ch in "-_ ").replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every anchor a page has: its headings' slugs (a repeated one gets -1, -2, ...) and HTML anchors."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for line in _prose(text).splitlines():
        if heading := _HEADING.match(line):
            slug = github_slug(heading.group(2))
            found.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
            seen[slug] = seen.get(slug, 0) + 1
    return found | set(_HTML_ANCHOR.findall(text))


def broken_links(page: Path, text: str) -> Iterator[str]:
    """Each relative link of ``page`` whose file, or whose anchor in a Markdown file, does not exist."""
    for target in link_targets(text):
        if _SCHEME.match(target) or target.startswith("//"):
            continue  # another site's: not ours to check offline
        path_part, _, anchor = target.partition("#")
        if not path_part:  # an anchor of this page
            if anchor not in anchors(text):
                yield f"{target}: {page.name} has no heading #{anchor}"
            continue
        resolved = (page.parent / path_part).resolve()
        if not resolved.exists():
            in_project = resolved.is_relative_to(PROJECT)
            if in_project and resolved.relative_to(PROJECT).as_posix() in NOT_YET_MERGED:
                continue
            yield f"{target}: no such file ({resolved})"
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved.read_text()):
            yield f"{target}: {resolved.name} has no heading #{anchor}"


@pytest.mark.parametrize("page", documents(), ids=lambda page: str(page.relative_to(PROJECT)))
def test_every_relative_link_resolves(page):
    assert list(broken_links(page, page.read_text())) == []


def test_the_readme_is_a_newcomers_guide_within_350_lines():
    lines = README.read_text().splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines: move the reference to docs/"


def test_the_readme_links_every_docs_page():
    linked = {
        (PROJECT / target.partition("#")[0]).resolve()
        for target in link_targets(README.read_text())
        if not _SCHEME.match(target)
    }
    pages = {page.resolve() for page in (PROJECT / "docs").glob("*.md")}
    assert sorted(page.name for page in pages - linked) == []


def test_the_allow_list_holds_only_pages_not_yet_merged():
    # Once the branch that writes a page is merged, its link is checked like every other.
    assert [path for path in sorted(NOT_YET_MERGED) if (PROJECT / path).exists()] == []


def test_the_checker_finds_a_missing_file_a_missing_anchor_and_ignores_code(tmp_path):
    (tmp_path / "other.md").write_text("# Other page\n\n## `plan --against`: what changes\n")
    page = tmp_path / "page.md"
    text = (
        "[fine](other.md#plan---against-what-changes) [fine too](#a-heading) [site](https://example.com)\n"
        "[gone](missing.md) [no anchor](other.md#nowhere) `[code](not-a-link.md)`\n"
        "```\n[fenced](also-not-a-link.md)\n```\n\n## A heading\n"
    )
    assert list(broken_links(page, text)) == [
        f"missing.md: no such file ({tmp_path / 'missing.md'})",
        "other.md#nowhere: other.md has no heading #nowhere",
    ]


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("`pulumi up`, and how many operations at once", "pulumi-up-and-how-many-operations-at-once"),
        ("Reviewing a change: `plan --against`", "reviewing-a-change-plan---against"),
        ("The deployer's IAM policy", "the-deployers-iam-policy"),
        ("`workspaces_DefaultRole` exists, or is missing", "workspaces_defaultrole-exists-or-is-missing"),
        ("Limits (from the AWS documentation)", "limits-from-the-aws-documentation"),
        ("From TypeScript, Go, C#, Java or YAML", "from-typescript-go-c-java-or-yaml"),
    ],
)
def test_anchors_are_githubs_heading_slugs(heading, slug):
    assert github_slug(heading) == slug


def test_a_repeated_heading_gets_a_numbered_anchor():
    assert anchors("## Exit codes\n\ntext\n\n## Exit codes\n") == {"exit-codes", "exit-codes-1"}
