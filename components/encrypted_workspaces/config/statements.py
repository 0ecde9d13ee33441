"""``key.extraStatements`` across its statements: each as KMS reads a key policy statement
(documents/key_policy_statements.py), and their Sids distinct."""

from __future__ import annotations

from encrypted_workspaces.documents.key_policy_statements import extra_statement_problems

from .inputs import outputs_in
from .key import KeyArgs


def extra_statements_problems(key: KeyArgs) -> list[tuple[str, str]]:
    """(key path, message) for each problem of the extra statements that are plain values; one that
    holds an Output (a role's ARN as its principal, say) is checked when it resolves."""
    problems: list[tuple[str, str]] = []
    first: dict[str, int] = {}
    for index, statement in enumerate(key.extra_statements):
        if next(outputs_in(statement), None) is not None:
            continue
        path = f"key.extraStatements.{index}"
        problems += [
            (f"{path}.{element}" if element else path, message)
            for element, message in extra_statement_problems(statement)
        ]
        sid = statement.get("Sid") if isinstance(statement, dict) else None
        if isinstance(sid, str) and sid:
            if sid in first:
                problems.append(
                    (
                        f"{path}.Sid",
                        f"{sid!r} is the Sid of key.extraStatements.{first[sid]} too; Sids must be distinct",
                    )
                )
            first.setdefault(sid, index)
    return problems
