"""``encrypted-workspaces plan``: a stack's whole deployment, rendered offline for review."""
