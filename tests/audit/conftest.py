"""Fake credentials and region for every audit test, so no developer's profile, endpoint or real
account is ever read; and the seeded moto account, seeded once per module (the audit only reads)."""

from __future__ import annotations

import pytest
from moto import mock_aws

from .accounts import seed_account
from .seed import REGION


def fake_aws_environment(monkeypatch: pytest.MonkeyPatch, directory) -> None:
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(directory / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(directory / "no-aws-credentials"))
    # moto's EC2 (under Directory Service) need not load its AMI catalogue for these tests.
    monkeypatch.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")


@pytest.fixture(autouse=True)
def fake_aws(monkeypatch, tmp_path):
    fake_aws_environment(monkeypatch, tmp_path)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        fake_aws_environment(monkeypatch, tmp_path_factory.mktemp("aws"))
        with mock_aws():
            yield seed_account()
