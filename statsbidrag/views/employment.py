"""Employment periods of the ombud (the base of årsanställningar)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import form_page, submit
from core.http import Request
from core.query import QueryForm, YearField

from .. import selectors, services
from ..arsanstallning import arsanstallningar, period_share, to_decimal
from ..forms import EmploymentPeriodForm
from ..models import EmploymentPeriod
from .common import crumbs


class PeriodListQuery(QueryForm):
    ar = YearField()


@requires("grant.manage")
def period_list(request: Request) -> HttpResponse:
    year = PeriodListQuery.read(request)["ar"] or timezone.localdate().year
    year = min(max(year, 2013), 2100)
    periods = list(selectors.employment_periods_for(verksamhet=verksamhet_of(request.actor)))
    rows = [{"period": p, "share": to_decimal(period_share(p, year))} for p in periods]
    return render(
        request,
        "statsbidrag/employment_list.html",
        {
            "crumbs": crumbs(),
            "rows": rows,
            "year": year,
            "years": range(timezone.localdate().year + 1, timezone.localdate().year - 5, -1),
            "total": arsanstallningar(periods, year),
        },
    )


def _edit(request: Request, period: EmploymentPeriod | None = None) -> HttpResponse:
    v = verksamhet_of(request.actor)
    form = EmploymentPeriodForm(request.POST or None, instance=period, verksamhet=v)
    saved = submit(
        request,
        form,
        lambda data: services.employment_period_save(
            verksamhet=v,
            by=request.user,
            period=period,
            expected_version=data.get("version"),
            **{k: data[k] for k in EmploymentPeriodForm.Meta.fields},
        ),
    )
    if saved is not None:
        messages.success(request, _("Saved."))
        return redirect("statsbidrag:employment")
    return form_page(
        request,
        form,
        title=_("Edit employment period") if period else _("New employment period"),
        crumbs=crumbs(),
        cancel_url=reverse("statsbidrag:index"),
    )


@requires("grant.manage")
def period_new(request: Request) -> HttpResponse:
    return _edit(request)


@requires("grant.manage")
def period_edit(request: Request, pk: int) -> HttpResponse:
    return _edit(request, selectors.period_for(verksamhet=request.verksamhet, pk=pk))
