"""Spreadsheets for the import tests, built in memory as a team's files would be."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook


def xlsx(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(
    header: Sequence[str], rows: Sequence[Sequence[Any]], *, sep: str = ";", bom: bool = True
) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")
