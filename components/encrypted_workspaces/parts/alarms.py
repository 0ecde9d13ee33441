"""The key-state alarm: an EventBridge rule on DisableKey and ScheduleKeyDeletion, sent to SNS."""

from __future__ import annotations

import json

import pulumi
import pulumi_aws as aws

from encrypted_workspaces.documents import key_state_change_pattern

from .options import Children


def key_state_alarm(
    name: str,
    key_arn: pulumi.Output[str],
    topic_arn: pulumi.Input[str],
    *,
    tags: dict[str, pulumi.Input[str]],
    children: Children,
) -> tuple[aws.cloudwatch.EventRule, aws.cloudwatch.EventTarget]:
    rule = aws.cloudwatch.EventRule(
        f"{name}-key-state-alarm",
        description="The WorkSpaces key was disabled or scheduled for deletion: encrypted WorkSpaces "
        "stop working at their next reboot",
        event_pattern=key_arn.apply(lambda arn: json.dumps(key_state_change_pattern(key_arn=arn))),
        tags=tags,
        opts=children.options(),
    )
    target = aws.cloudwatch.EventTarget(
        f"{name}-key-state-alarm-topic",
        rule=rule.name,
        arn=topic_arn,
        opts=children.options(),
    )
    return rule, target
