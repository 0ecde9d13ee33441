"""The one error type for bad input, shared by every layer (config, guardrail settings, plan's files).

A ``pulumi.RunError``, so ``pulumi up`` prints the lines alone, without a traceback.
"""

from __future__ import annotations

import unicodedata

import pulumi

# The longest problem line: one line a terminal or a CI log shows whole (docs/library.md:
# "one line per problem", at most 300 characters).
MAX_PROBLEM_LENGTH = 300


def one_line(text: str) -> str:
    """``text`` with control, format and line-separator characters escaped (``\\x1e``, ``\\u202e``).

    A key path or a value may hold them (a user name, a YAML key); shown raw, they would break a problem
    into two lines or make a terminal show something other than what the file says.
    """
    if text.isprintable():
        return text
    return "".join(
        character
        if character == " " or unicodedata.category(character) not in ("Cc", "Cf", "Cs", "Zl", "Zp")
        else (f"\\x{ord(character):02x}" if ord(character) < 0x100 else f"\\u{ord(character):04x}")
        for character in text
    )


def within_limit(line: str) -> str:
    """``line`` cut to ``MAX_PROBLEM_LENGTH`` characters, saying how long it was.

    The last guard: the config's messages cut long values and key-path parts themselves
    (``config.problems.shown``), so that what is allowed stays in the line; a line that is still too
    long (a long file name, a list of names) keeps its start, which is its key path or file.
    """
    if len(line) <= MAX_PROBLEM_LENGTH:
        return line
    note = f"... (line cut: {len(line)} characters)"
    return line[: MAX_PROBLEM_LENGTH - len(note)] + note


class ConfigError(pulumi.RunError):
    """Invalid input: ``problems`` holds one line per problem, each starting with its key path or file,
    each at most ``MAX_PROBLEM_LENGTH`` characters."""

    def __init__(self, problems: list[str]):
        self.problems = [within_limit(one_line(problem)) for problem in problems]
        super().__init__("\n".join(self.problems))
