"""Client lists: the ombud's caseload, all clients for the lead, the waiting list, per ombud."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ombud.models import Role
from ombud.permissions import requires

from ..filters import ClientFilterForm
from ..selectors import viewer_for
from ..selectors.lists import caseload, caseload_per_ombud, waiting_clients, waiting_list
from ._rows import client_rows

PER_PAGE = 25
LIST_ROLES = (Role.OMBUD, Role.LEAD, Role.ADMIN)


@requires(*LIST_ROLES)
def client_list(request: HttpRequest) -> HttpResponse:
    """Ombud: my clients today. Lead and admin: every client of the verksamhet."""
    viewer = viewer_for(request)
    form = ClientFilterForm(request.GET or None, viewer=viewer)
    page, rows = _page(request, form.filter(caseload(viewer)), short=not viewer.sees_all)
    title = _("All clients") if viewer.sees_all else _("My clients")
    return render(
        request,
        "clients/list.html",
        {
            "title": title,
            "form": form,
            "page": page,
            "rows": rows,
            "show_ombud": viewer.sees_all,
            "querystring": _querystring(request),
        },
    )


@requires(*LIST_ROLES)
def waiting(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    page, rows = _page(request, waiting_list(viewer), short=True)
    return render(request, "clients/waiting.html", {"page": page, "rows": rows, "querystring": ""})


@requires(Role.LEAD, Role.ADMIN)
def per_ombud(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    rows = caseload_per_ombud(viewer)
    waiting_count = waiting_clients(viewer).count()
    return render(request, "clients/per_ombud.html", {"rows": rows, "waiting_count": waiting_count})


def _page(
    request: HttpRequest, qs: QuerySet[Any], *, short: bool
) -> tuple[Page, list[dict[str, Any]]]:
    """The requested page (``sida``) of ``qs`` and its rows, as ``Paginator.get_page`` gives.

    A ``short`` list (an ombud's own clients, the waiting list: a few dozen to a few hundred
    rows whatever the national size) gets its total as a window count on the page's rows
    instead of a second query that evaluates the list's conditions again. A long list (all
    clients of a verksamhet) is counted apart: the count reads an index, where the window
    would read every row.
    """
    number = request.GET.get("sida")
    paginator = Paginator(qs, PER_PAGE)
    if short:
        try:
            n = int(number)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            n = 1
        if n >= 1:
            start = (n - 1) * PER_PAGE
            rows = list(qs.annotate(n_total=Window(Count("*")))[start : start + PER_PAGE])
            if rows or n == 1:
                paginator.count = rows[0]["n_total"] if rows else 0
                return Page(rows, n, paginator), client_rows(rows)
        # a page before the first or after the last: get_page gives the last page
    page = paginator.get_page(number)
    return page, client_rows(page.object_list)


def _querystring(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("sida", None)
    return params.urlencode()
