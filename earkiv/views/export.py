"""The e-arkiv page: the years with stored documents and a package to download for each."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.documents import DocumentCorrupt
from core.http import Request

from ..package import documents_of, write_package, zip_package
from ..selectors import document_years

logger = logging.getLogger("ombud.documents")


@requires("earkiv.export")
def index(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    years = [
        {**row, "url": reverse("earkiv:download", kwargs={"year": row["year"]})}
        for row in document_years(verksamhet=verksamhet)
    ]
    return render(request, "earkiv/index.html", {"years": years, "title": _("E-archive")})


@requires("earkiv.export")
def download(request: Request, year: int) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    if not documents_of(verksamhet=verksamhet, year=year):
        raise Http404
    with tempfile.TemporaryDirectory(prefix="ombud-earkiv-") as folder:
        try:
            package = write_package(verksamhet=verksamhet, year=year, output=Path(folder))
        except DocumentCorrupt as exc:
            logger.error("E-arkiv package %s %s not made: %s", verksamhet.slug, year, exc)
            html = render(request, "core/document_corrupt.html", {"document": exc.document})
            html.status_code = 500
            return html
        archive = zip_package(package, Path(folder) / "package.zip")
        data = archive.read_bytes()
    logger.info(
        "E-arkiv package %s %s (%s) downloaded by user %s",
        verksamhet.slug,
        year,
        package.name,
        request.user.pk,
    )
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="earkiv-{verksamhet.slug}-{year}-{package.name}.zip"'
    )
    return response
