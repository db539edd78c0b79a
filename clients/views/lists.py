"""Client lists: the ombud's caseload, all clients for the lead, the waiting list, per ombud."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.access import requires_roles
from core.models import Role

from ..filters import ClientFilter
from ..selectors import viewer_for
from ..selectors.lists import caseload, caseload_per_ombud, waiting_clients, waiting_list
from ._base import log_list
from ._rows import client_rows, page_of

PER_PAGE = 25
LIST_ROLES = (Role.OMBUD, Role.LEAD, Role.ADMIN)


@requires_roles(*LIST_ROLES)
def client_list(request: HttpRequest) -> HttpResponse:
    """Ombud: my clients today. Lead and admin: every client of the verksamhet."""
    viewer = viewer_for(request)
    filterset = ClientFilter(request.GET or None, caseload(viewer), viewer=viewer)
    page, rows = _page(request, filterset.qs, short=not viewer.sees_all)
    log_list(request, "client list", page.paginator.count, searched=searched(filterset))
    title = _("All clients") if viewer.sees_all else _("My clients")
    return render(
        request,
        "clients/list.html",
        {
            "title": title,
            "form": filterset.form,
            "page": page,
            "rows": rows,
            "show_ombud": viewer.sees_all,
            "querystring": _querystring(request),
        },
    )


@requires_roles(*LIST_ROLES)
def waiting(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    page, rows = _page(request, waiting_list(viewer), short=True)
    log_list(request, "waiting list", page.paginator.count)
    return render(request, "clients/waiting.html", {"page": page, "rows": rows, "querystring": ""})


@requires_roles(Role.LEAD, Role.ADMIN)
def per_ombud(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    rows = caseload_per_ombud(viewer)
    waiting_count = waiting_clients(viewer).count()
    return render(request, "clients/per_ombud.html", {"rows": rows, "waiting_count": waiting_count})


def _page(
    request: HttpRequest, qs: QuerySet[Any], *, short: bool
) -> tuple[Page, list[dict[str, Any]]]:
    page = page_of(request, qs, PER_PAGE, short=short)
    return page, client_rows(page.object_list)


def searched(filterset: ClientFilter) -> str:
    """What the list was searched and filtered by, as applied (invalid values are left out):
    the search text, then each filter as name=value, apart by " · ". Empty when the list is
    unfiltered."""
    data = getattr(filterset.form, "cleaned_data", {})
    text = (data.get("q") or "").strip()
    filters = [
        f"{name}={data[name]}"
        for name in filterset.filters
        if name != "q" and data.get(name) not in (None, "")
    ]
    return " · ".join([text, *filters] if text else filters)


def _querystring(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("sida", None)
    return params.urlencode()
