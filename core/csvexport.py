"""The one CSV writer every export uses: Swedish Excel's dialect, and no formulas from users.

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (CSV injection): a report title such as ``=HYPERLINK(...)`` would run
when a ledningsgrupp member opens the file. Text cells that start so get a leading ``'``,
which the spreadsheet shows as text. Numbers (int, Decimal, float) are written as numbers
with a decimal comma, so a negative count or amount stays a number that can be summed.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.http import HttpResponse

# The full-width forms too: some spreadsheets read them as the ASCII ones.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value: Any) -> str:
    """One value as the text of a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = value if isinstance(value, Decimal) else Decimal(str(value))
        if number.is_finite():
            return format(number, "f").replace(".", ",")
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


class CsvWriter:
    """``csv.writer`` with ``cell`` applied to every value."""

    def __init__(self, stream: Any) -> None:
        self._writer = csv.writer(stream, delimiter=";")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_response(filename: str) -> tuple[HttpResponse, CsvWriter]:
    """An attachment response and the writer to fill it with."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM
    return response, CsvWriter(response)
