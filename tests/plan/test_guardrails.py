"""The guardrails over whole stacks, as plan runs them: the project's stacks, and programs that
bypass the component."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from encrypted_workspaces.offline.runner import simulate
from encrypted_workspaces.plan.guardrails import views_from_registrations
from encrypted_workspaces.rules import (
    ADVISORY,
    MANDATORY,
    evaluate,
)
from tests.conftest import ACCOUNT_ID, REGION
from tests.programs import BYPASSING_PROGRAM

STACKS = sorted((Path(__file__).resolve().parents[2] / "stacks").glob("Pulumi.*.yaml"))


@pytest.mark.parametrize("stack_file", STACKS, ids=[s.name for s in STACKS])
def test_the_projects_stacks_violate_no_rule(stack_file):
    config = yaml.safe_load(stack_file.read_text())["config"]
    deployment = simulate(stack="s", config=config, account_id=ACCOUNT_ID, region=config["aws:region"])
    assert evaluate(views_from_registrations(deployment.resources)) == []


def test_workspaces_registered_without_the_component_are_reported():
    program = compile(BYPASSING_PROGRAM, "bypassing_program", "exec")
    deployment = simulate(
        lambda: exec(program, {}), stack="s", config={}, account_id=ACCOUNT_ID, region=REGION
    )
    found = {
        (v.rule, v.enforcement, v.urn.rsplit("::", 1)[1], v.message)
        for v in evaluate(views_from_registrations(deployment.resources))
    }
    volumes = "workspaces-volumes-encrypted-with-a-key-arn"
    assert {(rule, name) for rule, level, name, _ in found if level == MANDATORY} == {
        (volumes, "unencrypted"),
        (volumes, "alias-keyed"),
    }
    messages = {
        name: message
        for rule, _, name, message in found
        if rule == volumes and "volumeEncryptionKey" in message
    }
    assert "volumeEncryptionKey is empty" in messages["unencrypted"]
    assert "not an alias or id (got 'alias/workspaces')" in messages["alias-keyed"]
    assert ("workspaces-create-timeout", ADVISORY, "unencrypted") not in {
        (r, lvl, n) for r, lvl, n, _ in found
    }
