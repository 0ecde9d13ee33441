"""Guardrails that make WorkSpaces encryption mandatory for every stack, with or without the component.

One rule per module, each a small pure function over plain resource views (cdk-nag style), so the
same rules run in the CrossGuard pack (``policies/workspaces-guardrails/``, via ``rules.crossguard``)
and in ``encrypted-workspaces plan`` over the recorded resources. Rules read resource properties only,
never the config model: they judge any stack. Nothing here but ``crossguard`` imports pulumi_policy.

Pack configuration is the CrossGuard policy-pack config format, one object per rule name::

    {"workspaces-volumes-encrypted-with-a-key-arn": {"requiredVolumes": ["root", "user"]},
     "workspaces-kms-key-compliant": {"allowedKeys": ["alias/workspaces-prod"]},
     "directory-no-local-admin-or-internet": {"allowInternetAccess": true}}
"""

from .base import ADVISORY, DISABLED, MANDATORY, ResourceView, Rule, Violation
from .pack import RULES, RULES_BY_NAME, PackConfig, evaluate

__all__ = [
    "ADVISORY",
    "DISABLED",
    "MANDATORY",
    "RULES",
    "RULES_BY_NAME",
    "PackConfig",
    "ResourceView",
    "Rule",
    "Violation",
    "evaluate",
]
