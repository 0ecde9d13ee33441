"""``encrypted-workspaces:alarms``: hear when someone disables the key or schedules its deletion."""

from __future__ import annotations

from .base import ConfigModel, SnsTopicArn
from .inputs import Input


class AlarmsArgs(ConfigModel):
    """``encrypted-workspaces:alarms``: an EventBridge rule on the key's state changes, sent to SNS."""

    # Whether it is set decides which resources exist (the rule, its target): the ARN may be an Output.
    topic_arn: Input[SnsTopicArn] | None = None
    """The SNS topic (in the stack's partition, region and account) that hears of every DisableKey and
    ScheduleKeyDeletion call on the key, as CloudTrail records it: every encrypted WorkSpace stops
    working at its next reboot once its key is disabled. Defaults to none (no alarm). The topic's
    access policy must let events.amazonaws.com publish, and CloudTrail must be logging management
    events (EventBridge receives API calls through CloudTrail)."""


# The name before the arguments were named as Pulumi names input types; kept for one release.
AlarmsConfig = AlarmsArgs
