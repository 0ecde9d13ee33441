"""Fake credentials and region for every preflight test (as the audit's tests have them), so no
developer's profile, endpoint or real account is ever read."""

from __future__ import annotations

import pytest

from tests.audit.conftest import fake_aws_environment, one_private_key_per_key_spec, one_service_model_loader
from tests.preflight.seed import REGION

__all__ = ["one_private_key_per_key_spec", "one_service_model_loader"]


@pytest.fixture(autouse=True)
def fake_aws(monkeypatch, tmp_path):
    fake_aws_environment(monkeypatch, tmp_path)
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)

