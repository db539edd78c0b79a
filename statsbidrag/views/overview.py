"""The statsbidrag start page and one grant year with its parameters and money."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import form_page, submit
from core.http import Request

from .. import selectors, services
from ..access import READ
from ..arsanstallning import arsanstallningar, possible_repayment
from ..forms import GrantYearForm
from ..models import DocumentStatus, GrantYear
from ..reports.documents import APPLICATION, REDOVISNING
from ..reports.staff import periods_in_year
from .common import crumbs


@requires("grant.view")
def index(request: Request) -> HttpResponse:
    """The grant years, each with the documents this user may open (and no other links)."""
    actor = request.actor
    rows = []
    for gy in selectors.grant_years_for(verksamhet=verksamhet_of(request.actor)):
        row = {
            "grant_year": gy,
            "application": selectors.document_of(APPLICATION, gy),
            "redovisning": selectors.document_of(REDOVISNING, gy),
            "read_application": actor.can(READ[APPLICATION], gy),
            "read_redovisning": actor.can(READ[REDOVISNING], gy),
        }
        if row["read_application"] or row["read_redovisning"]:
            rows.append(row)
    return render(
        request,
        "statsbidrag/index.html",
        {
            "rows": rows,
            "manage": actor.holds("grant.manage"),
            "deadlines": selectors.deadlines(),
            "submitted": DocumentStatus.SUBMITTED,
        },
    )


@requires("grant.manage")
def year_detail(request: Request, year: int) -> HttpResponse:
    gy = selectors.grant_year_for(verksamhet=request.verksamhet, year=year)
    periods = list(periods_in_year(verksamhet=gy.verksamhet, year=year))
    detail = selectors.grant_year_detail(grant_year=gy)
    context = {
        "gy": gy,
        "crumbs": crumbs(),
        "arsanstallningar": arsanstallningar(periods, year),
        "possible_repayment": possible_repayment(
            periods=periods,
            year=year,
            amount=gy.amount_per_arsanstallning,
            paid=sum((p.amount for p in detail["payments"]), Decimal(0)),
        ),
        "application": selectors.document_of(APPLICATION, gy),
        "redovisning": selectors.document_of(REDOVISNING, gy),
        **detail,
    }
    return render(request, "statsbidrag/year_detail.html", context)


def _save_year(
    request: Request, data: dict[str, Any], instance: GrantYear | None = None
) -> GrantYear:
    fields = {
        k: v for k, v in data.items() if k not in ("version", "year", "participating_kommuner")
    }
    return services.grant_year_save(
        verksamhet=verksamhet_of(request.actor),
        by=request.user,
        year=data.get("year"),
        grant_year=instance,
        expected_version=data.get("version"),
        participating_kommuner=list(data["participating_kommuner"]),
        **fields,
    )


@requires("grant.manage")
def year_new(request: Request) -> HttpResponse:
    v = verksamhet_of(request.actor)
    form = GrantYearForm(
        request.POST or None, verksamhet=v, initial={"applicant_kommun": v.huvudman}
    )
    gy = submit(request, form, lambda data: _save_year(request, data))
    if gy is not None:
        messages.success(request, _("The year was created."))
        return redirect("statsbidrag:year", year=gy.year)
    return form_page(
        request,
        form,
        title=_("New grant year"),
        crumbs=crumbs(),
        cancel_url=reverse("statsbidrag:index"),
    )


@requires("grant.manage")
def year_edit(request: Request, year: int) -> HttpResponse:
    gy = selectors.grant_year_for(verksamhet=request.verksamhet, year=year)
    form = GrantYearForm(request.POST or None, instance=gy, verksamhet=gy.verksamhet)
    if submit(request, form, lambda data: _save_year(request, data, instance=gy)) is not None:
        messages.success(request, _("Saved."))
        return redirect("statsbidrag:year", year=gy.year)
    return form_page(
        request,
        form,
        title=_("Parameters for %(year)s") % {"year": year},
        crumbs=crumbs(gy),
        cancel_url=reverse("statsbidrag:year", args=[gy.year]),
    )
