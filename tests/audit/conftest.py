"""Fake credentials and region for every audit test, so no developer's profile, endpoint or real
account is ever read; and the seeded moto account, seeded once per module (the audit only reads)."""

from __future__ import annotations

import functools

import botocore.loaders
import botocore.session
import moto.kms.models
import pytest
from moto import mock_aws

from tests.audit.accounts import seed_account
from tests.audit.seed import REGION


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


@pytest.fixture(scope="session", autouse=True)
def one_service_model_loader():
    """Every botocore session of the test run shares one loader of the (read-only) service models.

    Each audit makes a new boto3 session, as a real run does once, and a new session parses its
    services' JSON models again: that was most of these tests' time. Sharing the loader changes no
    behaviour, only how often the same files are parsed.
    """
    loader = botocore.loaders.create_loader()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(botocore.session, "create_loader", lambda *_args, **_kwargs: loader)
        yield


@pytest.fixture(scope="session", autouse=True)
def one_private_key_per_key_spec():
    """moto makes an RSA private key for every KMS key, symmetric ones too (60 ms each), for Sign and
    GetPublicKey, which the audit never calls: one per key spec serves every key of the run."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        cached = functools.cache(moto.kms.models.generate_private_key)
        monkeypatch.setattr(moto.kms.models, "generate_private_key", cached)
        yield


@pytest.fixture(autouse=True)
def fake_aws(monkeypatch, tmp_path):
    fake_aws_environment(monkeypatch, tmp_path)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        fake_aws_environment(monkeypatch, tmp_path_factory.mktemp("aws"))
        with mock_aws():
            yield seed_account()
