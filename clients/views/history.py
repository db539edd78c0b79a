"""The client's timeline: everything that happened to the record and the records under it."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse

from core.history_render import page_entries
from core.http import Request
from core.query import PageField, QueryForm

from ..selectors import client_for
from ..selectors.history import timeline, timeline_kinds
from ._base import client_page, client_view

PER_PAGE = 50


class TimelineQuery(QueryForm):
    typ = forms.ChoiceField(
        required=False, choices=lambda: [(t.label, t.label) for t in timeline_kinds()]
    )
    fran = forms.DateField(required=False)
    till = forms.DateField(required=False)
    sida = PageField()


@client_view(what="history")
def client_history(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk)
    query = TimelineQuery.read(request)
    keys = timeline(
        actor=request.actor,
        client=client,
        kind=query["typ"],
        since=query["fran"],
        until=query["till"],
    )
    page = Paginator(keys, PER_PAGE).get_page(query["sida"])
    chosen = {k: str(v) for k, v in query.items() if v and k != "sida"}
    return client_page(
        request,
        "clients/history.html",
        client,
        tab="history",
        rows=page_entries(list(page.object_list)),
        page=page,
        kinds=[(t.label, t.model._meta.verbose_name_plural) for t in timeline_kinds(request.actor)],
        chosen=chosen,
        querystring=urlencode(chosen),
    )
