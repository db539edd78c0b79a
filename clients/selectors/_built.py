"""Queries built once per thread and arguments (a user, a verksamhet, a day)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def built_once(fn: F) -> F:
    """Keep the queryset ``fn`` builds for its arguments; callers evaluate a copy (``.all()``,
    ``.filter()``), never the kept one, so no result is ever kept.

    Building the access rule's and the lists' subqueries cost about as much as running them,
    on every page. The cache is per thread: a queryset's copies share its subqueries, and
    compiling one briefly adjusts their join counts (a sync worker has one thread anyway).
    """
    local = threading.local()

    @functools.wraps(fn)
    def wrapper(*args: Any) -> Any:
        cached = getattr(local, "cached", None)
        if cached is None:
            cached = local.cached = functools.lru_cache(maxsize=256)(fn)
        return cached(*args)

    return wrapper  # type: ignore[return-value]
