"""Formatting of figure cells: Swedish number format, "färre än 5", dash for missing."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.formats import number_format

from statsbidrag.reports.suppression import Suppressed

register = template.Library()


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
        return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


@register.filter
def cell(value: Any, kind: str) -> str:
    return format_cell(value, kind)


@register.filter
def is_numeric(kind: str) -> bool:
    return kind in ("count", "money", "number")


@register.filter
def zip_kinds(row: list[Any], kinds: list[str]) -> list[tuple[Any, str]]:
    return list(zip(row, kinds, strict=False))
