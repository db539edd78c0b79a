"""Client lists: the ombud's caseload, all clients for the lead, the waiting list, per ombud."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ombud.models import Role
from ombud.permissions import requires

from ..filters import ClientFilter
from ..selectors import viewer_for
from ..selectors.lists import caseload, caseload_per_ombud, waiting_list

PER_PAGE = 25
LIST_ROLES = (Role.OMBUD, Role.LEAD, Role.ADMIN)


@requires(*LIST_ROLES)
def client_list(request: HttpRequest) -> HttpResponse:
    """Ombud: my clients today. Lead and admin: every client of the verksamhet."""
    viewer = viewer_for(request)
    filterset = ClientFilter(request.GET or None, queryset=caseload(viewer), viewer=viewer)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("sida"))
    title = _("All clients") if viewer.sees_all else _("My clients")
    return render(
        request,
        "clients/list.html",
        {
            "title": title,
            "filter": filterset,
            "page": page,
            "show_ombud": viewer.sees_all,
            "querystring": _querystring(request),
        },
    )


@requires(*LIST_ROLES)
def waiting(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    page = Paginator(waiting_list(viewer), PER_PAGE).get_page(request.GET.get("sida"))
    return render(request, "clients/waiting.html", {"page": page, "querystring": ""})


@requires(Role.LEAD, Role.ADMIN)
def per_ombud(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    rows = caseload_per_ombud(viewer)
    waiting_count = waiting_list(viewer).count()
    return render(request, "clients/per_ombud.html", {"rows": rows, "waiting_count": waiting_count})


def _querystring(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("sida", None)
    return params.urlencode()
