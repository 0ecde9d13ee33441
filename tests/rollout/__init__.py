"""Tests of the rollout model and what plan says about it."""
