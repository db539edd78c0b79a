"""Exportera verksamhetens data: the page that explains it, and the zip (admin only)."""

from __future__ import annotations

from django.http import HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render

from core.access import requires, verksamhet_of
from core.audit import log_access
from core.http import Request
from core.models import AccessLog

from ..export import file_name, stream, tables


@requires("data.export")
def export(request: Request) -> HttpResponseBase:
    verksamhet = verksamhet_of(request.actor)
    if request.method != "POST":
        found = tables(verksamhet)
        return render(
            request,
            "administration/export.html",
            {"tables": sorted(str(t.model._meta.verbose_name_plural) for t in found)},
        )
    # Every record of the verksamhet leaves with this file: one access-log row says who took
    # it and when, before the first byte is sent.
    log_access(
        user=request.user,
        obj=verksamhet,
        verksamhet_id=verksamhet.pk,
        action=AccessLog.Action.EXPORT,
        what="export: all data of the verksamhet",
        path=request.path,
    )
    response = StreamingHttpResponse(stream(verksamhet), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{file_name(verksamhet)}"'
    return response
