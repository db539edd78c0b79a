"""Timing pages through Django's test client: p50/p95, query counts, results table."""

from __future__ import annotations

import json
import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse


@dataclass
class Page:
    """A page to measure: URL name candidates (first that reverses wins) and who asks."""

    name: str
    role: str
    candidates: Sequence[tuple[str, Sequence[str]]]  # (url name, keys of the args)
    pdf: bool = False
    # Called before every request (e.g. to empty a cache and measure the cold path).
    before: Callable[[], None] | None = None


@dataclass
class Result:
    page: str
    url: str = ""
    status: str = "ok"
    p50_ms: float | None = None
    p95_ms: float | None = None
    queries: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "p50_ms": self.p50_ms,
            "p95_ms": self.p95_ms,
            "queries": self.queries,
        }
        if self.status != "ok":
            out["status"] = self.status
        if self.url:
            out["url"] = self.url
        out.update(self.extra)
        return out


def percentile(samples: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100) of a non-empty sample."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(pct / 100 * len(ordered))))
    return ordered[rank - 1]


def resolve(page: Page, objects: dict[str, Any]) -> str | None:
    for url_name, keys in page.candidates:
        if any(objects.get(k) is None for k in keys):
            continue
        try:
            return reverse(url_name, args=[objects[k] for k in keys])
        except NoReverseMatch:
            continue
    return None


def time_calls(
    call: Callable[[], Any],
    n: int,
    warmup: int = 2,
    before: Callable[[], None] | None = None,
) -> list[float]:
    """Milliseconds per call; ``before`` runs ahead of each call, outside the timing."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(n):
        if before:
            before()
        t0 = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def count_queries(page: Page, user: Any, objects: dict[str, Any]) -> tuple[int, int]:
    """(HTTP status, number of queries) of one request for ``page`` as ``user``."""
    url = resolve(page, objects)
    assert url is not None, f"{page.name}: no URL"
    client = Client()
    client.force_login(user)
    client.get(url)  # the first request of a session may write it; count the second
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response.status_code, len(ctx)


def measure(page: Page, user: Any, objects: dict[str, Any], *, n: int, warmup: int = 2) -> Result:
    """Fetch the page ``n`` times as ``user``; a URL name that does not exist is "missing"."""
    url = resolve(page, objects)
    if url is None:
        return Result(page.name, status="missing")
    if user is None:
        return Result(page.name, url=url, status=f"no user with role {page.role}")
    client = Client()
    client.force_login(user)
    if page.before:
        page.before()
    with CaptureQueriesContext(connection) as ctx:
        first = client.get(url)
    queries = len(ctx)  # now: the next request's request_started signal empties the log
    if first.status_code != 200:
        return Result(page.name, url=url, status=f"HTTP {first.status_code}", queries=queries)
    if page.pdf and not first.content.startswith(b"%PDF"):
        return Result(page.name, url=url, status="not a PDF")

    def fetch() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{page.name}: HTTP {response.status_code}")
        if response.streaming:
            b"".join(response.streaming_content)  # type: ignore[arg-type]

    samples = time_calls(fetch, n, warmup=warmup, before=page.before)
    sql = sql_times(fetch, max(5, n // 3), before=page.before)
    return Result(
        page.name,
        url=url,
        p50_ms=round(statistics.median(samples), 1),
        p95_ms=round(percentile(samples, 95), 1),
        queries=queries,
        extra={"bytes": len(first.content), "sql_p50_ms": round(statistics.median(sql), 1)},
    )


def sql_times(
    call: Callable[[], Any], n: int, before: Callable[[], None] | None = None
) -> list[float]:
    """Per call, the milliseconds spent executing SQL (round trips included).

    psycopg's client-side cursors receive the whole result in ``execute``, so this is the
    database's share of the call; the rest is Python (ORM, templates, middleware).
    """
    spent: list[float] = []

    def timer(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[-1] += (time.perf_counter() - t0) * 1000

    for _ in range(n):
        if before:
            before()
        spent.append(0.0)
        with connection.execute_wrapper(timer):
            call()
    return spent


def fmt(value: Any, width: int) -> str:
    text = "–" if value is None else (f"{value:.1f}" if isinstance(value, float) else str(value))
    return text.rjust(width)


def table(results: Sequence[Result], *, target_ms: float = 100, max_queries: int = 15) -> str:
    lines = [f"{'page':<28}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'SQL ms':>9}  status"]
    lines.append("-" * len(lines[0]) + "-" * 12)
    for r in results:
        flags = []
        if r.p95_ms is not None and r.p95_ms >= target_ms and "_pdf" not in r.page:
            flags.append(f"p95 ≥ {target_ms:.0f}")
        if r.queries is not None and r.queries > max_queries:
            flags.append(f"> {max_queries} queries")
        status = r.status + (f" ({', '.join(flags)})" if flags else "")
        lines.append(
            f"{r.page:<28}{fmt(r.p50_ms, 9)}{fmt(r.p95_ms, 9)}{fmt(r.queries, 9)}"
            f"{fmt(r.extra.get('sql_p50_ms'), 9)}  {status}"
        )
    return "\n".join(lines)


def write_json(results: Sequence[Result], path: Path, extra: dict[str, Any] | None = None) -> None:
    data: dict[str, Any] = {r.page: r.as_json() for r in results}
    if extra:
        data["_meta"] = extra
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
