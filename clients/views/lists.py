"""Client lists: the ombud's caseload, all clients for the lead, the waiting list, per ombud."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.access import requires
from core.http import Request

from ..filters import ClientFilter
from ..selectors.lists import caseload_for, caseload_per_ombud, waiting_clients, waiting_list
from ._base import log_list
from ._rows import client_rows, page_of

PER_PAGE = 25


@requires("client.list")
def client_list(request: Request) -> HttpResponse:
    """Ombud: my clients today. Lead and admin: every client of the verksamhet."""
    actor = request.actor
    sees_all = actor.holds("client.see_all")
    filterset = ClientFilter(request.GET or None, caseload_for(actor=actor), actor=actor)
    page, rows = _page(request, filterset.qs, short=not sees_all)
    log_list(request, "client list", page.paginator.count, searched=searched(filterset))
    title = _("All clients") if sees_all else _("My clients")
    return render(
        request,
        "clients/list.html",
        {
            "title": title,
            "form": filterset.form,
            "page": page,
            "rows": rows,
            "show_ombud": sees_all,
            "querystring": _querystring(request),
        },
    )


@requires("client.list")
def waiting(request: Request) -> HttpResponse:
    page, rows = _page(request, waiting_list(actor=request.actor), short=True)
    log_list(request, "waiting list", page.paginator.count)
    return render(request, "clients/waiting.html", {"page": page, "rows": rows, "querystring": ""})


@requires("client.see_all")
def per_ombud(request: Request) -> HttpResponse:
    rows = caseload_per_ombud(actor=request.actor)
    waiting_count = waiting_clients(actor=request.actor).count()
    return render(request, "clients/per_ombud.html", {"rows": rows, "waiting_count": waiting_count})


def _page(request: Request, qs: QuerySet[Any], *, short: bool) -> tuple[Page, list[dict[str, Any]]]:
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


def _querystring(request: Request) -> str:
    params = request.GET.copy()
    params.pop("sida", None)
    return params.urlencode()
