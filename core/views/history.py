"""Change history for the lead and admin: who changed what, as a readable diff."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import render

from core.access import requires
from core.audit import log_access
from core.history import TRACKED, Tracked, merged
from core.history_render import Entry, entries, page_entries
from core.http import Request
from core.query import QueryForm

PER_PAGE = 50
OBJECT_ROWS = 200


class HistoryQuery(QueryForm):
    typ = forms.ChoiceField(required=False, choices=lambda: [(label, label) for label in TRACKED])


@requires("history.view")
def history_recent(request: Request) -> HttpResponse:
    """Latest changes in the verksamhet, optionally for one kind of record."""
    verksamhet = request.actor.verksamhet
    assert verksamhet is not None  # requires() lets no one without one in
    only = HistoryQuery.read(request)["typ"] or ""
    tracked = [t for t in TRACKED.values() if not only or t.label == only]
    keys = merged(
        {t.label: t.history().filter(**{f"{t.verksamhet_path}_id": verksamhet.pk}) for t in tracked}
    )
    page = Paginator(keys, PER_PAGE).get_page(request.GET.get("sida"))
    rows = page_entries(list(page.object_list))
    choices = sorted(
        ((t.label, t.model._meta.verbose_name_plural) for t in TRACKED.values()),
        key=lambda c: str(c[1]),
    )
    if any(TRACKED[row.label].client_path is not None for row in rows):
        # Old and new values of client records: one row for the page (the clients on it are
        # many, and a row each would be a write per change shown).
        log_access(
            user=request.user,
            obj=verksamhet,
            verksamhet_id=verksamhet.pk,
            what=f"change history {only}".strip(),
            path=request.path,
        )
    return render(
        request,
        "core/history_recent.html",
        {"rows": rows, "page": page, "choices": choices, "only": only},
    )


@requires("history.view")
def history_object(request: Request, label: str, pk: int) -> HttpResponse:
    """All changes of one record, oldest last."""
    t = TRACKED.get(label)
    if t is None:
        raise Http404
    verksamhet = request.actor.verksamhet
    assert verksamhet is not None  # requires() lets no one without one in
    found = t.model._default_manager.filter(pk=pk, **{f"{t.verksamhet_path}_id": verksamhet.pk})
    if t.client_path is not None:
        found = found.annotate(read_client_id=F(t.client_path))
    obj = found.first()
    records = t.history().filter(id=pk, **{f"{t.verksamhet_path}_id": verksamhet.pk})
    records = records.order_by("-history_date", "-history_id")
    rows: list[Entry] = entries(list(records[:OBJECT_ROWS]))
    if obj is None and not rows:
        raise Http404
    if t.client_path is not None:
        _log_client_read(request, t, pk, obj, records)
    name = rows[0].name if rows else ""
    return render(request, "core/history_object.html", {"rows": rows, "name": name, "tracked": t})


def _log_client_read(request: Request, t: Tracked, pk: int, obj: Any, records: Any) -> None:
    """The history of a client's record shows client data: one access-log row naming the
    client (as every client page does), else, when the record's links are gone, the record."""
    client_id = getattr(obj, "read_client_id", None)
    if client_id is None:  # deleted: its history rows still name their parent
        client_id = records.values_list(t.client_path, flat=True).first()
    client_model: Any = t.client_model
    target = t.model(pk=pk) if client_id is None else client_model(pk=client_id)
    log_access(
        user=request.user,
        obj=target,
        verksamhet_id=request.actor.verksamhet.pk if request.actor.verksamhet else 0,
        what=f"change history {t.label} {pk}",
        path=request.path,
    )
