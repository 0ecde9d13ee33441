"""``encrypted-workspaces:alarms``: hear when someone disables the key or schedules its deletion."""

from __future__ import annotations

from .base import ConfigModel, SnsTopicArn


class AlarmsConfig(ConfigModel):
    """``encrypted-workspaces:alarms``: an EventBridge rule on the key's state changes, sent to SNS."""

    topic_arn: SnsTopicArn | None = None
    """The SNS topic (in the stack's partition, region and account) that hears of every DisableKey and
    ScheduleKeyDeletion call on the key, as CloudTrail records it: every encrypted WorkSpace stops
    working at its next reboot once its key is disabled. Defaults to none (no alarm). The topic's
    access policy must let events.amazonaws.com publish, and CloudTrail must be logging management
    events (EventBridge receives API calls through CloudTrail)."""
