"""The one error type for bad input, shared by every layer (config, guardrail settings, plan's files).

A ``pulumi.RunError``, so ``pulumi up`` prints the lines alone, without a traceback.
"""

from __future__ import annotations

import unicodedata

import pulumi


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


class ConfigError(pulumi.RunError):
    """Invalid input: ``problems`` holds one line per problem, each starting with its key path or file."""

    def __init__(self, problems: list[str]):
        self.problems = [one_line(problem) for problem in problems]
        super().__init__("\n".join(self.problems))
