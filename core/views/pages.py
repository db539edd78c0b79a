from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.access import public
from core.outage import is_outage, outage_response


@public
def accessibility(request: HttpRequest) -> HttpResponse:
    """Tillgänglighetsredogörelse (required of public-sector web services)."""
    return render(request, "core/accessibility.html")


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its except block: the database going away mid-request is the
    # outage page, which needs no template or session (core/outage.py).
    if is_outage(sys.exc_info()[1]):
        return outage_response()
    return render(request, "500.html", status=500)
