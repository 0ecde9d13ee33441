"""Rule directory-no-local-admin-or-internet: compliant, non-compliant, allowed by settings."""

from __future__ import annotations

from tests.rules.resources import directory, rules_violated


def test_directory_compliant():
    assert (
        rules_violated([directory(enableInternetAccess=False, userEnabledAsLocalAdministrator=False)]) == []
    )


def test_directory_non_compliant_and_allowed_by_config():
    risky = directory(enableInternetAccess=True, userEnabledAsLocalAdministrator=True)
    assert sorted(m.split(" (")[0] for _, m in rules_violated([risky])) == [
        "WorkSpaces would get direct internet access",
        "users would be local administrators of their WorkSpaces",
    ]
    allowed = {
        "directory-no-local-admin-or-internet": {"allowInternetAccess": True, "allowLocalAdministrator": True}
    }
    assert rules_violated([risky], allowed) == []
