"""``encrypted-workspaces audit``: a live account's WorkSpaces, keys and directories checked against
what this module promises (docs/architecture.md, "Audit"). ``reader`` makes the read-only AWS calls,
``snapshot`` gathers what they return, ``checks`` judges it (pure), ``report`` prints it."""
