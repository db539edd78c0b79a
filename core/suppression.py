"""Small-count suppression: the one rule for figures that reach people outside the staff.

Who sees what (docs/statistics.md): the application and redovisning sent to länsstyrelsen and
the staff's screens (capability ``figures.exact``) show exact counts. Everything else that
shows counts of clients — ledningsgrupp members' pages, published statistics, the
publiceringsversion of the redovisning, CSV files for them — goes through ``suppress``:

- **Primary:** a count from 1 to threshold − 1 (``SMALL_COUNT_THRESHOLD``, 5) is hidden and
  shown as "färre än 5". Zero is shown: it identifies nobody.
- **Secondary:** a hidden cell must not be derivable from a sum it takes part in (a row
  total, a column total, or any other ``total = part + part + ...`` the tables show). For each
  sum the reader's knowledge is replayed: shown cells exactly, a primary cell as 1..threshold−1,
  a secondary cell as at least the threshold. While some hidden cell of a sum is pinned to one
  value, the smallest non-zero shown part of that sum (else its total) is hidden as well.

Each sum is checked on its own, as a reader with the table and a pencil would. One case
cannot be helped by hiding more: a total below the threshold whose parts are all small
(four parts of one each under a total of four); every cell of it is hidden already.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings

PRIMARY, SECONDARY = "primary", "secondary"

# A sum as the reader sees it: the total's cell and its parts' cells.
Sum = tuple[Hashable, Sequence[Hashable]]


def threshold() -> int:
    return int(settings.SMALL_COUNT_THRESHOLD)


@dataclass(frozen=True)
class Hidden:
    """What ``suppress`` decided: cell -> PRIMARY or SECONDARY."""

    cells: Mapping[Hashable, str]
    threshold: int

    def __contains__(self, key: object) -> bool:
        return key in self.cells

    def kind(self, key: Hashable) -> str | None:
        return self.cells.get(key)


def _bounds(value: int, kind: str | None, limit: int) -> tuple[float, float]:
    """What a reader knows of a cell: its value, or the range its mark allows."""
    if kind is None:
        return value, value
    if kind == PRIMARY:
        return 1, limit - 1
    return limit, math.inf  # secondary: never a zero (see suppress), so at least the threshold


def pinned(
    members: Sequence[tuple[Hashable, int]],
    cells: Mapping[Hashable, int],
    hidden: Mapping[Hashable, str],
    limit: int,
) -> list[Hashable]:
    """The hidden cells of one sum that the sum pins to a single value.

    ``members`` are (cell, sign) with the sum meaning Σ sign·value = 0 (the total +1, its
    parts −1). Each hidden cell's range is what the others' ranges leave it.
    """
    ranges = {k: _bounds(cells[k], hidden.get(k), limit) for k, _sign in members}

    def low(k: Hashable, sign: int) -> float:  # the least sign·value the reader allows
        lo, hi = ranges[k]
        return sign * lo if sign > 0 else sign * hi

    def high(k: Hashable, sign: int) -> float:
        lo, hi = ranges[k]
        return sign * hi if sign > 0 else sign * lo

    found = []
    for k, sign in members:
        if k not in hidden:
            continue
        others_lo = sum(low(o, s) for o, s in members if o != k)
        others_hi = sum(high(o, s) for o, s in members if o != k)
        # sign·x = −(the others' part), so x lies in this range, and within its own.
        x_lo, x_hi = (-others_hi, -others_lo) if sign > 0 else (others_lo, others_hi)
        x_lo, x_hi = max(ranges[k][0], x_lo), min(ranges[k][1], x_hi)
        if x_lo == x_hi:  # (x_lo > x_hi: the sum does not hold, so it tells nothing)
            found.append(k)
    return found


def suppress(
    cells: Mapping[Hashable, int],
    sums: Iterable[Sum] = (),
    *,
    limit: int | None = None,
) -> Hidden:
    """Primary and secondary suppression of ``cells`` (cell -> exact count).

    ``sums`` are the totals the reader sees, each (total cell, part cells); a sum that names
    a cell not among ``cells`` is not shown and so not used.
    """
    limit = threshold() if limit is None else limit
    hidden: dict[Hashable, str] = {k: PRIMARY for k, v in cells.items() if 0 < v < limit}
    relations = [
        [(total, 1), *((p, -1) for p in parts)]
        for total, parts in sums
        if total in cells and parts and all(p in cells for p in parts)
    ]
    changed = True
    while changed:
        changed = False
        for members in relations:
            if not any(k in hidden for k, _sign in members):
                continue
            if not pinned(members, cells, hidden, limit):
                continue
            # The smallest part hides least. Never a zero: a hidden zero would be read as
            # "at least the threshold" and mislead; the total goes instead.
            shown_parts = sorted(
                (k for k, s in members if s < 0 and k not in hidden and cells[k] > 0),
                key=lambda k: cells[k],
            )
            total = members[0][0]
            choice = shown_parts[0] if shown_parts else (None if total in hidden else total)
            if choice is not None:
                hidden[choice] = SECONDARY
                changed = True
    return Hidden(hidden, limit)


def grid_sums(
    rows: Sequence[Any], columns: Sequence[Any], *, total_row: Any = None, total_column: Any = None
) -> list[Sum]:
    """The sums of a table with cells keyed (row, column): each row's total column and each
    column's total row, where the table has them."""
    sums: list[Sum] = []
    if total_column is not None:
        parts = [c for c in columns if c != total_column]
        sums += [((r, total_column), [(r, c) for c in parts]) for r in rows]
    if total_row is not None:
        parts_r = [r for r in rows if r != total_row]
        sums += [((total_row, c), [(r, c) for r in parts_r]) for c in columns]
    return sums
