"""Loggkontroll: the lead reviews each month's reads and signs the month off."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires_roles
from core.models import Role
from dataprotection.forms import LogReviewForm, show_errors
from dataprotection.models import LogReview
from dataprotection.selectors.loggkontroll import (
    OFFICE_END,
    OFFICE_START,
    findings_for,
    reads_per_day_limit,
    reviewable_months,
)
from dataprotection.services import logreview_sign


@requires_roles(Role.LEAD, Role.ADMIN)
def months(request: HttpRequest) -> HttpResponse:
    rows = reviewable_months(request.verksamhet)  # type: ignore[attr-defined]
    return render(request, "dataprotection/loggkontroll.html", {"rows": rows})


@requires_roles(Role.LEAD, Role.ADMIN, write=[Role.LEAD])
def month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    try:
        first = datetime.date(year, month, 1)
    except ValueError as exc:
        raise Http404 from exc
    verksamhet = request.verksamhet  # type: ignore[attr-defined]
    review = (
        LogReview.objects.filter(verksamhet=verksamhet, month=first)
        .select_related("signed_by")
        .first()
    )
    form = LogReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            logreview_sign(
                verksamhet=verksamhet,
                month=first,
                by=request.user,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The month is signed off."))
            return redirect("dataprotection:loggkontroll_month", year=year, month=month)
    return render(
        request,
        "dataprotection/loggkontroll_month.html",
        {
            "month": first,
            "found": findings_for(verksamhet, first),
            "review": review,
            "form": form,
            "limit": reads_per_day_limit(),
            "office_start": OFFICE_START,
            "office_end": OFFICE_END,
        },
    )
