"""Employment periods of the ombud (the base of årsanställningar)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import requires_roles
from core.concurrency import StaleEdit
from core.query import QueryForm, YearField

from .. import selectors, services
from ..arsanstallning import arsanstallningar, period_share, to_decimal
from ..forms import EmploymentPeriodForm
from .common import MANAGE, show_errors


class PeriodListQuery(QueryForm):
    ar = YearField()


@requires_roles(*MANAGE)
def period_list(request: HttpRequest) -> HttpResponse:
    v = request.verksamhet  # type: ignore[attr-defined]
    year = PeriodListQuery.read(request)["ar"] or timezone.localdate().year
    year = min(max(year, 2013), 2100)
    periods = list(selectors.employment_periods_for(verksamhet=v))
    rows = [{"period": p, "share": to_decimal(period_share(p, year))} for p in periods]
    return render(
        request,
        "statsbidrag/employment_list.html",
        {
            "rows": rows,
            "year": year,
            "years": range(timezone.localdate().year + 1, timezone.localdate().year - 5, -1),
            "total": arsanstallningar(periods, year),
        },
    )


def _edit(request: HttpRequest, period=None) -> HttpResponse:  # type: ignore[no-untyped-def]
    v = request.verksamhet  # type: ignore[attr-defined]
    form = EmploymentPeriodForm(request.POST or None, instance=period, verksamhet=v)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in EmploymentPeriodForm.Meta.fields}
        try:
            services.employment_period_save(
                verksamhet=v,
                by=request.user,
                period=period,
                expected_version=form.cleaned_data.get("version"),
                **data,
            )
        except StaleEdit as exc:
            form.show_conflict(exc.current)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("statsbidrag:employment")
    title = _("Edit employment period") if period else _("New employment period")
    return render(request, "statsbidrag/form.html", {"form": form, "title": title})


@requires_roles(*MANAGE)
def period_new(request: HttpRequest) -> HttpResponse:
    return _edit(request)


@requires_roles(*MANAGE)
def period_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, selectors.period_for(verksamhet=request.verksamhet, pk=pk))  # type: ignore[attr-defined]
