"""Profile one benchmark page with cProfile (``bench/profile_page.py caseload [--sort tottime]``).

Runs the page a few times warm, then once under cProfile, and prints the top functions and
the page's queries with their times. For finding where a page spends its time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("OMBUD_DB_NAME", "ombud_scale")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--queries", action="store_true", help="list the queries with times")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from bench import harness
    from bench.pages import PAGES, largest_verksamhet, pick

    page = next(p for p in PAGES if p.name == args.page)
    users, objects = pick(largest_verksamhet())
    url = harness.resolve(page, objects)
    assert url is not None
    client = Client()
    client.force_login(users[page.role])
    for _ in range(3):
        client.get(url)
    timings: list[tuple[float, str]] = []

    def timer(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append(((time.perf_counter() - t0) * 1000, sql))

    with connection.execute_wrapper(timer):
        t0 = time.perf_counter()
        client.get(url)
        total = (time.perf_counter() - t0) * 1000
    sql_ms = sum(t for t, _ in timings)
    print(f"{url}: {total:.1f} ms, {len(timings)} queries, {sql_ms:.1f} ms in execute")
    if args.queries:
        for t, sql in sorted(timings, reverse=True):
            print(f"  {t:7.1f} ms  {sql[:300]}")
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
