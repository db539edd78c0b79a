"""Small-count suppression: figures below the threshold are masked outside the staff."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .selectors import small_count_threshold


def suppress(n: int, *, staff: bool) -> Any:
    """``n`` itself for the verksamhet's staff; "färre än 5" for others when 0 < n < threshold."""
    threshold = small_count_threshold()
    if staff or n == 0 or n >= threshold:
        return n
    return _("fewer than %(n)s") % {"n": threshold}


def suppress_rows(rows: list[tuple[Any, Any, int]], *, staff: bool) -> list[dict[str, Any]]:
    return [
        {"key": key, "label": label, "count": suppress(n, staff=staff)} for key, label, n in rows
    ]


def shown_statistics(stats: dict[str, Any], *, staff: bool) -> dict[str, Any]:
    """The statistics with every count suppressed as the viewer requires."""
    return {
        "year": stats["year"],
        "reported": suppress(stats["reported"], staff=staff),
        "by_status": suppress_rows(stats["by_status"], staff=staff),
        "by_level": suppress_rows(stats["by_level"], staff=staff),
        "by_outcome": suppress_rows(stats["by_outcome"], staff=staff),
        "by_organisation": suppress_rows(stats["by_organisation"], staff=staff),
    }
