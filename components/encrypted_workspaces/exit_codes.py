"""Exit codes of every command (docs/architecture.md, "Exit codes"). Precedence: 2, then 1, then 4, then 3."""

EXIT_OK = 0
# An unexpected failure or an AWS/API error: one line on stderr, no traceback.
EXIT_FAILURE = 1
# Invalid input (config, flags, files): one line per problem, each starting with its key path or file.
EXIT_CONFIG = 2
# Findings: a policy lint or guardrail finding (plan), a non-compliant resource (audit).
EXIT_FINDINGS = 3
# plan --against: a destructive change.
EXIT_DESTRUCTIVE = 4
# stdout was closed by its reader (`plan | head`): 128 + SIGPIPE, what a shell shows for a program the
# signal ended. The command's own work (the plan files) is done; only its summary was cut short.
EXIT_OUTPUT_CLOSED = 141
