"""AWS facts in one place: partitions, ARN and id patterns, type tokens, API limits and timeouts.

The bottom layer: everything else imports it, and it imports nothing of ours.
"""
