"""No developer's AWS profile, endpoint or settings reach these tests."""

from __future__ import annotations

import pytest

from tests.audit.conftest import fake_aws_environment


@pytest.fixture(autouse=True)
def fake_aws(monkeypatch, tmp_path):
    fake_aws_environment(monkeypatch, tmp_path)
