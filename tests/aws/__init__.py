"""Tests of the AWS facts."""
