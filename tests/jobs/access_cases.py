"""Every jobs URL × every role (tests/test_access_matrix.py)."""

from __future__ import annotations

from tests.access import Case, only


def cases(world) -> list[Case]:  # type: ignore[no-untyped-def]
    return [Case("jobs:log", only({"admin": 200}))]
