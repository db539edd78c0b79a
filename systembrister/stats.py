"""Small-count suppression: figures below the threshold are masked outside the staff."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from core.suppression import SECONDARY, Hidden
from core.suppression import suppress as core_suppress

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
    """The statistics with every count suppressed as the viewer requires: for those outside
    the staff, core.suppression's rule (small counts, and no hidden count worked out from the
    year's total: the statuses and the levels each add up to the reports of the year).

    Each row's ``count`` is what to show, ``number`` the count or None when hidden, and
    ``hidden`` why it is hidden ("" when shown), for CSV files that stay numeric."""
    groups = ("by_status", "by_level", "by_outcome", "by_organisation")
    cells: dict[Any, int] = {"reported": stats["reported"]}
    for group in groups:
        cells.update({(group, key): n for key, _label, n in stats[group]})
    sums = [
        ("reported", [(group, key) for key, _label, _n in stats[group]])
        for group in ("by_status", "by_level")
    ]
    hidden = (
        Hidden({}, small_count_threshold())
        if staff
        else core_suppress(cells, sums, limit=small_count_threshold())
    )

    def shown(key: Any) -> dict[str, Any]:
        kind = hidden.kind(key)
        if kind is None:
            return {"count": cells[key], "number": cells[key], "hidden": ""}
        text = _("hidden") if kind == SECONDARY else _("fewer than %(n)s") % {"n": hidden.threshold}
        return {"count": text, "number": None, "hidden": text}

    result: dict[str, Any] = {"year": stats["year"], "reported": shown("reported")["count"]}
    result["reported_row"] = shown("reported")
    for group in groups:
        result[group] = [
            {"key": key, "label": label, **shown((group, key))} for key, label, _n in stats[group]
        ]
    return result
