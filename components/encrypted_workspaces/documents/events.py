"""EventBridge event patterns, as pure functions returning dicts (``json.dumps`` only at the edge)."""

from __future__ import annotations

from encrypted_workspaces.aws.arns import KEY_ARN

# The KMS calls after which every WorkSpace encrypted with the key stops working at its next reboot
# or rebuild ("Encrypted WorkSpaces", limits): the key disabled, or its deletion scheduled.
KEY_STATE_CHANGING_CALLS: tuple[str, ...] = ("DisableKey", "ScheduleKeyDeletion")


def key_state_change_pattern(*, key_arn: str) -> dict:
    """Matches DisableKey and ScheduleKeyDeletion on one key, as CloudTrail delivers them to EventBridge.

    Sources: "Events from AWS services delivered via AWS CloudTrail"
    (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html): the
    CloudTrail record is the event's ``detail``, with source ``aws.kms`` and detail-type "AWS API Call
    via CloudTrail"; the KMS CloudTrail examples for DisableKey and ScheduleKeyDeletion
    (https://docs.aws.amazon.com/kms/latest/developerguide/ct-disablekey.html) record the caller's
    ``requestParameters.keyId``. Both APIs take "the key ID or key ARN" (no alias:
    https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html), so the pattern lists
    both: whichever the caller passed, the event matches. (``resources[].ARN`` in the record always
    holds the ARN, but it is an array of objects, which fewer matchers follow.)
    """
    match = KEY_ARN.fullmatch(key_arn)
    if not match:
        raise ValueError(f"the pattern matches a key by its ARN, not an alias or id (got {key_arn!r})")
    return {
        "source": ["aws.kms"],
        "detail-type": ["AWS API Call via CloudTrail"],
        "detail": {
            "eventSource": ["kms.amazonaws.com"],
            "eventName": list(KEY_STATE_CHANGING_CALLS),
            "requestParameters": {"keyId": [key_arn, match["key_id"]]},
        },
    }
