"""The access-matrix contract shared by every app.

Each app lists its URLs in ``tests/<app>/access_cases.py`` as a function
``cases(world) -> list[Case]``. Every role is given an expected status; ``tests/test_access_matrix.py``
runs them all and fails on any URL pattern that no app lists.

Roles (columns of the matrix):
- anonymous: not logged in
- ombud: ombud_anna, in the verksamhet
- lead: lead_lars
- member: member_fk (Försäkringskassan: the organisation responsible in the cases' objects)
- member_other: member_af (Arbetsförmedlingen: a member of another organisation)
- grant_officer: grant_gunilla
- admin: admin_agnes (verksamhet admin, not a Django superuser)
- outsider: outsider_olle, lead of another verksamhet
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ROLE_USERS = {
    "anonymous": None,
    "ombud": "ombud_anna",
    "lead": "lead_lars",
    "member": "member_fk",
    "member_other": "member_af",
    "grant_officer": "grant_gunilla",
    "admin": "admin_agnes",
    "outsider": "outsider_olle",
}
ROLES = list(ROLE_USERS)


@dataclass
class Case:
    url_name: str
    expect: dict[str, int]
    kwargs: dict[str, Any] = field(default_factory=dict)
    method: str = "get"
    data: dict[str, Any] | None = None
    query: str = ""

    def __post_init__(self) -> None:
        missing = set(ROLES) - set(self.expect)
        if missing:
            raise ValueError(f"{self.url_name}: no expected status for {sorted(missing)}")


def statuses(default: int, *, anonymous: int = 302, **overrides: int) -> dict[str, int]:
    """Expected statuses: ``default`` for every logged-in role unless overridden."""
    unknown = set(overrides) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {unknown}")
    result = {role: default for role in ROLES}
    result["anonymous"] = anonymous
    result.update(overrides)
    return result


def only(
    allowed: dict[str, int], *, denied: int = 403, outsider: int | None = None
) -> dict[str, int]:
    """``allowed`` roles get their status; every other logged-in role gets ``denied``."""
    result = {role: denied for role in ROLES}
    result["anonymous"] = 302
    if outsider is not None:
        result["outsider"] = outsider
    result.update(allowed)
    return result
