"""Formatting of figure cells: Swedish number format, "färre än 5", dash for missing."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.formats import get_format, number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from statsbidrag.reports.suppression import Suppressed
from statsbidrag.reports.tables import NUMERIC, Table

register = template.Library()


def grouped(number: Decimal | int, places: int = 0) -> str:
    """``number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)``,
    with the common case (groups of three) done by Python's own formatting: a document
    formats some 600 numbers."""
    lang = get_language()
    if get_format("NUMBER_GROUPING", lang) != 3:
        return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)
    separators = {
        ord(","): get_format("THOUSAND_SEPARATOR", lang),
        ord("."): get_format("DECIMAL_SEPARATOR", lang),
    }
    return f"{number:,.{places}f}".translate(separators)


def format_cell(value: Any, kind: str) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, Suppressed):
        return str(value)
    if kind in ("money", "number") or (kind == "count" and isinstance(value, int)):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        if kind == "money":
            places = 0 if number == number.to_integral_value() else 2
        elif kind == "number" and not isinstance(value, int):
            places = 2
        else:
            places = 0
        # number_format truncates: round half up first (1.8767 → 1,88).
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return grouped(number, places)
    if isinstance(value, int) and not isinstance(value, bool):
        return grouped(value)
    return str(value)


@register.filter
def cell(value: Any, kind: str) -> str:
    return format_cell(value, kind)


@register.filter
def is_numeric(kind: str) -> bool:
    return kind in NUMERIC


@register.simple_tag
def table_rows(table: Table) -> SafeString:
    """The ``<tr>`` rows of a figures table: the first cell a row header, numbers
    right-aligned. Built here rather than in nested ``{% for %}`` loops: a document has
    some 600 cells, which the template language renders at tens of µs each."""
    kinds = table.kinds
    opening = ['<th scope="row" class="fw-normal">'] + [
        '<td class="num text-end">' if kind in NUMERIC else "<td>" for kind in kinds[1:]
    ]
    closing = ["</th>"] + ["</td>"] * (len(kinds) - 1)
    rows = [
        "<tr>"
        + "".join(
            f"{o}{escape(format_cell(v, k))}{c}"
            for v, k, o, c in zip(row, kinds, opening, closing, strict=True)
        )
        + "</tr>"
        for row in table.rows
    ]
    return mark_safe("\n".join(rows))  # noqa: S308 (every value is escaped above)
