"""Fake credentials and region for every preflight test (as the audit's tests have them), so no
developer's profile, endpoint or real account is ever read."""

from __future__ import annotations

import gc

import pytest

from tests.audit.conftest import fake_aws_environment, one_private_key_per_key_spec, one_service_model_loader
from tests.preflight.seed import REGION

__all__ = ["one_private_key_per_key_spec", "one_service_model_loader"]


@pytest.fixture(autouse=True)
def fake_aws(monkeypatch, tmp_path):
    fake_aws_environment(monkeypatch, tmp_path)
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)


@pytest.fixture(scope="module", autouse=True)
def collect_what_the_module_left():
    """Each module's boto3 sessions, clients and moto backends are collected when it ends, not by a
    later test's collection: Python 3.11's AST constructor keeps its recursion count per interpreter,
    and finalizers run in the middle of another test's ast.parse can make it raise "AST constructor
    recursion depth mismatch" (CPython gh-106905; tests/test_layout.py parses every module)."""
    yield
    gc.collect()
