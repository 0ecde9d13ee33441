"""How long deploying the WorkSpaces takes and how fast to go: the rollout model (model.py) and what plan
says about it (summary.py). Pure: it imports only the AWS facts (aws/provisioning.py)."""

from .model import DEFAULT_PARALLEL, Assumptions, Estimate, estimate, recommended_parallel, rollout_minutes
from .summary import rollout_paragraph, rollout_summary

__all__ = [
    "DEFAULT_PARALLEL",
    "Assumptions",
    "Estimate",
    "estimate",
    "recommended_parallel",
    "rollout_minutes",
    "rollout_paragraph",
    "rollout_summary",
]
