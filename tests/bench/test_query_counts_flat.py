"""Every benchmarked page asks the same number of queries at two data sizes, and ≤ 15.

The generator fills the database twice (the second time five times larger, same shape); each
page of bench/pages.py is opened as its role on the largest verksamhet's objects. A page whose
query count grows with the data (a query per row) fails here, long before national scale.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from bench.harness import count_queries
from bench.pages import PAGES, largest_verksamhet, pick

# transaction: the second seeding TRUNCATEs; serialized_rollback: reference data come back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
MAX_QUERIES = 15


def counts_at(scale: int) -> dict[str, tuple[int, int]]:
    call_command(
        "seed_scale",
        verksamheter=2,
        ombud=4 * scale,
        clients=60 * scale,
        contacts=600 * scale,
        systembrister=12 * scale,
        today=datetime.date.today(),
        reset=True,
        verbosity=0,
    )
    users, objects = pick(largest_verksamhet())
    return {page.name: count_queries(page, users[page.role], objects) for page in PAGES}


def test_query_counts_are_flat_in_data_size_and_at_most_15():
    small = counts_at(3)
    large = counts_at(15)
    assert all(status == 200 for status, _ in [*small.values(), *large.values()]), (small, large)
    grew = {name: (small[name][1], large[name][1]) for name in small if small[name] != large[name]}
    assert not grew, f"query counts changed with data size (small, large): {grew}"
    over = {name: n for name, (_, n) in large.items() if n > MAX_QUERIES}
    assert not over, f"pages over {MAX_QUERIES} queries: {over}"
