"""The data-protection overview, the client list, and the registerutdrag download."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from clients.models import UppdragStatus
from core.access import requires, verksamhet_of
from core.audit import log_search
from core.http import Request
from core.models import AccessLog
from core.pdf import pdf_response
from core.query import QueryForm, SearchField
from dataprotection.selectors.gallring import dry_run
from dataprotection.selectors.loggkontroll import unsigned_months
from dataprotection.selectors.screens import client_in, clients_for, requests_for
from dataprotection.services import registerutdrag_pdf

PER_PAGE = 50


@requires("dataprotection.view")
def index(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    due = dry_run(verksamhet, limit=1, with_records=False)
    return render(
        request,
        "dataprotection/index.html",
        {
            "due": due,
            "open_requests": requests_for(verksamhet, open_only=True).count(),
            "unsigned": unsigned_months(verksamhet),
        },
    )


class ClientSearch(QueryForm):
    q = SearchField()


@requires("dataprotection.view")
def clients(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    search = ClientSearch.read(request)["q"] or ""
    page = Paginator(clients_for(verksamhet, search=search), PER_PAGE).get_page(
        request.GET.get("sida")
    )
    if search.strip():  # a search reads the clients it finds: the text and the hits
        log_search(
            user=request.user,
            verksamhet=verksamhet,
            what=search.strip(),
            hits=page.paginator.count,
            path=request.path,
        )
    statuses = dict(UppdragStatus.choices)
    for c in page.object_list:
        c.uppdrag_status_label = statuses.get(c.uppdrag_status, "")
    return render(
        request,
        "dataprotection/clients.html",
        {
            "page": page,
            "search": search,
            "can_request": request.actor.holds("anonymisation.request"),
        },
    )


@requires("dataprotection.view")
def registerutdrag(request: Request, pk: int) -> HttpResponse:
    """One click: the PDF of everything held about the client (logged as a print)."""
    client = client_in(verksamhet_of(request.actor), pk)
    data = registerutdrag_pdf(
        client=client, by=request.user, action=AccessLog.Action.PDF, path=request.path
    )
    return pdf_response(data, f"registerutdrag-{client.pk}.pdf", inline=False)
