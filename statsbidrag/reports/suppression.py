"""The documents' side of small-count suppression; the rule itself is ``core.suppression``.

A hidden cell is a ``Suppressed`` value: "färre än 5" for a small count (primary), "dold" for
a cell hidden so that a small one cannot be worked out from a total (secondary).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from core.suppression import PRIMARY, SECONDARY, threshold
from core.suppression import suppress as suppress_cells

__all__ = ["PRIMARY", "SECONDARY", "Suppressed", "suppress_cells", "suppress_count", "threshold"]


class Suppressed:
    """A hidden count. Renders as "fewer than N" (or "hidden") in the active language."""

    def __init__(self, threshold: int, kind: str = PRIMARY) -> None:
        self.threshold = threshold
        self.kind = kind

    def __str__(self) -> str:
        if self.kind == SECONDARY:
            return _("hidden")
        return _("fewer than %(n)s") % {"n": self.threshold}

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Suppressed)
            and other.threshold == self.threshold
            and other.kind == self.kind
        )

    def __hash__(self) -> int:
        return hash(("suppressed", self.threshold, self.kind))

    def __repr__(self) -> str:
        return f"<Suppressed {self.kind} <{self.threshold}>"


def suppress_count(value: Any, limit: int | None = None) -> Any:
    """One count on its own, with no total beside it (primary suppression only)."""
    limit = threshold() if limit is None else limit
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < limit:
        return Suppressed(limit)
    return value
