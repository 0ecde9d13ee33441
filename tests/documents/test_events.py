"""The key-state alarm's event pattern: the whole document, and EventBridge (moto) matching the
CloudTrail events it is for, and no others."""

from __future__ import annotations

import json

import boto3
import pytest
from moto import mock_aws

from encrypted_workspaces.documents import key_state_change_pattern

KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"
KEY_ARN = f"arn:aws:kms:eu-west-1:123456789012:key/{KEY_ID}"
OTHER_KEY_ID = "0987dcba-09fe-87dc-65ba-ab0987654321"


def test_the_pattern_is_kms_disable_and_schedule_deletion_of_this_key_via_cloudtrail():
    assert key_state_change_pattern(key_arn=KEY_ARN) == {
        "source": ["aws.kms"],
        "detail-type": ["AWS API Call via CloudTrail"],
        "detail": {
            "eventSource": ["kms.amazonaws.com"],
            "eventName": ["DisableKey", "ScheduleKeyDeletion"],
            "requestParameters": {"keyId": [KEY_ARN, KEY_ID]},
        },
    }


@pytest.mark.parametrize(
    "not_an_arn", ["alias/workspaces", KEY_ID, "arn:aws:kms:eu-west-1:123456789012:alias/a"]
)
def test_the_pattern_needs_the_key_arn(not_an_arn):
    with pytest.raises(ValueError, match="by its ARN"):
        key_state_change_pattern(key_arn=not_an_arn)


def cloudtrail_event(event_name: str, key_id: str) -> dict:
    """A CloudTrail record of a KMS call as EventBridge delivers it (the KMS guide's DisableKey example)."""
    return {
        "Source": "aws.kms",
        "DetailType": "AWS API Call via CloudTrail",
        "Detail": json.dumps(
            {
                "eventVersion": "1.08",
                "eventSource": "kms.amazonaws.com",
                "eventName": event_name,
                "awsRegion": "eu-west-1",
                "requestParameters": {
                    "keyId": key_id,
                    **({"pendingWindowInDays": 30} if "Schedule" in event_name else {}),
                },
                "resources": [
                    {
                        "accountId": "123456789012",
                        "type": "AWS::KMS::Key",
                        "ARN": f"arn:aws:kms:eu-west-1:123456789012:key/{key_id.rsplit('/', 1)[-1]}",
                    }
                ],
                "eventType": "AwsApiCall",
                "managementEvent": True,
            }
        ),
    }


@mock_aws
def test_eventbridge_delivers_exactly_the_calls_that_break_the_workspaces():
    events = boto3.client("events", region_name="eu-west-1")
    sqs = boto3.client("sqs", region_name="eu-west-1")
    queue = sqs.create_queue(QueueName="alarms")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    events.put_rule(Name="key-state", EventPattern=json.dumps(key_state_change_pattern(key_arn=KEY_ARN)))
    # moto delivers to SQS, not SNS: the pattern is what is under test here.
    events.put_targets(Rule="key-state", Targets=[{"Id": "alarm", "Arn": queue_arn}])

    sent = [
        ("DisableKey", KEY_ID),
        ("DisableKey", KEY_ARN),
        ("ScheduleKeyDeletion", KEY_ARN),
        ("EnableKey", KEY_ID),
        ("CancelKeyDeletion", KEY_ARN),
        ("DisableKey", OTHER_KEY_ID),
        ("ScheduleKeyDeletion", f"arn:aws:kms:eu-west-1:123456789012:key/{OTHER_KEY_ID}"),
    ]
    events.put_events(Entries=[cloudtrail_event(name, key) for name, key in sent])

    received = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10)["Messages"]
    delivered = sorted(
        (body["detail"]["eventName"], body["detail"]["requestParameters"]["keyId"])
        for body in (json.loads(m["Body"]) for m in received)
    )
    assert delivered == sorted(
        [("DisableKey", KEY_ID), ("DisableKey", KEY_ARN), ("ScheduleKeyDeletion", KEY_ARN)]
    )
