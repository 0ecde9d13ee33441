"""Schemas generated from the config model: the JSON Schema of stack files, the inputs table (docs/inputs.md),
and (``encrypted_workspaces.provider``) the provider's args; ``command`` prints or writes them."""
