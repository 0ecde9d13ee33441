"""encrypted-workspaces: Amazon WorkSpaces encrypted with a customer managed KMS key.

The component lives in ``encrypted_workspaces.components`` and the policy documents in
``encrypted_workspaces.policies`` (``components/`` and ``policies/`` in the source tree).
"""
