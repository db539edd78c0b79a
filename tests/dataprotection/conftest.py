from __future__ import annotations

import datetime

import pytest

from tests.dataprotection.factories import full_client


@pytest.fixture
def kim(world):  # type: ignore[no-untyped-def]
    """An active client with a full record."""
    return full_client(world)


@pytest.fixture
def old_client(world):  # type: ignore[no-untyped-def]
    """A client whose uppdrag ended long ago (due for gallring under the default rule)."""
    return full_client(world, alias="Gammal", ended=datetime.date(2020, 6, 30))
