"""List pages use a fixed number of queries whatever the number of clients."""

from __future__ import annotations

import datetime

import pytest

from tests.dataprotection.factories import full_client

# The dry run walks the clients app's foreign keys (two queries per link and round): many
# queries, but the same number for 1 or 10 000 clients.
BOUNDS = {"/dataskydd/klienter/": 15, "/dataskydd/gallring/": 55, "/dataskydd/": 15}


@pytest.mark.parametrize("n", [1, 8])
@pytest.mark.parametrize("url", list(BOUNDS))
def test_fixed_queries(client, world, lead_lars, n, url, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    for i in range(n):
        full_client(world, alias=f"Old {i}", ended=datetime.date(2020, 1, 31))
    client.force_login(lead_lars)
    with django_assert_max_num_queries(BOUNDS[url]):
        response = client.get(url)
    assert response.status_code == 200
    if url != "/dataskydd/":
        assert "Old 0" in response.content.decode()
