"""Rows out of an uploaded file, streamed: ``.xlsx`` (openpyxl's read-only mode) or ``.csv``.

CSV: UTF-8 with or without a BOM (Excel writes one), semicolon (Swedish Excel) or comma,
decided on the header line. Rows are numbered as the spreadsheet shows them (the header is
row 1); rows with nothing but spaces are skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .values import CellError, text

XLSX_MAGIC = b"PK\x03\x04"


class FileError(Exception):
    """The file as a whole cannot be read (not a spreadsheet, no header, a column missing)."""

    def __init__(self, reason: str, column: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.column = column


@dataclass
class Sheet:
    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]


def is_xlsx(content: bytes) -> bool:
    return content[:4] == XLSX_MAGIC


def open_sheet(content: bytes) -> Sheet:
    rows = _xlsx_rows(content) if is_xlsx(content) else _csv_rows(content)
    for _row, cells in rows:
        if any(text(c) for c in cells):
            return Sheet([text(c) for c in cells], _non_empty(rows))
    raise FileError(_("The file is empty: the first row must name the columns."))


def _non_empty(rows: Iterator[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    for number, cells in rows:
        if any(text(c) for c in cells):
            yield number, cells


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise FileError(_("The file cannot be read as an Excel workbook (.xlsx).")) from None
    sheet = book.worksheets[0]
    try:
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    finally:
        book.close()


def _csv_rows(content: bytes) -> Iterator[tuple[int, list[Any]]]:
    if content.startswith(codecs.BOM_UTF8):
        content = content[len(codecs.BOM_UTF8) :]
    try:
        # Decoding up front keeps the error on the file, not on a row half-way through;
        # the text is streamed through csv below without a second copy of the rows.
        decoded = content.decode("utf-8")
    except UnicodeDecodeError:
        raise FileError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” or as an Excel workbook.")
        ) from None
    first_line = decoded[: decoded.find("\n") if "\n" in decoded else len(decoded)]
    delimiter = _delimiter(first_line)
    reader = csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error:
        raise FileError(_("The file is not a valid CSV file.")) from None


def _delimiter(header_line: str) -> str:
    """Semicolon or comma, from the header line (the headers themselves contain neither)."""
    try:
        return csv.Sniffer().sniff(header_line, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: header_line.count(d) for d in ";,\t"}
        return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"


def header_index(header: list[str], columns: list[str], required: list[str]) -> dict[str, int]:
    """Each known column's position (headers case-insensitive, spaces trimmed)."""
    positions: dict[str, int] = {}
    wanted = {c.casefold(): c for c in columns}
    for i, name in enumerate(header):
        key = " ".join(name.replace("*", "").split()).casefold()
        if key in wanted and wanted[key] not in positions:
            positions[wanted[key]] = i
    missing = [c for c in required if c not in positions]
    if missing:
        raise FileError(
            _("The column “%(column)s” is missing: use the template's headers.")
            % {"column": missing[0]},
            column=missing[0],
        )
    return positions


__all__ = ["CellError", "FileError", "Sheet", "header_index", "is_xlsx", "open_sheet"]
