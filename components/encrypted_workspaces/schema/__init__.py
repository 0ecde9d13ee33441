"""Schemas generated from the config model: the JSON Schema of stack files, the README's inputs table,
and (``encrypted_workspaces.provider``) the provider's args; ``command`` prints or writes them."""
