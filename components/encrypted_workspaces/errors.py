"""The one error type for bad input, shared by every layer (config, guardrail settings, plan's files).

A ``pulumi.RunError``, so ``pulumi up`` prints the lines alone, without a traceback.
"""

from __future__ import annotations

import pulumi


class ConfigError(pulumi.RunError):
    """Invalid input: ``problems`` holds one line per problem, each starting with its key path or file."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))
