"""Generated values, key by key: the stack-file schema accepts a value exactly when the model does.

Only what one key decides (the model's field validation); the checks across keys (volume size pairs,
key users, user-name collisions, createTimeout with encrypted root volumes) are the model's alone.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from encrypted_workspaces.aws import limits
from encrypted_workspaces.config import NAMESPACE, EncryptedWorkspacesArgs
from encrypted_workspaces.schema.command import PROJECT_ROOT
from tests.conftest import ACCOUNT_ID, REGION, valid_namespace

VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((PROJECT_ROOT / "stacks" / "stack-config.schema.json").read_text())
)
BASE = valid_namespace()


def _near(regex: str, alphabet: str, max_size: int) -> st.SearchStrategy[str]:
    """Strings that match ``regex`` and strings that almost do."""
    return st.one_of(st.from_regex(regex, fullmatch=True), st.text(alphabet=alphabet, max_size=max_size))


ARN = r"arn:aws:iam::123456789012:(role|user|group)/(x/)?[A-Za-z0-9+=,.@_-]{1,5}"
ARN_CHARS = "arn:aws-cniam0123456789/roleusgpX+=,.@_- "

FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "directory.directoryId": _near(limits.DIRECTORY_ID_PATTERN, "d-0123456789abcdefgA", 13),
    "directory.subnetIds": st.lists(
        _near(limits.SUBNET_ID_PATTERN, "subnet-0123456789abcdefg", 26), max_size=3
    ),
    "directory.workspaceCreationProperties.customSecurityGroupId": _near(
        limits.SECURITY_GROUP_ID_PATTERN, "sg-0123456789abcdefG", 21
    ),
    "workspaces.defaults.bundleId": _near(limits.BUNDLE_ID_PATTERN, "wsb-0123456789abcz-", 14),
    "workspaces.defaults.computeTypeName": st.sampled_from(
        [*limits.COMPUTE_TYPE_NAMES, "HUGE", "standard", ""]
    ),
    "workspaces.users.bob.runningMode": st.sampled_from([*limits.RUNNING_MODES, "SOMETIMES", "auto_stop"]),
    "workspaces.defaults.runningModeAutoStopTimeoutInMinutes": st.integers(-120, 400),
    "workspaces.createTimeout": _near(r"(\d+h)?(\d+m)?(\d+s)?", "0123456789hms x", 8),
    "key.alias": _near(r"[Aa]lias/([Aa][Ww][Ss]/)?[A-Za-z0-9/_-]{1,8}", "aliasAWS/_-x0:. ", 14),
    "key.rotationPeriodInDays": st.integers(0, 3000),
    "key.deletionWindowInDays": st.integers(0, 40),
    "key.description": st.integers(8190, 8194).map(lambda length: "a" * length),
    "key.administrators": st.lists(_near(ARN, ARN_CHARS, 50), max_size=2),
    "administrators.principals": st.lists(_near(ARN, ARN_CHARS, 50), max_size=2),
    "tags": st.dictionaries(
        st.text(alphabet="aAwWsS:x", max_size=6) | st.integers(127, 129).map(lambda length: "k" * length),
        st.text(alphabet="v", max_size=4) | st.integers(255, 257).map(lambda length: "v" * length),
        max_size=3,
    ),
}


def _with(path: str, value: Any) -> dict[str, Any]:
    namespace = copy.deepcopy(BASE)
    *parents, last = path.split(".")
    holder = namespace
    for part in parents:
        holder = holder.setdefault(part, {})
    holder[last] = value
    return namespace


def _schema_accepts(namespace: dict[str, Any]) -> bool:
    config = {"aws:region": REGION, "aws:allowedAccountIds": [ACCOUNT_ID]}
    config.update({f"{NAMESPACE}:{key}": value for key, value in namespace.items()})
    return VALIDATOR.is_valid({"config": config})


def _model_accepts(namespace: dict[str, Any]) -> bool:
    try:
        EncryptedWorkspacesArgs.model_validate(namespace)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("path", list(FIELDS))
def test_schema_and_model_agree_on_every_value_of_the_key(path):
    # Derandomized: the same values every run, so a failure is never a flake.
    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(FIELDS[path])
    def agree(value):
        namespace = _with(path, value)
        assert _schema_accepts(namespace) == _model_accepts(namespace), f"{path} = {value!r}"

    agree()
