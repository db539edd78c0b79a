"""The one HTML→PDF function: every PDF in Ombud is a Django template rendered by WeasyPrint."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify


def render_pdf(template: str, context: dict[str, Any], *, title: str) -> bytes:
    """Render ``template`` to an A4 PDF with ``title`` and Swedish language in its metadata.

    The template extends ``pdf/base.html`` (page size, margins, fonts, page numbers).
    """
    from weasyprint import HTML

    html = render_to_string(template, {**context, "pdf_title": title})
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    # Title, author and language come from <title>, <meta name="author"> and <html lang> in
    # pdf/base.html; WeasyPrint writes them into the document metadata.
    return document.write_pdf()


def pdf_response(data: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    safe = slugify(filename.rsplit(".", 1)[0]) or "dokument"
    response["Content-Disposition"] = f'{disposition}; filename="{safe}.pdf"'
    return response
