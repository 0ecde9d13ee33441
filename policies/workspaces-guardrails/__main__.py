"""CrossGuard entry point: `pulumi preview --policy-pack policies/workspaces-guardrails`.

Starts the policy analyzer server; the rules are in encrypted_workspaces.rules.
"""

from encrypted_workspaces.rules.crossguard import pack

pack()
