"""Benchmark every main page per role against the national-scale data (``make bench``).

    OMBUD_DB_NAME=ombud_scale .venv/bin/python bench/run.py [-n 30] [--only caseload,...]

Writes bench/results.json ({"page": {"p50_ms", "p95_ms", "queries"}}) and prints a table,
then the raw-SQL lower bound for the caseload and the client overview and the ratio.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("OMBUD_DB_NAME", "ombud_scale")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", "--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--pdf-requests", type=int, default=None, help="timed requests per PDF")
    parser.add_argument("--only", default="", help="comma-separated page names")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.db import connection

    from bench import harness, rawsql
    from bench.pages import PAGES, largest_verksamhet, pick

    verksamhet = largest_verksamhet()
    if verksamhet is None:
        print(f"No data in {connection.settings_dict['NAME']!r}: run `make seed-scale` first.")
        return 2
    users, objects = pick(verksamhet)
    n_clients = verksamhet.clients.count()
    print(
        f"Database {connection.settings_dict['NAME']!r}; largest verksamhet: {verksamhet.name} "
        f"({n_clients:,} clients); ombud {users.get('ombud')}; objects {objects}"
    )
    only = {p for p in args.only.split(",") if p}
    results = []
    started = time.monotonic()
    for page in PAGES:
        if only and page.name not in only:
            continue
        n = (args.pdf_requests or args.requests) if page.pdf else args.requests
        try:
            result = harness.measure(page, users.get(page.role), objects, n=n)
        except Exception as exc:  # a page that crashes is a result, not the end of the run
            result = harness.Result(page.name, status=f"error: {type(exc).__name__}: {exc}"[:120])
        results.append(result)
        print(f"  {page.name}: {result.status} {result.p50_ms or ''} ms", flush=True)

    ratios: dict[str, dict[str, float]] = {}
    day = datetime.date.today()
    ombud = users.get("ombud")
    raw = {
        "caseload": lambda: rawsql.caseload(ombud=ombud.pk, verksamhet=verksamhet.pk, day=day),
        "client_detail": lambda: rawsql.client_detail(
            client=objects["client"], ombud=ombud.pk, verksamhet=verksamhet.pk, day=day
        ),
    }
    for name, call in raw.items():
        if ombud is None or (name == "client_detail" and not objects.get("client")):
            continue
        samples = harness.time_calls(call, args.requests)
        result = harness.Result(
            f"{name}_raw_sql",
            p50_ms=round(statistics.median(samples), 1),
            p95_ms=round(harness.percentile(samples, 95), 1),
            queries=len(rawsql.DETAIL) if name == "client_detail" else 1,
        )
        page = next((r for r in results if r.page == name and r.p50_ms), None)
        empty = next((r for r in results if r.page == "empty_page" and r.p50_ms), None)
        if page and result.p50_ms:
            # The page's own SQL: without the three queries every page asks before the view
            # runs (session, user, roles), which the hand-written SQL does not include.
            fixed = empty.extra["sql_p50_ms"] if empty else 0.0
            own = max(0.0, page.extra["sql_p50_ms"] - fixed)
            ratio = {
                "page_over_raw_p50": round(page.p50_ms / result.p50_ms, 1),  # type: ignore[operator]
                "page_sql_over_raw_p50": round(own / result.p50_ms, 1),
            }
            result.extra.update(ratio)
            ratios[name] = ratio
        results.append(result)

    print()
    print(harness.table(results))
    print()
    empty = next((r for r in results if r.page == "empty_page" and r.p50_ms), None)
    for name, ratio in ratios.items():
        print(
            f"{name}: the page's own SQL takes {ratio['page_sql_over_raw_p50']}× the hand-written "
            f"SQL's time (target ≤ 2×); the whole page takes {ratio['page_over_raw_p50']}× it"
            + (f" (an empty page alone: {empty.p50_ms} ms)" if empty else "")
        )
    meta = {
        "database": connection.settings_dict["NAME"],
        "verksamhet": verksamhet.name,
        "clients_in_verksamhet": n_clients,
        "requests_per_page": args.requests,
        "measured_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "seconds": round(time.monotonic() - started, 1),
    }
    harness.write_json(results, Path(args.output), extra=meta)
    print(f"\nWrote {args.output} in {meta['seconds']} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
