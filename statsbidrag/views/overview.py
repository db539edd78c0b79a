"""The statsbidrag start page and one grant year with its parameters and money."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires_roles
from core.concurrency import StaleEdit
from core.models import Role

from .. import selectors, services
from ..arsanstallning import arsanstallningar
from ..forms import GrantYearForm
from ..models import DocumentStatus
from ..reports.staff import periods_in_year
from .common import MANAGE, can_manage, show_errors


@requires_roles(*Role)
def index(request: HttpRequest) -> HttpResponse:
    v = request.verksamhet  # type: ignore[attr-defined]
    years = list(selectors.grant_years_for(verksamhet=v))
    manage = can_manage(request)
    rows = []
    for gy in years:
        app = selectors.document_of("ansokan", gy)
        red = selectors.document_of("redovisning", gy)
        rows.append({"grant_year": gy, "application": app, "redovisning": red})
    if not manage and not request.roles & {Role.OMBUD}:  # type: ignore[attr-defined]
        rows = [
            r
            for r in rows
            if selectors.is_submitted(r["application"]) or selectors.is_submitted(r["redovisning"])
        ]
    return render(
        request,
        "statsbidrag/index.html",
        {
            "rows": rows,
            "manage": manage,
            "deadlines": selectors.deadlines(),
            "submitted": DocumentStatus.SUBMITTED,
        },
    )


@requires_roles(*MANAGE)
def year_detail(request: HttpRequest, year: int) -> HttpResponse:
    gy = selectors.grant_year_for(verksamhet=request.verksamhet, year=year)  # type: ignore[attr-defined]
    periods = list(periods_in_year(verksamhet=gy.verksamhet, year=year))
    context = {
        "gy": gy,
        "arsanstallningar": arsanstallningar(periods, year),
        "application": selectors.document_of("ansokan", gy),
        "redovisning": selectors.document_of("redovisning", gy),
        **selectors.grant_year_detail(grant_year=gy),
    }
    return render(request, "statsbidrag/year_detail.html", context)


def _save_year(request: HttpRequest, form: GrantYearForm, instance=None):  # type: ignore[no-untyped-def]
    data = {
        k: v
        for k, v in form.cleaned_data.items()
        if k not in ("version", "year", "participating_kommuner")
    }
    return services.grant_year_save(
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
        by=request.user,
        year=form.cleaned_data.get("year"),
        grant_year=instance,
        expected_version=form.cleaned_data.get("version"),
        participating_kommuner=list(form.cleaned_data["participating_kommuner"]),
        **data,
    )


@requires_roles(*MANAGE)
def year_new(request: HttpRequest) -> HttpResponse:
    v = request.verksamhet  # type: ignore[attr-defined]
    form = GrantYearForm(
        request.POST or None, verksamhet=v, initial={"applicant_kommun": v.huvudman}
    )
    if request.method == "POST" and form.is_valid():
        try:
            gy = _save_year(request, form)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The year was created."))
            return redirect("statsbidrag:year", year=gy.year)
    return render(request, "statsbidrag/form.html", {"form": form, "title": _("New grant year")})


@requires_roles(*MANAGE)
def year_edit(request: HttpRequest, year: int) -> HttpResponse:
    gy = selectors.grant_year_for(verksamhet=request.verksamhet, year=year)  # type: ignore[attr-defined]
    form = GrantYearForm(request.POST or None, instance=gy, verksamhet=gy.verksamhet)
    if request.method == "POST" and form.is_valid():
        try:
            _save_year(request, form, instance=gy)
        except StaleEdit as exc:
            form.show_conflict(exc.current)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("statsbidrag:year", year=gy.year)
    title = _("Parameters for %(year)s") % {"year": year}
    return render(request, "statsbidrag/form.html", {"form": form, "title": title, "gy": gy})
