"""Small counts (below settings.SMALL_COUNT_THRESHOLD) are hidden in everything that leaves
the verksamhet: PDFs, CSV files and the pages shown to ledningsgrupp members.

Zero is shown (it identifies nobody); 1 to threshold−1 become "färre än 5".
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _


class Suppressed:
    """A hidden count. Renders as "fewer than N" in the active language."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold

    def __str__(self) -> str:
        return _("fewer than %(n)s") % {"n": self.threshold}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Suppressed) and other.threshold == self.threshold

    def __hash__(self) -> int:
        return hash(("suppressed", self.threshold))

    def __repr__(self) -> str:
        return f"<Suppressed <{self.threshold}>"


def threshold() -> int:
    return int(settings.SMALL_COUNT_THRESHOLD)


def suppress_count(value: Any, limit: int | None = None) -> Any:
    limit = threshold() if limit is None else limit
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < limit:
        return Suppressed(limit)
    return value
