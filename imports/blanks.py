"""The template a team fills in: the kind's headers, and (.xlsx) a sheet of allowed values."""

from __future__ import annotations

import io

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from core.csvexport import CsvWriter
from core.models import Verksamhet

from .kinds import KINDS

ALLOWED_SHEET = "Tillåtna värden"


def template_bytes(kind: str, fmt: str, verksamhet: Verksamhet | None = None) -> bytes:
    spec = KINDS[kind]
    with translation.override(settings.LANGUAGE_CODE):
        if fmt == "csv":
            stream = io.StringIO()
            stream.write("\ufeff")
            CsvWriter(stream).writerow(spec.columns)
            return stream.getvalue().encode("utf-8")
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        sheet.title = spec.sheet_title
        sheet.append(spec.columns)
        for i, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=1, column=i)
            cell.font = Font(bold=column in spec.required)
            sheet.column_dimensions[cell.column_letter].width = max(14, len(column) + 4)
        allowed = book.create_sheet(ALLOWED_SHEET)
        allowed.append([_("Column"), _("Allowed values")])
        allowed["A1"].font = allowed["B1"].font = Font(bold=True)
        for column, text in spec.allowed_values(verksamhet):
            allowed.append([str(column), str(text)])
        allowed.append([])
        allowed.append([_("Columns in bold are required; the order of the columns is free.")])
        allowed.column_dimensions["A"].width = 28
        allowed.column_dimensions["B"].width = 100
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()


def content_type(fmt: str) -> str:
    if fmt == "csv":
        return "text/csv; charset=utf-8"
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
