"""SVG bar charts computed from the (possibly suppressed) tables.

The geometry is computed here; ``statsbidrag/charts/bars.svg`` draws it with presentation
attributes only (fill=, x=, width=): no style attributes and no script, so the CSP holds.
A hidden count draws no bar and is labelled "färre än 5"; a chart whose every bar would be
hidden is left out (``Chart.too_few``).

The PDF draws the same charts as HTML (``statsbidrag/charts/bars_pdf.html``): a segment is
``share`` per cent of the bar column wide, the longest bar ``PDF_BAR_SHARE`` per cent, so
that its value fits after it. WeasyPrint lays SVG text out letter by letter, which made the
four charts a fifth of the redovisning PDF's time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .suppression import Suppressed
from .tables import Table

WIDTH = 640
LABEL_W = 250
BAR_W = 300
PDF_BAR_SHARE = 80
ROW_H = 24
TOP = 34
COLOURS = ["#1f5f8b", "#b8561b", "#4d7326", "#6b4c9a"]


@dataclass
class Chart:
    key: str
    title: str
    height: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, Any]] = field(default_factory=list)
    width: int = WIDTH
    label_w: int = LABEL_W
    hidden: bool = False  # some value is a hidden count

    @property
    def too_few(self) -> bool:
        """Every count that would draw a bar is hidden: an empty frame tells nothing, so the
        document leaves the chart out and says why."""
        return self.hidden and not any(row["segments"] for row in self.rows)


def _num(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def bar_chart(
    key: str,
    title: str,
    labels: list[str],
    series: list[str],
    values: list[list[Any]],
    totals: list[Any] | None = None,
) -> Chart:
    """Horizontal bars, stacked when there is more than one series."""
    sums = [sum(_num(v) for v in row) for row in values]
    top = max(sums, default=0) or 1
    chart = Chart(key, title, TOP + ROW_H * len(labels) + 8)
    chart.hidden = any(isinstance(v, Suppressed) for row in values for v in row)
    if len(series) > 1:
        x: float = LABEL_W
        for i, name in enumerate(series):
            chart.legend.append({"label": name, "fill": COLOURS[i % len(COLOURS)], "x": x})
            x += 14 + 7 * len(name) + 18
    for r, (label, row) in enumerate(zip(labels, values, strict=True)):
        y = TOP + r * ROW_H
        x = float(LABEL_W)
        segments = []
        for i, v in enumerate(row):
            w = BAR_W * _num(v) / top
            if w > 0:
                segments.append(
                    {
                        "x": round(x, 1),
                        "width": round(w, 1),
                        "share": round(PDF_BAR_SHARE * w / BAR_W, 2),
                        "fill": COLOURS[i % len(COLOURS)],
                    }
                )
            x += w
        shown = totals[r] if totals is not None else (row[0] if len(row) == 1 else sums[r])
        hidden = any(isinstance(v, Suppressed) for v in row)
        text = str(shown)
        if hidden and not isinstance(shown, Suppressed) and len(row) > 1:
            text = f"{shown} *"
        chart.rows.append(
            {
                "label": label,
                "y": y,
                "text_y": y + 15,
                "segments": segments,
                "value": text,
                "value_x": round(x + 6, 1),
            }
        )
    return chart


def _table(tables: list[Table], key: str) -> Table | None:
    return next((t for t in tables if t.key == key), None)


def redovisning_charts(tables: list[Table]) -> dict[str, Chart]:
    """The four charts of the redovisning, keyed by the table they illustrate."""
    charts: dict[str, Chart] = {}
    t = _table(tables, "klienter-alder-kon")
    if t:
        rows = t.rows[:-1]  # without the total row
        charts[t.key] = bar_chart(
            "alder-kon",
            _("Clients during the year by age group and gender"),
            [r[0] for r in rows],
            [label for label, _k in t.columns[1:-1]],
            [r[1:-1] for r in rows],
            totals=[r[-1] for r in rows],
        )
    t = _table(tables, "klientgrupper")
    if t:
        rows = t.rows[:-1]
        charts[t.key] = bar_chart(
            "klientgrupper",
            _("Client groups (primary group)"),
            [r[0] for r in rows],
            [""],
            [[r[1]] for r in rows],
        )
    t = _table(tables, "avslut")
    if t:
        rows = t.rows[:-2]
        charts[t.key] = bar_chart(
            "avslut", _("Reasons for ending"), [r[0] for r in rows], [""], [[r[1]] for r in rows]
        )
    t = _table(tables, "systembrister-status")
    rows = [r for r in t.rows if _num(r[1]) or isinstance(r[1], Suppressed)] if t else []
    if t and rows:
        charts[t.key] = bar_chart(
            "systembrister-status",
            _("Systembrister by status"),
            [r[0] for r in rows],
            [""],
            [[r[1]] for r in rows],
        )
    return charts
