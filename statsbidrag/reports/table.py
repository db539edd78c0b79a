"""The labelled table of the reports and its small helpers, and the suppression of small counts
across the tables of one document."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, cast

from django.utils.translation import gettext as _

from clients.models import Gender
from core.suppression import Hidden, Sum, grid_sums
from core.suppression import suppress as suppress_cells

from .clients import AGE_BANDS, GENDERS
from .suppression import Suppressed

# Snapshots live in JSONB, which does not keep key order: tables always use these lists.
G_TOTAL = [*GENDERS, "total"]
B_TOTAL = [*AGE_BANDS, "total"]

COUNT, MONEY, NUMBER, TEXT, DATE = "count", "money", "number", "text", "date"
NUMERIC = frozenset((COUNT, MONEY, NUMBER))


# A cell's identity across tables: the same figure shown twice has one key, so that it is
# hidden in both or in neither.
Key = Hashable


@dataclass
class Table:
    key: str
    title: str
    columns: list[tuple[str, str]]  # (label, kind)
    rows: list[list[Any]] = field(default_factory=list)
    # Count cells' keys where a figure appears in several tables ((row, column) -> key);
    # every other count cell is (table key, row, column).
    keys: dict[tuple[int, int], Key] = field(default_factory=dict)
    # The totals a reader sees, in keys: (total, parts).
    sums: list[Sum] = field(default_factory=list)

    def key_of(self, row: int, column: int) -> Key:
        return self.keys.get((row, column), (self.key, row, column))

    def count_cells(self) -> dict[Key, int]:
        return {
            self.key_of(r, c): value
            for r, row in enumerate(self.rows)
            for c, (value, kind) in enumerate(zip(row, self.kinds, strict=True))
            if kind == COUNT and isinstance(value, int) and not isinstance(value, bool)
        }

    def grid(self, *, total_row: int | None = None, total_column: int | None = None) -> Table:
        """Adds the sums of a table whose last row and/or column is the total of the others
        (over its count columns)."""
        columns = [c for c, kind in enumerate(self.kinds) if kind == COUNT]
        for total, parts in grid_sums(
            range(len(self.rows)), columns, total_row=total_row, total_column=total_column
        ):
            cell = cast(tuple[int, int], total)  # grid_sums keys its cells (row, column)
            self.sums.append(
                (self.key_of(*cell), [self.key_of(*cast(tuple[int, int], p)) for p in parts])
            )
        return self

    def masked(self, hidden: Hidden) -> Table:
        """A copy with the hidden count cells as ``Suppressed``."""
        rows = [
            [
                Suppressed(hidden.threshold, hidden.cells[self.key_of(r, c)])
                if kind == COUNT and self.key_of(r, c) in hidden
                else v
                for c, (v, kind) in enumerate(zip(row, self.kinds, strict=True))
            ]
            for r, row in enumerate(self.rows)
        ]
        return Table(self.key, self.title, self.columns, rows, self.keys, self.sums)

    def suppressed(self) -> Table:
        """This table alone with small counts hidden (primary and secondary)."""
        return suppress_tables([self])[0]

    @property
    def kinds(self) -> list[str]:
        return [k for _label, k in self.columns]

    @property
    def widths(self) -> list[float]:
        """Column widths in per cent, for the PDF's fixed table layout (WeasyPrint's automatic
        layout measures every cell twice): in proportion to the longest word of the heading
        or the longest value, text capped at 32 characters and numbers at 16; the number
        columns of a table equally wide."""
        needs: list[float] = []
        for i, (label, kind) in enumerate(self.columns):
            # In widths of a letter: bold headings and digits are wider; 2 for the padding.
            heading = 1.2 * max((len(w) for w in str(label).split()), default=1)
            value = max(
                (_letters(str(row[i])) for row in self.rows if row[i] is not None), default=1
            )
            needs.append(max(heading, min(value, 32 if kind == TEXT else 16)) + 2)
        numeric = [n for n, kind in zip(needs, self.kinds, strict=True) if kind in NUMERIC]
        if numeric:
            needs = [
                max(numeric) if kind in NUMERIC else n
                for n, kind in zip(needs, self.kinds, strict=True)
            ]
        total = sum(needs)
        return [round(100 * n / total, 1) for n in needs]


def _letters(text: str) -> float:
    return len(text) * (1.15 if text[:1].isdigit() else 1.0)


def category_labels() -> dict[str, str]:
    return {
        "ongoing_at_start": _("Ongoing at the start of the year"),
        "new": _("New during the year"),
        "ended": _("Ended during the year"),
        "waiting_at_year_end": _("On the waiting list at the end of the year"),
        "served": _("Clients during the year, total"),
    }


def band_label(band: str) -> str:
    if band == "unknown":
        return _("Age not known")
    if band == "total":
        return _("Total")
    return _("%(band)s years") % {"band": band.replace("-", "–")}


def gender_columns() -> list[tuple[str, str]]:
    return [(str(Gender(g).label), COUNT) for g in GENDERS] + [(_("Total"), COUNT)]


# Keys of figures that several tables show: the served clients by age band and gender.
SERVED_TOTAL: Key = ("served", "total", "total")
ENDED_UPPDRAG: Key = ("end_reasons", "total")


def suppress_tables(tables: list[Table]) -> list[Table]:
    """The tables of one document with small counts hidden, decided together: a figure that
    two tables show is hidden in both, and every total any of them shows is respected."""
    cells: dict[Key, int] = {}
    sums: list[Sum] = []
    for table in tables:
        cells.update(table.count_cells())
        sums += table.sums
    hidden = suppress_cells(cells, sums)
    return [t.masked(hidden) for t in tables]
