"""Stored documents: write one in the freezing transaction, read it back only if intact.

``store_document`` is called by the service that freezes a record (justering, submission),
inside its transaction, so that the record and its bytes are committed together or not at
all. ``document_response`` is how a view serves one: the bytes are hashed again and compared
with the SHA-256 stored (and printed) at freezing; a mismatch is logged and the user gets an
error page, never the file.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

from core.models import Document, Verksamhet

logger = logging.getLogger("ombud.documents")

PDF = "application/pdf"


class DocumentCorrupt(Exception):
    """The stored bytes no longer hash to the stored SHA-256."""

    def __init__(self, document: Document, found: str) -> None:
        super().__init__(f"document {document.pk}: sha256 {found} != stored {document.sha256}")
        self.document = document
        self.found = found


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_document(
    *,
    verksamhet: Verksamhet,
    kind: str,
    title: str,
    date: datetime.date,
    file_name: str,
    content: bytes,
    by: Any,
    content_type: str = PDF,
    diarienummer: str = "",
) -> Document:
    """Store ``content`` once; the caller's transaction commits it with the freezing record."""
    return Document.objects.create(
        verksamhet=verksamhet,
        kind=kind,
        title=title,
        date=date,
        diarienummer=diarienummer,
        file_name=file_name,
        content_type=content_type,
        size=len(content),
        sha256=sha256_of(content),
        content=content,
        created_by=by if getattr(by, "pk", None) else None,
    )


def read_document(document: Document) -> bytes:
    """The document's bytes, after checking them against the stored SHA-256."""
    data = bytes(document.content)
    found = sha256_of(data)
    if found != document.sha256 or len(data) != document.size:
        raise DocumentCorrupt(document, found)
    return data


def document_response(
    request: HttpRequest, document: Document, *, filename: str | None = None, inline: bool = True
) -> HttpResponse:
    """Serve a stored document to a user the view has already let through.

    Every read is logged (who, which document); a damaged document is logged as an error and
    answered with a Swedish error page (status 500), so nobody relies on a changed file.
    """
    user = getattr(request, "user", None)
    try:
        data = read_document(document)
    except DocumentCorrupt as exc:
        logger.error(
            "Stored document %s (%s) failed its SHA-256 check: stored %s, computed %s; not served to user %s",
            document.pk,
            document.file_name,
            document.sha256,
            exc.found,
            getattr(user, "pk", None),
        )
        html = render_to_string("core/document_corrupt.html", {"document": document}, request)
        return HttpResponse(html, status=500)
    logger.info(
        "Stored document %s (%s) read by user %s",
        document.pk,
        document.file_name,
        getattr(user, "pk", None),
    )
    response = HttpResponse(data, content_type=document.content_type)
    name = filename or document.file_name
    stem, _dot, ext = name.rpartition(".")
    safe = f"{slugify(stem or name) or 'dokument'}.{ext if stem else 'pdf'}"
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{safe}"'
    response["Content-Length"] = str(len(data))
    return response
