"""What a WorkSpaces user name can be: the logon name of a user in the registered directory.

This component registers Directory Service directories only (``d-`` ids: Simple AD, AD Connector,
AWS Managed Microsoft AD), whose users are Active Directory users: CreateWorkspaces finds the user by
its logon name, the ``sAMAccountName`` attribute. A name no directory can hold fails there, an hour
into a deployment, so it is refused first; a rule that only some directories enforce is a warning.

Microsoft's "SAM-Account-Name attribute" (the AD schema reference):
https://learn.microsoft.com/en-us/windows/win32/adschema/a-samaccountname
  "This attribute must be 20 characters or fewer to support earlier clients, and cannot contain any
  of these characters: " / \\ [ ] : ; | = , + * ? < >" (and the schema's Range-Upper is 256).
Microsoft's USER_INFO_0 (the account names NetUserAdd creates):
https://learn.microsoft.com/en-us/windows/win32/api/lmaccess/ns-lmaccess-user_info_0
  "account names cannot be terminated by a period".
"""

from __future__ import annotations

# Refused: no Active Directory holds a logon name with one of these (the attribute page above).
SAM_ACCOUNT_NAME_INVALID_CHARACTERS = '"/\\[]:;|=,+*?<>'
# Warned about: "20 characters or fewer to support earlier clients", while the schema allows 256,
# so whether a longer name exists depends on the directory (its type, how its users are created).
SAM_ACCOUNT_NAME_EARLIER_CLIENTS_LENGTH = 20


def _length(text: str) -> int:
    # As Windows counts characters: UTF-16 code units (the same as aws.limits.aws_length).
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def logon_name_problem(name: str) -> str | None:
    """Why no Active Directory can hold ``name`` as a logon name, or None."""
    bad = next((c for c in name if c in SAM_ACCOUNT_NAME_INVALID_CHARACTERS), None)
    if bad is None:
        return None
    hint = ""
    if bad == "\\":
        user = name.rsplit("\\", 1)[1]
        hint = f"; a domain prefix (DOMAIN\\user) is not part of the name: give the user alone, {user!r}"
    return (
        "user names are the directory's logon names (sAMAccountName), which cannot contain "
        f'" / \\ [ ] : ; | = , + * ? < > (got {bad!r} in {name!r}){hint}'
    )


def logon_name_warnings(name: str) -> list[str]:
    """What only some directories refuse in ``name``: one message each."""
    checks = "whether the directory holds it depends on the directory: check that the user exists as written"
    warnings = []
    length = _length(name)
    if length > SAM_ACCOUNT_NAME_EARLIER_CLIENTS_LENGTH:
        warnings.append(
            f"{length} characters: Microsoft documents logon names (sAMAccountName) of at most "
            f"{SAM_ACCOUNT_NAME_EARLIER_CLIENTS_LENGTH} to support earlier clients; {checks}"
        )
    if name.endswith("."):
        warnings.append(f"ends in a period, which Windows account names cannot; {checks}")
    return warnings
