"""Change history for the lead and admin: who changed what, as a readable diff."""

from __future__ import annotations

from itertools import islice

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from core.access import requires
from core.history import TRACKED, readable_changes
from core.models import Role

PER_MODEL = 50


def _row(record: object) -> dict:
    return {
        "record": record,
        "label": record.instance_type._meta.label_lower,  # type: ignore[attr-defined]
        "changes": readable_changes(record),
    }


@requires(Role.LEAD, Role.ADMIN)
def history_recent(request: HttpRequest) -> HttpResponse:
    """Latest changes in the verksamhet, optionally for one kind of record."""
    verksamhet = request.verksamhet  # type: ignore[attr-defined]
    only = request.GET.get("typ", "")
    tracked = [t for t in TRACKED.values() if not only or t.label == only]
    records = []
    for t in tracked:
        qs = (
            t.model.history.filter(**{f"{t.verksamhet_path}_id": verksamhet.pk})  # type: ignore[attr-defined]
            .select_related("history_user")
            .order_by("-history_date")[:PER_MODEL]
        )
        records.extend(qs)
    records.sort(key=lambda r: r.history_date, reverse=True)
    page = Paginator(records, 50).get_page(request.GET.get("sida"))
    rows = [_row(r) for r in islice(page.object_list, 50)]
    choices = sorted(
        ((t.label, t.model._meta.verbose_name_plural) for t in TRACKED.values()),
        key=lambda c: str(c[1]),
    )
    return render(
        request,
        "core/history_recent.html",
        {"rows": rows, "page": page, "choices": choices, "only": only},
    )


@requires(Role.LEAD, Role.ADMIN)
def history_object(request: HttpRequest, label: str, pk: int) -> HttpResponse:
    """All changes of one record, oldest last."""
    t = TRACKED.get(label)
    if t is None:
        raise Http404
    verksamhet = request.verksamhet  # type: ignore[attr-defined]
    obj = t.model._default_manager.filter(
        pk=pk, **{f"{t.verksamhet_path}_id": verksamhet.pk}
    ).first()
    records = t.model.history.filter(id=pk, **{f"{t.verksamhet_path}_id": verksamhet.pk})  # type: ignore[attr-defined]
    records = records.select_related("history_user").order_by("-history_date")
    if obj is None and not records.exists():
        raise Http404
    rows = [_row(r) for r in records[:200]]
    return render(request, "core/history_object.html", {"rows": rows, "obj": obj, "tracked": t})
