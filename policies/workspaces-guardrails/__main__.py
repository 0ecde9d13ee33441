"""CrossGuard entry point: `pulumi preview --policy-pack policies/workspaces-guardrails`.

Starts the policy analyzer server; the rules are in encrypted_workspaces.policies.guardrails.
"""

from encrypted_workspaces.policies.guardrails_crossguard import pack

pack()
