from __future__ import annotations

import pytest

from tests.clients.factories import client_of


@pytest.fixture
def annas_client(world):  # type: ignore[no-untyped-def]
    return client_of(world, world.ombud_anna)
